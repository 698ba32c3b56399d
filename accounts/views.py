from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

from audit.decorators import no_store
from audit.models import AuditEvent
from audit.services import audit_record

from . import passkeys, two_step
from .forms import CodeForm


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change page, recording the change in the audit log."""

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(request=self.request, event=AuditEvent.Event.PASSWORD_CHANGED,
                     outcome=AuditEvent.Outcome.SUCCESS)
        return response


def _next_url(request, default="dashboards:landing"):
    """Where to go after a two-step step: the page asked for, if it is on this site; else where
    signing in leads (an SRO's quick log, everyone else's home)."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()},
                                       require_https=request.is_secure()):
        return target
    return default


@login_required
@no_store
def two_step_setup(request):
    """See whether two-step verification is on; set it up by scanning a QR code (or typing
    the key) and confirming with a code."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect("accounts:two_step_verify")
    # The authenticator app's page: passkeys have their own (accounts.passkeys).
    devices = list(TOTPDevice.objects.devices_for_user(user))
    if devices:
        return render(request, "accounts/two_step.html", {
            "devices": devices, "required": two_step.two_step_required(user)})
    key = two_step.new_enrolment_key(request.session)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if two_step.code_matches(key, form.cleaned_data["code"]):
            device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), key=key, confirmed=True)
            request.session.pop(two_step.ENROL_KEY, None)
            request.session[two_step.STATE_KEY] = two_step.DEVICE
            otp_login(request, device)
            request.session.cycle_key()  # signed in fully now: a new session id
            audit_record(request=request, event=AuditEvent.Event.TWO_STEP_CHANGED,
                         outcome=AuditEvent.Outcome.SUCCESS, obj=device, detail={"action": "set_up"})
            return redirect(_next_url(request))
        form.add_error("code", _("This code does not match. Check the time on your phone and try again."))
    uri = two_step.provisioning_uri(user, key)
    return render(request, "accounts/two_step.html", {
        "form": form, "qr_svg": two_step.qr_svg(uri), "secret": two_step.base32(key),
        "required": two_step.two_step_required(user), "next": _next_url(request, ""),
        "has_passkey": user_has_device(user)})


@require_POST
@login_required
def two_step_remove(request):
    """Turn the authenticator app off (a user who needs a second step and has no passkey is asked
    to set one up again). Passkeys stay: they are removed one by one on their own page."""
    for device in TOTPDevice.objects.devices_for_user(request.user, confirmed=None):
        audit_record(request=request, event=AuditEvent.Event.TWO_STEP_CHANGED,
                     outcome=AuditEvent.Outcome.SUCCESS, obj=device, detail={"action": "removed"})
        device.delete()
    request.session[two_step.STATE_KEY] = two_step.two_step_state(request.user)
    return redirect("accounts:two_step")


@login_required
@no_store
def two_step_verify(request):
    """After the password: the code from the user's authenticator app."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            request.session.cycle_key()  # signed in fully now: a new session id
            audit_record(request=request, event=AuditEvent.Event.TWO_STEP, outcome=AuditEvent.Outcome.SUCCESS)
            return redirect(_next_url(request))
        audit_record(request=request, event=AuditEvent.Event.TWO_STEP, outcome=AuditEvent.Outcome.FAILURE)
        form.add_error("code", _("This code is not valid. Wait for the next code and try again."))
    return render(request, "accounts/two_step_verify.html", {
        "form": form, "next": _next_url(request, ""), "issuer": settings.OTP_TOTP_ISSUER,
        "has_app": TOTPDevice.objects.devices_for_user(request.user).exists(),
        "has_passkey": passkeys.user_passkeys(request.user).exists()})


def locked_out(request, original_response=None, credentials=None):
    """The page shown after too many failed sign-ins (django-axes' AXES_LOCKOUT_CALLABLE)."""
    return render(request, "registration/locked_out.html", {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cooloff_minutes": settings.AXES_COOLOFF_MINUTES,
    }, status=429)
