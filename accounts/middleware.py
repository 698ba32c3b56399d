"""Sign-in hardening: session time limits and two-step verification."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .two_step import DEVICE, REQUIRED, STATE_KEY, two_step_state

PASSKEY_API_VIEW_NAMES = {"otp_webauthn:credential-registration-begin", "otp_webauthn:credential-registration-complete",
                          "otp_webauthn:credential-authentication-begin",
                          "otp_webauthn:credential-authentication-complete", "otp_webauthn:js-i18n-catalog"}

SIGNED_IN_AT = "signed_in_at"
LAST_ACTIVITY = "last_activity"
# Write the last-activity time at most once a minute: a session save per request is waste.
ACTIVITY_RESOLUTION = 60


def start_session_clock(session):
    """Called at sign-in: the times the session limits count from."""
    now = int(time.time())
    session[SIGNED_IN_AT] = now
    session[LAST_ACTIVITY] = now


class SessionLimitsMiddleware:
    """Sign the user out after SESSION_IDLE_MINUTES without a request, and
    SESSION_MAX_HOURS after sign-in whatever they do; they sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            if SIGNED_IN_AT not in session:  # a session from before this middleware
                start_session_clock(session)
            reason = ""
            if now - session[LAST_ACTIVITY] > settings.SESSION_IDLE_MINUTES * 60:
                reason = "idle"
            elif now - session[SIGNED_IN_AT] > settings.SESSION_MAX_HOURS * 3600:
                reason = "maximum_age"
            if reason:
                request.audit_sign_out_reason = reason
                logout(request)
                messages.info(request, _("Your session has ended. Please sign in again."))
                return redirect_to_login(request.get_full_path())
            if now - session[LAST_ACTIVITY] >= ACTIVITY_RESOLUTION:
                session[LAST_ACTIVITY] = now
        return self.get_response(request)


# Pages a signed-in user may reach before giving their code.
# The app's manifest and service worker hold no one's data, and a phone fetches them on its own.
# Passkeys: giving the second step with one, or making one the second step (the library refuses
# to register a passkey for a user who has a device and has not given the second step yet).
TWO_STEP_EXEMPT = {"accounts:two_step", "accounts:two_step_verify", "logout", "set_language",
                   "manifest", "service_worker", "accounts:passkeys", *PASSKEY_API_VIEW_NAMES}


class TwoStepMiddleware:
    """After the password: a user with an authenticator app gives a code before any page; a
    user who must have one (two_step_required) sets it up before any page. Covers the
    administration site too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.resolver_match and request.resolver_match.view_name in TWO_STEP_EXEMPT:
            return None
        state = request.session.get(STATE_KEY)
        if state is None:
            state = request.session[STATE_KEY] = two_step_state(user)
        if state == DEVICE:
            target = "accounts:two_step_verify"
        elif state == REQUIRED:
            target = "accounts:two_step"
        else:
            return None
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
