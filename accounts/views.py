from django.contrib.auth import views as auth_views

from audit.models import AuditEvent
from audit.services import audit_record


class PasswordChangeView(auth_views.PasswordChangeView):
    """Django's password change page, recording the change in the audit log."""

    def form_valid(self, form):
        response = super().form_valid(form)
        audit_record(request=self.request, event=AuditEvent.Event.PASSWORD_CHANGED,
                     outcome=AuditEvent.Outcome.SUCCESS)
        return response
