"""Lockout, session limits, a new session id at sign-in, and the password rules."""

import time

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import reverse

from accounts.middleware import LAST_ACTIVITY, SIGNED_IN_AT
from audit.models import AuditEvent

from .conftest import PASSWORD


def attempt(client, password, username="principal"):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_five_failures_in_a_row_lock_the_account_from_that_address(client, lockout_on, principal):
    for _ in range(5):
        attempt(client, "wrong-password")
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    assert "Sign-in locked" in response.text and "30 minutes" in response.text
    assert AuditEvent.objects.filter(event=AuditEvent.Event.LOCKED_OUT, user=principal).exists()


def test_four_failures_do_not_lock(client, lockout_on, principal):
    for _ in range(4):
        attempt(client, "wrong-password")
    assert attempt(client, PASSWORD).status_code == 302


def test_a_success_resets_the_count(client, lockout_on, principal):
    for _ in range(4):
        attempt(client, "wrong-password")
    attempt(client, PASSWORD)
    client.post(reverse("logout"))
    for _ in range(4):
        attempt(client, "wrong-password")
    assert attempt(client, PASSWORD).status_code == 302


def test_the_lock_is_for_that_username_and_address_only(client, lockout_on, principal, sro):
    for _ in range(5):
        attempt(client, "wrong-password")
    assert attempt(client, PASSWORD, username="sro").status_code == 302


def test_an_administrator_releases_a_lock_by_deleting_the_attempt(client, lockout_on, principal):
    from axes.models import AccessAttempt
    for _ in range(5):
        attempt(client, "wrong-password")
    AccessAttempt.objects.all().delete()
    assert attempt(client, PASSWORD).status_code == 302


def test_sign_in_gives_a_new_session_id(client, principal):
    from django.contrib.sessions.models import Session
    before = client.session.session_key  # an anonymous session, with its cookie set
    assert client.cookies["sessionid"].value == before
    attempt(client, PASSWORD)
    assert client.cookies["sessionid"].value != before
    assert not Session.objects.filter(session_key=before).exists()


def age_session(client, *, idle=0, since_sign_in=0):
    session = client.session
    now = int(time.time())
    session[LAST_ACTIVITY] = now - idle
    session[SIGNED_IN_AT] = now - since_sign_in
    session.save()


def test_thirty_idle_minutes_sign_the_user_out(client, principal):
    client.force_login(principal)
    age_session(client, idle=31 * 60, since_sign_in=31 * 60)
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert "_auth_user_id" not in client.session
    assert AuditEvent.objects.get(event=AuditEvent.Event.SESSION_EXPIRED).detail == {"reason": "idle"}


def test_activity_within_thirty_minutes_keeps_the_session(client, principal):
    client.force_login(principal)
    age_session(client, idle=29 * 60, since_sign_in=60 * 60)
    assert client.get(reverse("home")).status_code == 200
    assert client.session[LAST_ACTIVITY] >= int(time.time()) - 5


def test_twelve_hours_after_sign_in_the_user_signs_in_again(client, principal):
    client.force_login(principal)
    age_session(client, idle=60, since_sign_in=12 * 3600 + 60)
    assert client.get(reverse("home")).url.startswith(reverse("login"))


def test_the_limits_are_settings(client, principal, settings):
    settings.SESSION_IDLE_MINUTES = 5
    client.force_login(principal)
    age_session(client, idle=6 * 60)
    assert client.get(reverse("home")).status_code == 302


def test_passwords_need_twelve_characters_and_no_composition_rules(db):
    try:
        validate_password("short-pass")
        raise AssertionError("a 10-character password was accepted")
    except ValidationError as error:
        assert "at least 12 characters" in str(error)
    validate_password("plain lowercase words only")  # no digits, capitals or symbols needed


def test_administrators_see_lockouts_in_the_admin_site_to_release_them(client, lockout_on, principal, program_admin):
    for _ in range(5):
        attempt(client, "wrong-password")
    program_admin.is_superuser = True
    program_admin.save(update_fields=["is_superuser"])
    client.force_login(program_admin)
    response = client.get(reverse("admin:axes_accessattempt_changelist"))
    assert response.status_code == 200 and "principal" in response.text
