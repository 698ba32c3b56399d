"""Two-step verification: asked after the password, required for coordinators and
program administrators, offered to everyone."""

from binascii import unhexlify

from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_step
from accounts.demo import DEMO_TOTP_KEY
from audit.models import AuditEvent

from .conftest import PASSWORD


def code(key=DEMO_TOTP_KEY):
    return f"{TOTP(unhexlify(key)).token():06d}"


def sign_in(client, username):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_a_user_with_an_app_is_asked_for_the_code_before_any_page(client, two_step_on, principal, device_for):
    device_for(principal)
    sign_in(client, "principal")
    response = client.get(reverse("schools:school_list"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:two_step_verify"))


def test_the_right_code_lets_the_user_in_and_is_recorded(client, two_step_on, principal, device_for):
    device_for(principal)
    sign_in(client, "principal")
    before = client.session.session_key
    response = client.post(reverse("accounts:two_step_verify"), {"code": code(), "next": "/schools/"})
    assert response.url == "/schools/"
    assert client.session.session_key != before
    assert client.get(reverse("schools:school_list")).status_code == 200
    assert AuditEvent.objects.filter(event=AuditEvent.Event.TWO_STEP, outcome="success").exists()


def test_a_wrong_code_is_refused_and_recorded(client, two_step_on, principal, device_for):
    device_for(principal)
    sign_in(client, "principal")
    response = client.post(reverse("accounts:two_step_verify"), {"code": "000000"})
    assert response.status_code == 200
    assert "not valid" in response.text
    assert client.get(reverse("home")).status_code == 302
    assert AuditEvent.objects.filter(event=AuditEvent.Event.TWO_STEP, outcome="failure").exists()


def test_the_verify_page_does_not_redirect_elsewhere(client, two_step_on, principal, device_for):
    device_for(principal)
    sign_in(client, "principal")
    response = client.post(reverse("accounts:two_step_verify"), {"code": code(), "next": "https://evil.example/"})
    assert response.url == reverse("dashboards:landing")


def test_an_sro_verified_without_a_page_asked_for_lands_on_the_quick_log(client, two_step_on, sro, device_for):
    device_for(sro)
    sign_in(client, "sro")
    response = client.post(reverse("accounts:two_step_verify"), {"code": code()}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("activities:log")


def test_a_coordinator_without_an_app_must_set_it_up_first(client, two_step_on, coordinator):
    sign_in(client, "coordinator")
    response = client.get(reverse("home"))
    assert response.url.startswith(reverse("accounts:two_step"))


def test_the_admin_site_is_behind_two_step_verification_too(client, two_step_on, program_admin):
    client.force_login(program_admin)
    response = client.get(reverse("admin:index"))
    assert response.url.startswith(reverse("accounts:two_step"))


def test_an_sro_is_offered_but_not_forced(client, two_step_on, sro):
    sign_in(client, "sro")
    assert client.get(reverse("home")).status_code == 200
    assert client.get(reverse("accounts:two_step")).status_code == 200


def test_setting_up_shows_a_qr_code_and_the_key_and_writes_nothing_yet(client, two_step_on, coordinator):
    sign_in(client, "coordinator")
    response = client.get(reverse("accounts:two_step"))
    assert "<svg" in response.text and "style=" not in response.context["qr_svg"]
    assert response.context["secret"].replace(" ", "") in response.text.replace(" ", "")
    assert not TOTPDevice.objects.exists()


def test_confirming_with_a_code_turns_it_on_and_opens_the_site(client, two_step_on, coordinator):
    sign_in(client, "coordinator")
    client.get(reverse("accounts:two_step"))
    key = client.session[two_step.ENROL_KEY]
    response = client.post(reverse("accounts:two_step"), {"code": code(key)})
    assert response.url == reverse("dashboards:landing")
    assert TOTPDevice.objects.get(user=coordinator).confirmed
    assert client.get(reverse("home")).status_code == 200
    assert AuditEvent.objects.filter(event=AuditEvent.Event.TWO_STEP_CHANGED, detail__action="set_up").exists()


def test_a_wrong_confirmation_code_keeps_it_off(client, two_step_on, coordinator):
    sign_in(client, "coordinator")
    client.get(reverse("accounts:two_step"))
    response = client.post(reverse("accounts:two_step"), {"code": "12345x"})
    assert "does not match" in response.text
    assert not TOTPDevice.objects.exists()


def test_turning_it_off_removes_the_app(client, two_step_on, principal, device_for):
    device_for(principal)
    sign_in(client, "principal")
    client.post(reverse("accounts:two_step_verify"), {"code": code()})
    response = client.post(reverse("accounts:two_step_remove"))
    assert response.url == reverse("accounts:two_step")
    assert not TOTPDevice.objects.exists()


def test_turning_it_off_needs_the_code_first(client, two_step_on, principal, device_for):
    device_for(principal)
    sign_in(client, "principal")
    client.post(reverse("accounts:two_step_remove"))
    assert TOTPDevice.objects.exists()
