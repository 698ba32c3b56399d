from django.urls import reverse

from audit.models import AuditEvent

PASSWORD = "a-long-test-password"


def test_a_sign_in_is_recorded_with_the_source_address(client, coordinator):
    client.post(reverse("login"), {"username": "coordinator", "password": PASSWORD}, REMOTE_ADDR="192.0.2.1")
    event = AuditEvent.objects.get(event=AuditEvent.Event.SIGN_IN)
    assert (event.user, event.outcome, event.source_address) == (coordinator, "success", "192.0.2.1")


def test_a_failed_sign_in_is_recorded_without_the_password(client, coordinator):
    client.post(reverse("login"), {"username": "coordinator", "password": "wrong-password-typed"})
    event = AuditEvent.objects.get(event=AuditEvent.Event.SIGN_IN_FAILED)
    assert (event.user, event.outcome) == (coordinator, "failure")
    assert "wrong-password-typed" not in str(AuditEvent.objects.values_list())


def test_a_failed_sign_in_with_an_unknown_name_keeps_the_name_typed(client, db):
    client.post(reverse("login"), {"username": "nobody", "password": "whatever-typed"})
    event = AuditEvent.objects.get(event=AuditEvent.Event.SIGN_IN_FAILED)
    assert (event.user, event.username) == (None, "nobody")


def test_a_sign_out_is_recorded(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("logout"))
    assert AuditEvent.objects.filter(event=AuditEvent.Event.SIGN_OUT, user=coordinator).exists()


def test_a_password_change_is_recorded(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("password_change"), {"old_password": PASSWORD, "new_password1": "another-long-passphrase",
                                             "new_password2": "another-long-passphrase"})
    assert AuditEvent.objects.filter(event=AuditEvent.Event.PASSWORD_CHANGED, user=coordinator).exists()
