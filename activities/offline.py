"""The quick log as an installable app that works with no signal.

- `log_queued`: the phone sends the entries it kept while offline, one request each, as JSON.
  Each is validated by the quick log's own form; the entry id the phone made means a retry
  never logs it twice; an entry queued by another user is refused.
- `manifest` and `service_worker`: what a phone needs to add the portal to its home screen.
  The service worker (static/activities/sw.js) is served from the site root so that its scope
  covers the quick log's address; it keeps the quick log's page and the static files only.
"""

import hashlib
import json
import uuid

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import role_required
from accounts.models import Role

from .forms import ActivityForm
from .selectors import assignment_periods, get_logged_entry, get_officer_for_user
from .services import activity_log_once

# Form fields a queued entry may carry (what the quick log's form posts, less its token).
QUEUED_FIELDS = frozenset(ActivityForm.base_fields) | {"minutes_preset"}


def parse_client_id(value) -> uuid.UUID | None:
    """The entry id the phone made (a UUID), or None when absent or malformed."""
    if not isinstance(value, str):
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def logged_message(activity) -> str:
    return _("Logged: %(category)s, %(minutes)s min at %(school)s.") % {
        "category": activity.get_category_display(), "minutes": activity.minutes, "school": activity.school.name,
    }


def offline_texts() -> dict:
    """What the quick log's script says, in the user's language (given to it by json_script)."""
    return {
        # Both forms of each counted message (literal calls, so that makemessages finds them); the
        # script takes "one" for 1 and fills in %(count)s.
        "waiting": {"one": ngettext("%(count)s entry waiting to send", "%(count)s entries waiting to send", 1),
                    "other": ngettext("%(count)s entry waiting to send", "%(count)s entries waiting to send", 2)},
        "sent": {"one": ngettext("%(count)s entry sent.", "%(count)s entries sent.", 1),
                 "other": ngettext("%(count)s entry sent.", "%(count)s entries sent.", 2)},
        "saved": _("Saved on this phone: it is sent when the connection returns."),
        "offline": _("No connection: your entries are kept on this phone and sent when the connection returns."),
        "signed_out": _("Your session has ended: sign in again to send the entries waiting on this phone."),
        "sign_in": _("Sign in"),
        "send_now": _("Send now"),
        "refused": _("Not accepted: correct or discard"),
        "correct": _("Correct"),
        "discard": _("Discard"),
        "discard_confirm": _("Discard this entry? It will not be logged."),
        "correcting": _("The entry is back in the form: correct it, then save it again."),
        "other_user": _("Entries kept for another user wait on this phone: they are sent only when that user "
                        "signs in."),
        "minutes": _("min"),
    }


def _refusal(errors: list[dict], *, status: int = 422, reason: str = "invalid") -> JsonResponse:
    return JsonResponse({"status": "refused", "reason": reason, "errors": errors}, status=status)


def _form_errors(form) -> list[dict]:
    """The form's errors as the page shows them: each field's label and messages."""
    errors = []
    for name, messages_ in form.errors.items():
        label = "" if name == "__all__" else str(form.fields[name].label) if name in form.fields else name
        errors.append({"field": "" if name == "__all__" else name, "label": label,
                       "messages": [str(message) for message in messages_]})
    return errors


def _payload(request) -> dict | None:
    try:
        payload = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return None
    return payload if isinstance(payload, dict) else None


