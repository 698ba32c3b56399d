from django.urls import reverse


def test_sign_in_page_shows_the_restricted_notice(client, db):
    response = client.get(reverse("login"))
    assert "restricted to authorized users" in response.text


def test_sign_in_with_a_good_password_reaches_home(client, coordinator):
    response = client.post(reverse("login"), {"username": "coordinator", "password": "a-long-test-password"},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")


def test_sign_in_with_a_bad_password_keeps_the_username(client, coordinator):
    response = client.post(reverse("login"), {"username": "coordinator", "password": "wrong"})
    assert response.status_code == 200
    assert 'value="coordinator"' in response.text


def test_sign_out_is_post_only(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302


def test_password_change_requires_twelve_characters(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("password_change"), {
        "old_password": "a-long-test-password", "new_password1": "short-pw", "new_password2": "short-pw",
    })
    assert "at least 12 characters" in response.text


def test_french_interface_is_available(client, coordinator):
    client.force_login(coordinator)
    response = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.context["LANGUAGE_CODE"] == "fr"
