"""Audit middleware: refused access, administration actions, and no-store for signed-in pages."""

import json

from django.conf import settings
from django.contrib.admin.models import ADDITION, CHANGE, DELETION, LogEntry
from django.core.exceptions import PermissionDenied
from django.http import Http404

from .decorators import NO_STORE
from .models import AuditEvent
from .services import audit_record

ADMIN_ACTIONS = {ADDITION: "add", CHANGE: "change", DELETION: "delete"}


class AuditMiddleware:
    """Records what the views do not record themselves:

    - a 404 or 403 raised by a view for a signed-in user (the scoped fetch helpers and
      ``role_required``): the event is recorded, then Django renders its friendly error page;
    - every change made in the administration site: Django's own admin log (LogEntry) is
      mirrored after each admin POST, with the source address, whatever the model's app; the
      object's name (``object_repr``) is not copied, since it may be a young person's;
    - ``Cache-Control: no-store, private`` on every response to a signed-in user that has no
      Cache-Control of its own: any page after sign-in may show personal information.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        last_entry = getattr(request, "_audit_admin_last_entry", None)
        if last_entry is not None:
            self._mirror_admin_log(request, last_entry)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            response["Cache-Control"] = NO_STORE
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method == "POST" and match is not None and "admin" in match.namespaces \
                and request.user.is_authenticated:
            request._audit_admin_last_entry = (
                LogEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
            )

    def process_exception(self, request, exception):
        # Signed-in users only: scoped pages all require sign-in, and anonymous pages (such as
        # a survey code that does not exist) must not leave an address behind.
        if isinstance(exception, (Http404, PermissionDenied)) and request.user.is_authenticated:
            match = request.resolver_match
            audit_record(
                request=request, event=AuditEvent.Event.ACCESS_REFUSED, outcome=AuditEvent.Outcome.DENIED,
                detail={"status": 404 if isinstance(exception, Http404) else 403,
                        "view": match.view_name if match else "", "path": request.path[:200]},
            )
        return None  # Django goes on to render the 403 or 404 page.

    def _mirror_admin_log(self, request, last_entry):
        entries = LogEntry.objects.filter(pk__gt=last_entry, user_id=request.user.pk).select_related(
            "content_type").order_by("pk")
        user_label = settings.AUTH_USER_MODEL.lower()
        for entry in entries:
            object_type = f"{entry.content_type.app_label}.{entry.content_type.model}" if entry.content_type else ""
            fields = _changed_fields(entry.change_message)
            audit_record(request=request, event=AuditEvent.Event.ADMIN_ACTION,
                         outcome=AuditEvent.Outcome.SUCCESS,
                         obj=(object_type, entry.object_id),
                         detail={"action": ADMIN_ACTIONS.get(entry.action_flag, "?"), "fields": ",".join(fields)})
            if object_type == user_label and "password" in fields:
                audit_record(request=request, event=AuditEvent.Event.PASSWORD_CHANGED,
                             outcome=AuditEvent.Outcome.SUCCESS,
                             obj=(object_type, entry.object_id), detail={"by_administrator": True})


def _changed_fields(change_message: str) -> list[str]:
    """Field names from the admin's JSON change message (never the values)."""
    try:
        messages = json.loads(change_message or "[]")
    except ValueError:
        return []
    fields = []
    for message in messages if isinstance(messages, list) else []:
        for part in message.values() if isinstance(message, dict) else []:
            if isinstance(part, dict):
                fields.extend(str(name) for name in part.get("fields", []))
    return fields