@role_required(Role.SRO)
@require_POST
def log_queued(request):
    """One entry from the phone: JSON {client_id, user_id, fields: {form field: text}, announce}.

    Answers 201 (logged now) or 200 (logged before under this id: nothing new) with the entry's
    id; 422 with the reasons per field when the quick log's form refuses it; 403 when the entry
    was queued by another user (the phone keeps it for them); 400 when the request is not an
    entry at all. `announce` (the page's own Save button) also shows "Logged" on the next page.
    A signed-out user is sent to sign in, like everywhere: the page keeps the entry meanwhile.
    """
    payload = _payload(request)
    client_id = parse_client_id(payload.get("client_id")) if payload else None
    if client_id is None or not isinstance(payload.get("fields"), dict):
        return JsonResponse({"status": "bad_request"}, status=400)
    if str(payload.get("user_id", "")) != str(request.user.pk):
        return _refusal([{"field": "", "label": "", "messages": [
            _("This entry was kept on this phone for another user: it is sent only when they sign in.")]}],
            status=403, reason="other_user")
    officer = get_officer_for_user(request.user)
    if officer is None:
        return _refusal([{"field": "", "label": "", "messages": [
            _("Your officer profile has not been set up yet. Ask your coordinator.")]}], status=403,
            reason="no_officer")
    existing = get_logged_entry(officer, client_id)
    if existing is not None:
        return JsonResponse({"status": "exists", "id": existing.pk, "client_id": str(client_id)}, status=200)
    fields = {name: value for name, value in payload["fields"].items()
              if name in QUEUED_FIELDS and isinstance(value, str)}
    form = ActivityForm(fields, officer=officer, periods=assignment_periods(officer))
    if not form.is_valid():
        return _refusal(_form_errors(form))
    try:
        activity, created = activity_log_once(officer=officer, client_id=client_id, **form.activity_data())
    except ValidationError as exc:
        form.add_error(None, exc)
        return _refusal(_form_errors(form))
    if payload.get("announce") is True and created:
        messages.success(request, logged_message(activity))
    return JsonResponse({"status": "created" if created else "exists", "id": activity.pk,
                         "client_id": str(client_id)}, status=201 if created else 200)


# The installable app -------------------------------------------------------------------------

ICON_SIZES = (192, 512)


@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request):
    """The web app manifest: the portal on the home screen opens on the quick log."""
    icons = [{"src": static(f"activities/icons/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png",
              "purpose": "any"} for size in ICON_SIZES]
    icons.append({"src": static("activities/icons/icon-maskable-512.png"), "sizes": "512x512",
                  "type": "image/png", "purpose": "maskable"})
    data = {
        "id": "/",
        "name": _("SRO Portal"),
        "short_name": _("SRO log"),
        "description": _("Log your school activities, with or without a signal."),
        "lang": request.LANGUAGE_CODE,
        "start_url": reverse("activities:log"),
        "scope": "/",
        "display": "standalone",
        "orientation": "portrait",
        "background_color": "#ffffff",
        "theme_color": "#0b3d91",
        "icons": icons,
    }
    return JsonResponse(data, content_type="application/manifest+json",
                        json_dumps_params={"ensure_ascii": False})


# What the service worker keeps from the start (the rest of /static/ is kept as the pages use it).
PRECACHED_STATIC = (
    "vendor/bootstrap/css/bootstrap.min.css",
    "vendor/bootstrap/js/bootstrap.bundle.min.js",
    "vendor/bootstrap-icons/bootstrap-icons.min.css",
    "vendor/bootstrap-icons/fonts/bootstrap-icons.woff2",
    "css/portal.css",
    "activities/activities.css",
    "activities/quick_log.js",
    "activities/offline_log.js",
    *(f"activities/icons/icon-{size}.png" for size in ICON_SIZES),
)


def service_worker_settings(script: str = "") -> dict:
    """The addresses the service worker needs, and a version that changes with them (with
    hashed static names in production, a new deployment gives the worker a new cache)."""
    precache = [static(path) for path in PRECACHED_STATIC]
    version = hashlib.sha256((json.dumps(precache) + script).encode()).hexdigest()[:12]
    return {
        "version": version,
        "shell": reverse("activities:log"),
        "logout": reverse("logout"),
        "static": static(""),
        "precache": precache,
    }


@require_GET
def service_worker(request):
    """static/activities/sw.js, served at the site root so that it may look after the quick log
    (a worker's scope is at most the folder it is served from), preceded by its settings.
    Never kept in the browser's HTTP cache, so a new version reaches phones on their next visit."""
    path = finders.find("activities/sw.js")
    if path is None:  # shipped with the app
        raise Http404
    with open(path, encoding="utf-8") as source:
        script = source.read()
    header = f"const SETTINGS = {json.dumps(service_worker_settings(script))};\n"
    response = HttpResponse(header + script, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response
