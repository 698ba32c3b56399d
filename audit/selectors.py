from .filters import AuditEventFilter
from .models import AuditEvent


def audit_event_list(*, user, filters=None) -> AuditEventFilter:
    """The audit events the user may read, filtered; the FilterSet's `.qs` is the list.
    Rows are shown from their own columns (the username is kept as text): no joins."""
    return AuditEventFilter(filters, queryset=AuditEvent.objects.visible_to(user))
