"""The security audit log: who did what, when, from where, with what outcome.

Rows are written once and never changed. On PostgreSQL a trigger refuses UPDATE, and DELETE
of rows younger than the legal floor (see migration 0002); `purge_audit` removes only rows
older than ``settings.AUDIT_RETENTION_DAYS``. No passwords and no names of young people are
ever stored: objects are recorded by type and id, details are small and chosen by the caller.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEventQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Events this user may read: program administrators all of them; coordinators
        those of the people who hold roles in their divisions; anyone else nothing.

        The user model (a floor above) knows roles and scopes: see ``User.audit_subject_q``.
        """
        if not user.is_authenticated or not user.can_read_audit_log:
            return self.none()
        return self.filter(user.audit_subject_q(field="user"))

    def older_than(self, days: int):
        return self.filter(occurred_at__lt=timezone.now() - timezone.timedelta(days=days))


class AuditEvent(models.Model):
    class Event(models.TextChoices):
        SIGN_IN = "sign_in", _("Sign-in")
        SIGN_IN_FAILED = "sign_in_failed", _("Failed sign-in")
        LOCKED_OUT = "locked_out", _("Locked out")
        SIGN_OUT = "sign_out", _("Sign-out")
        SESSION_EXPIRED = "session_expired", _("Session expired")
        TWO_STEP = "two_step", _("Two-step verification")
        TWO_STEP_CHANGED = "two_step_changed", _("Two-step verification set up or removed")
        PASSWORD_CHANGED = "password_changed", _("Password changed")
        ROLE_CHANGED = "role_changed", _("Role grant changed")
        ACCOUNT_DISABLED = "account_disabled", _("Account disabled")
        ACCESS_REFUSED = "access_refused", _("Access refused")
        EXPORT = "export", _("Export")
        ADMIN_ACTION = "admin_action", _("Administration action")
        AUDIT_PURGED = "audit_purged", _("Audit log purged")
        RETENTION = "retention", _("Retention run")
        REDACTION_REVIEWED = "redaction_reviewed", _("Redaction reviewed")

    class Outcome(models.TextChoices):
        SUCCESS = "success", _("Success")
        FAILURE = "failure", _("Failure")
        DENIED = "denied", _("Denied")

    occurred_at = models.DateTimeField(_("when (UTC)"), default=timezone.now, db_index=True)
    # No database constraint and no cascade: deleting a user must neither fail on nor
    # rewrite the audit rows (which the trigger forbids); the username is kept as text.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False,
        null=True, blank=True, related_name="+", verbose_name=_("user"),
    )
    username = models.CharField(_("username"), max_length=150, blank=True)
    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    source_address = models.GenericIPAddressField(_("source address"), null=True, blank=True)
    object_type = models.CharField(_("object type"), max_length=100, blank=True)
    object_id = models.CharField(_("object id"), max_length=64, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [models.Index(fields=["user", "occurred_at"]), models.Index(fields=["event", "occurred_at"])]

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.event} {self.username or '-'} {self.outcome}"
