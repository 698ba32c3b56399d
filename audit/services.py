"""Writing the audit log. Feature code calls `audit_record` or `audit_export`; nothing else
writes AuditEvent rows."""

import ipaddress
import logging

from django.conf import settings

from .models import AuditEvent

log = logging.getLogger(__name__)

# Keys never kept in an event's detail: secrets, and anything that could carry a person's name.
FORBIDDEN_DETAIL_WORDS = ("password", "secret", "token", "key", "name", "birth")


def client_address(request) -> str | None:
    """The client's IP address: REMOTE_ADDR, or with ``TRUSTED_PROXY_COUNT`` reverse proxies in
    front, the address the outermost trusted proxy saw (counted from the right of
    X-Forwarded-For, which a client cannot forge past the proxies)."""
    if request is None:
        return None
    address = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(address or ""))
    except ValueError:
        return None


def _text(value, limit: int) -> str:
    """`value` as text the database can store: at most `limit` characters, and no NUL character
    (PostgreSQL refuses it in text and in JSON; a query parameter's name can hold one)."""
    return str(value).replace("\x00", "\ufffd")[:limit]


def _clean_detail(detail: dict | None) -> dict:
    clean = {}
    for key, value in (detail or {}).items():
        if any(word in key.lower() for word in FORBIDDEN_DETAIL_WORDS):
            log.warning("audit: dropped detail key %r (never logged)", key)
            continue
        clean[_text(key, 200)] = value if isinstance(value, (int, float, bool, type(None))) else _text(value, 200)
    return clean


def audit_record(
    *, request=None, user=None, event: str, outcome: str, obj=None, detail: dict | None = None,
    username: str = "",
) -> AuditEvent:
    """Record one security event. `user` defaults to the signed-in user of `request`; `obj`
    (a model instance, or a (type label, id) pair) is kept as its type and id only; `detail`
    holds a few plain values and never passwords, secrets or names (such keys are dropped).
    `username` is for events without a known user, such as a failed sign-in with an unknown
    name."""
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        if candidate is not None and candidate.is_authenticated:
            user = candidate
    if user is not None:
        username = user.get_username()
    if isinstance(obj, tuple):
        object_type, object_id = obj
    elif obj is not None:
        object_type, object_id = obj._meta.label_lower, obj.pk
    else:
        object_type, object_id = "", ""
    return AuditEvent.objects.create(
        user_id=user.pk if user is not None else None,
        username=_text(username or "", 150),
        event=event,
        outcome=outcome,
        source_address=client_address(request),
        object_type=_text(object_type, 100),
        object_id=_text(object_id, 64),
        detail=_clean_detail(detail),
    )


def audit_export(request, name: str, count: int | None = None, *, filters=None) -> AuditEvent:
    """Record that the signed-in user exported `name` (a list's name, such as "schools") and
    which filters they used (their names only: a value might be a person's name); call it from
    every export view before returning the file. The filters are those of the query string,
    or `filters` (a mapping, e.g. the filters a POSTed export form carried)."""
    filters = request.GET if filters is None else filters
    detail = {"export": name, "filters": ",".join(sorted(key for key in filters if key != "page"))}
    if count is not None:
        detail["rows"] = count
    return audit_record(request=request, event=AuditEvent.Event.EXPORT,
                        outcome=AuditEvent.Outcome.SUCCESS, detail=detail)
