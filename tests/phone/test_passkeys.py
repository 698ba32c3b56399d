"""Passkeys in a real browser, with Chromium's virtual authenticator (DevTools WebAuthn domain)
standing in for the phone's fingerprint sensor: register one, sign back in with one touch
after the idle limit, give the second step with it, and be refused once it is removed."""

import pytest
from django_otp_webauthn.models import WebAuthnCredential

from audit.models import AuditEvent

from .conftest import PASSWORD, at, idle_for, screenshot, sign_in

pytestmark = pytest.mark.django_db(transaction=True)

Event, Outcome = AuditEvent.Event, AuditEvent.Outcome


def fingerprint_sensor(page, *, verifies=True):
    """A platform authenticator that keeps passkeys and checks the user (fingerprint or face)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True,
        "hasUserVerification": True, "isUserVerified": verifies, "automaticPresenceSimulation": True}})
    return cdp, added["authenticatorId"]


def add_passkey(page):
    page.goto("/accounts/passkeys/")
    page.click("#passkey-register-button")
    page.wait_for_selector("#passkey-list li")


def actions(user, event):
    return [e.detail.get("action") or e.detail.get("method") for e in
            AuditEvent.objects.filter(user_id=user.pk, event=event).order_by("pk")]


def test_a_passkey_signs_the_sro_back_in_after_the_idle_limit_until_removed(phone, sro_user):
    fingerprint_sensor(phone)
    sign_in(phone, sro_user, next_url="/activities/mine/")
    add_passkey(phone)
    assert WebAuthnCredential.objects.filter(user=sro_user).count() == 1
    assert actions(sro_user, Event.TWO_STEP_CHANGED) == ["passkey_registered"]

    idle_for(phone, 31)
    phone.goto("/activities/log/")
    phone.wait_for_url(at("/accounts/login/"))
    screenshot(phone, "passkey-sign-in")
    phone.click("#passkey-verification-button")  # one touch: no user name, no password
    phone.wait_for_url(at("/activities/log/"))
    passkey_use = AuditEvent.objects.get(user_id=sro_user.pk, event=Event.TWO_STEP)
    assert (passkey_use.outcome, passkey_use.detail) == (Outcome.SUCCESS, {"method": "passkey", "step": "sign_in"})
    assert AuditEvent.objects.filter(user_id=sro_user.pk, event=Event.SESSION_EXPIRED).count() == 1
    assert AuditEvent.objects.filter(user_id=sro_user.pk, event=Event.SIGN_IN).count() == 2

    phone.goto("/accounts/passkeys/")
    phone.click("#passkey-list button:has-text('Remove')")
    phone.wait_for_selector("#passkey-list-empty")
    assert not WebAuthnCredential.objects.exists()
    assert actions(sro_user, Event.TWO_STEP_CHANGED) == ["passkey_registered", "passkey_removed"]

    idle_for(phone, 31)
    phone.goto("/activities/log/")
    phone.wait_for_url(at("/accounts/login/"))
    phone.click("#passkey-verification-button")  # the phone still offers it; the portal no longer knows it
    phone.wait_for_selector("#passkey-verification-status-message:not(:empty)")
    phone.goto("/activities/log/")
    assert "/accounts/login/" in phone.url
    refused = AuditEvent.objects.filter(event=Event.TWO_STEP, outcome=Outcome.FAILURE).get()
    assert refused.detail["method"] == "passkey"


def test_signing_in_with_a_passkey_requires_user_verification(phone, sro_user):
    cdp, authenticator = fingerprint_sensor(phone)
    sign_in(phone, sro_user, next_url="/activities/mine/")
    add_passkey(phone)
    phone.evaluate("document.querySelector(\"form[action='/accounts/logout/']\").submit()")
    phone.wait_for_url(at("/accounts/login/"))
    # The phone holds the passkey but cannot tell who holds the phone (no fingerprint match).
    cdp.send("WebAuthn.setUserVerified", {"authenticatorId": authenticator, "isUserVerified": False})
    phone.click("#passkey-verification-button")
    phone.wait_for_selector("#passkey-verification-status-message:not(:empty)")
    phone.goto("/activities/log/")
    assert "/accounts/login/" in phone.url
    assert not AuditEvent.objects.filter(event=Event.TWO_STEP, outcome=Outcome.SUCCESS).exists()


def test_a_passkey_is_the_second_step_for_a_role_that_needs_one(phone, coordinator, settings):
    settings.OTP_REQUIRED_ROLES = ["coordinator"]
    coordinator.set_password(PASSWORD)
    coordinator.save()
    fingerprint_sensor(phone)
    sign_in(phone, coordinator, next_url="/accounts/two-step/")  # sent to set up a second step
    phone.click("main a[href='/accounts/passkeys/']")
    add_passkey(phone)
    phone.evaluate("document.querySelector(\"form[action='/accounts/logout/']\").submit()")
    phone.wait_for_url(at("/accounts/login/"))

    phone.fill("input[name=username]", coordinator.username)
    phone.fill("input[name=password]", PASSWORD)
    phone.click("form button[type=submit]")
    phone.wait_for_url(at("/accounts/two-step/verify/"))
    assert phone.locator("input[name=code]").count() == 0  # no app: the passkey is the second step
    phone.click("#passkey-verification-button")
    phone.wait_for_url(at("/"))
    assert actions(coordinator, Event.TWO_STEP) == ["passkey"]
    assert AuditEvent.objects.get(user_id=coordinator.pk, event=Event.TWO_STEP).detail["step"] == "second_step"
