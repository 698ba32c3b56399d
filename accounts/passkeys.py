"""Passkeys (WebAuthn, django-otp-webauthn): a phone's fingerprint or face unlock, or a security key.

A passkey is a django-otp device like the authenticator app, so it counts as the second step
wherever one is required (two_step.two_step_state). It also signs a user in on its own, with
user verification required (the library asks for it when nobody is signed in): after the idle
limit an SRO is back in with one touch. The session limits are the same as for a password.

The library's ceremony views are used as they are, with two additions made here: every use,
registration and removal is audited, and a second step given with a passkey changes the
session id, like a code does (views.two_step_verify)."""

import json

from django.contrib.auth.decorators import login_required
from django.http.request import split_domain_port
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.i18n import JavaScriptCatalog
from django_otp import user_has_device
from django_otp_webauthn import exceptions
from django_otp_webauthn import views as webauthn_views
from django_otp_webauthn.helpers import WebAuthnHelper
from django_otp_webauthn.models import WebAuthnCredential

from audit.decorators import no_store
from audit.models import AuditEvent
from audit.services import audit_record

from . import two_step

Event, Outcome = AuditEvent.Event, AuditEvent.Outcome


def relying_party_id(request) -> str:
    """The relying party (the name passkeys belong to) when OTP_WEBAUTHN_RP_ID is not set: the
    host name the browser reached, which ALLOWED_HOSTS let through."""
    return split_domain_port(request.get_host())[0]


class PasskeyHelper(WebAuthnHelper):
    """The origin expected in a ceremony is this site's as the browser reached it, unless
    OTP_WEBAUTHN_ALLOWED_ORIGINS fixes it (set it, and OTP_WEBAUTHN_RP_ID, in production: a
    passkey belongs to the name it was registered under). A page of another site relaying a
    ceremony carries its own origin, which never matches."""

    def get_allowed_origins(self) -> list[str]:
        return super().get_allowed_origins() or [f"{self.request.scheme}://{self.request.get_host()}"]


def user_passkeys(user):
    return WebAuthnCredential.objects.filter(user=user).order_by("-created_at", "-pk")


# The library's ceremonies, audited ------------------------------------------------------------

class RegistrationBegin(webauthn_views.BeginCredentialRegistrationView):
    pass


class RegistrationComplete(webauthn_views.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        response = super().post(*args, **kwargs)
        device = WebAuthnCredential.objects.get(pk=json.loads(response.content)["id"], user=self.request.user)
        device.name = _("Passkey")
        device.save(update_fields=["name"])
        self.request.session[two_step.STATE_KEY] = two_step.DEVICE
        audit_record(request=self.request, event=Event.TWO_STEP_CHANGED, outcome=Outcome.SUCCESS, obj=device,
                     detail={"action": "passkey_registered"})
        return response


class AuthenticationBegin(webauthn_views.BeginCredentialAuthenticationView):
    pass


class AuthenticationComplete(webauthn_views.CompleteCredentialAuthenticationView):
    def complete_auth(self, device):
        second_step = self.request.user.is_authenticated
        super().complete_auth(device)  # signs in (with user verification) or verifies the session
        if second_step:
            self.request.session.cycle_key()  # signed in fully now: a new session id
        audit_record(request=self.request, event=Event.TWO_STEP, outcome=Outcome.SUCCESS, obj=device,
                     detail={"method": "passkey", "step": "second_step" if second_step else "sign_in"})

    def handle_exception(self, exc):
        if isinstance(exc, exceptions.OTPWebAuthnApiError) and not isinstance(exc, exceptions.InvalidState):
            audit_record(request=self.request, event=Event.TWO_STEP, outcome=Outcome.FAILURE,
                         detail={"method": "passkey", "reason": exc.code})
        return super().handle_exception(exc)


# The library's template tags and scripts find these under the "otp_webauthn" namespace.
api_urlpatterns = ([
    path("registration/begin/", RegistrationBegin.as_view(), name="credential-registration-begin"),
    path("registration/complete/", RegistrationComplete.as_view(), name="credential-registration-complete"),
    path("authentication/begin/", AuthenticationBegin.as_view(), name="credential-authentication-begin"),
    path("authentication/complete/", AuthenticationComplete.as_view(), name="credential-authentication-complete"),
    path("jsi18n/", JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
], "otp_webauthn")


# The user's own passkeys -------------------------------------------------------------------------

@login_required
@no_store
def passkey_list(request):
    """The user's passkeys: add one (the browser asks the phone or key), or remove one. Open before
    the second step only to a user who has none yet (who may make a passkey their second step)."""
    if not request.user.is_verified() and user_has_device(request.user):
        return redirect("accounts:two_step_verify")
    return render(request, "accounts/passkeys.html", {
        "passkeys": user_passkeys(request.user), "required": two_step.two_step_required(request.user)})


@require_POST
@login_required
def passkey_remove(request, pk):
    """Remove one of the user's own passkeys (another user's does not exist for them)."""
    device = get_object_or_404(user_passkeys(request.user), pk=pk)
    audit_record(request=request, event=Event.TWO_STEP_CHANGED, outcome=Outcome.SUCCESS, obj=device,
                 detail={"action": "passkey_removed"})
    device.delete()
    request.session[two_step.STATE_KEY] = two_step.two_step_state(request.user)
    return redirect("accounts:passkeys")
