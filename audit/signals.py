"""Sign-in, sign-out and lockout events, heard through Django's and django-axes' signals
(the views that sign people in belong to those libraries)."""

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from .models import AuditEvent
from .services import audit_record

Event, Outcome = AuditEvent.Event, AuditEvent.Outcome


def _known_user(username):
    if not username:
        return None
    return get_user_model()._default_manager.filter(**{get_user_model().USERNAME_FIELD: username}).first()


@receiver(user_logged_in, dispatch_uid="audit_sign_in")
def record_sign_in(sender, request, user, **kwargs):
    audit_record(request=request, user=user, event=Event.SIGN_IN, outcome=Outcome.SUCCESS)


@receiver(user_login_failed, dispatch_uid="audit_sign_in_failed")
def record_sign_in_failure(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in `credentials`; only the username is kept.
    username = str(credentials.get("username", ""))[:150]
    audit_record(request=request, user=_known_user(username), username=username,
                 event=Event.SIGN_IN_FAILED, outcome=Outcome.FAILURE)


@receiver(user_logged_out, dispatch_uid="audit_sign_out")
def record_sign_out(sender, request, user, **kwargs):
    if user is None:
        return
    reason = getattr(request, "audit_sign_out_reason", "")
    audit_record(request=request, user=user,
                 event=Event.SESSION_EXPIRED if reason else Event.SIGN_OUT,
                 outcome=Outcome.SUCCESS, detail={"reason": reason} if reason else None)


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def record_lockout(sender, request, username=None, ip_address=None, **kwargs):
    audit_record(request=request, user=_known_user(username), username=username or "",
                 event=Event.LOCKED_OUT, outcome=Outcome.DENIED)
