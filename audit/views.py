import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from common.csvexport import csv_response

from .decorators import no_store
from .selectors import audit_event_list
from .services import audit_export

EXPORT_HEADER = [_("When (UTC)"), _("User"), _("Event"), _("Outcome"), _("Source address"),
                 _("Object type"), _("Object id"), _("Detail")]


def _require_reader(user):
    # Whether a user may read the audit log is the user model's to say (accounts, a floor up).
    if not user.can_read_audit_log:
        raise PermissionDenied


@login_required
@no_store
def event_list(request):
    _require_reader(request.user)
    events = audit_event_list(user=request.user, filters=request.GET or None)
    page = Paginator(events.qs, 50).get_page(request.GET.get("page"))
    return render(request, "audit/event_list.html", {"filter": events, "page": page})


@login_required
def event_export(request):
    _require_reader(request.user)
    events = audit_event_list(user=request.user, filters=request.GET or None)
    audit_export(request, "audit_events", count=events.qs.count())
    return csv_response(
        filename="audit-log",
        header=EXPORT_HEADER,
        rows=events.qs.iterator(chunk_size=1000),
        row=lambda e: [e.occurred_at.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M:%S"),
                       e.username, e.get_event_display(), e.get_outcome_display(), e.source_address,
                       e.object_type, e.object_id,
                       "; ".join(f"{key}={value}" for key, value in sorted(e.detail.items()))],
    )
