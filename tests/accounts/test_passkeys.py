"""Passkeys on the server side: the Passkeys page, removal (own only, audited), a passkey as
the second step, and the authenticator-app page leaving passkeys alone. The ceremonies
themselves run in a browser: tests/phone/test_passkeys.py."""

from django.test import RequestFactory, override_settings
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp_webauthn.models import WebAuthnCredential

from accounts.passkeys import PasskeyHelper, relying_party_id
from audit.models import AuditEvent

from .conftest import PASSWORD


def passkey_for(user, credential_id=b"credential-1"):
    return WebAuthnCredential.objects.create(
        user=user, name="Passkey", credential_id=credential_id, public_key=b"key", sign_count=0, transports=[],
        aaguid="00000000-0000-0000-0000-000000000000", confirmed=True)


def signed_in_with(client, user, device):
    """Signed in, with the second step given with `device` (as django_otp.login records it)."""
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def sign_in(client, username):
    return client.post(reverse("login"), {"username": username, "password": PASSWORD})


def test_the_page_lists_the_users_own_passkeys_only(client, sro, principal):
    signed_in_with(client, sro, passkey_for(sro))
    passkey_for(principal, b"credential-2")
    response = client.get(reverse("accounts:passkeys"))
    assert [p.user for p in response.context["passkeys"]] == [sro]
    assert 'id="passkey-register-button"' in response.text
    assert response["Cache-Control"] == "no-store, private"


def test_removing_a_passkey_deletes_it_and_is_audited(client, sro):
    passkey = passkey_for(sro)
    signed_in_with(client, sro, passkey)
    response = client.post(reverse("accounts:passkey_remove", args=[passkey.pk]))
    assert response.url == reverse("accounts:passkeys")
    assert not WebAuthnCredential.objects.exists()
    event = AuditEvent.objects.get(event=AuditEvent.Event.TWO_STEP_CHANGED)
    assert (event.user_id, event.object_type, event.object_id, event.detail) == (
        sro.pk, "django_otp_webauthn.webauthncredential", str(passkey.pk), {"action": "passkey_removed"})


def test_another_users_passkey_does_not_exist_for_them(client, sro, principal):
    passkey = passkey_for(principal)
    client.force_login(sro)  # no device of their own: no second step to give
    assert client.post(reverse("accounts:passkey_remove", args=[passkey.pk])).status_code == 404
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()


def test_a_passkey_is_a_second_step_asked_after_the_password(client, two_step_on, principal):
    passkey_for(principal)
    sign_in(client, "principal")
    response = client.get(reverse("schools:school_list"))
    assert response.url.startswith(reverse("accounts:two_step_verify"))
    page = client.get(response.url).text
    assert 'id="passkey-verification-button"' in page
    assert 'name="code"' not in page  # no authenticator app: nothing to type


def test_with_both_the_verify_page_offers_the_passkey_and_the_code(client, two_step_on, principal, device_for):
    passkey_for(principal)
    device_for(principal)
    sign_in(client, "principal")
    page = client.get(reverse("accounts:two_step_verify")).text
    assert 'id="passkey-verification-button"' in page and 'name="code"' in page


def test_a_coordinator_without_a_second_step_may_make_a_passkey_of_it(client, two_step_on, coordinator):
    sign_in(client, "coordinator")
    assert client.get(reverse("schools:school_list")).url.startswith(reverse("accounts:two_step"))
    assert "Or use a passkey" in client.get(reverse("accounts:two_step")).text
    assert client.get(reverse("accounts:passkeys")).status_code == 200


def test_the_passkeys_page_waits_for_the_second_step_of_a_user_who_has_one(client, two_step_on, principal):
    passkey_for(principal)
    sign_in(client, "principal")
    assert client.get(reverse("accounts:passkeys")).url == reverse("accounts:two_step_verify")


def test_registering_waits_for_the_second_step_of_a_user_who_has_one(client, two_step_on, principal):
    passkey_for(principal)
    sign_in(client, "principal")
    response = client.post(reverse("otp_webauthn:credential-registration-begin"))
    assert response.status_code == 403
    assert response.json()["code"] == "user_not_verified"


def test_turning_the_app_off_keeps_passkeys(client, two_step_on, sro, device_for):
    passkey_for(sro)
    signed_in_with(client, sro, device_for(sro))
    client.post(reverse("accounts:two_step_remove"))
    assert WebAuthnCredential.objects.filter(user=sro).count() == 1
    assert not sro.totpdevice_set.exists()


def test_signing_in_with_a_passkey_asks_for_user_verification(client, db):
    response = client.post(reverse("otp_webauthn:credential-authentication-begin"))
    assert response.json()["userVerification"] == "required"


def test_the_relying_party_is_the_host_reached_unless_set():
    request = RequestFactory().get("/", HTTP_HOST="localhost:8123")
    assert relying_party_id(request) == "localhost"
    assert PasskeyHelper(request).get_allowed_origins() == ["http://localhost:8123"]
    with override_settings(OTP_WEBAUTHN_ALLOWED_ORIGINS=["https://sro.example.org"]):
        assert PasskeyHelper(request).get_allowed_origins() == ["https://sro.example.org"]
