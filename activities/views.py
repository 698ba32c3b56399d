"""Activity pages: the SRO's quick log and own log, and the scoped list for schools and
coordinators. Views are thin: forms validate, services write, selectors read."""

import datetime
import uuid
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, Value, When
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from accounts.models import Role
from audit.services import audit_export
from common.csvexport import choice_label, csv_response, local_minute
from common.dates import start_of_day
from common.pagination import KnownCountPaginator

from .forms import ActivityForm
from .models import AUDIENCE_FIELDS, BROWSE_ROLES, NON_CONTACT_CATEGORIES, UNLOCK_ROLES, Activity, Category, Topic
from .offline import logged_message, offline_texts, parse_client_id
from .selectors import (
    activity_list,
    activity_totals,
    assignment_periods,
    can_unlock,
    default_school_id,
    get_activity_for_user,
    get_officer_for_user,
    get_own_activity_for_user,
    my_log,
    my_log_entries,
    period_covers,
)
from .services import (
    ActivityLocked,
    activity_delete,
    activity_log_once,
    activity_unlock,
    activity_update,
)
from .summary import figures

LIST_PAGE_SIZE = 50
DETAIL_ROLES = (Role.SRO, *BROWSE_ROLES)


def _no_officer(request):
    return render(request, "activities/no_officer.html", status=403)


def _today_ends_ms() -> int:
    """The instant the portal's today ends (its next midnight), in milliseconds since 1970: a page
    the phone kept overnight moves its date on by this clock, not by the phone's time zone rules
    (a phone's may differ from the server's: Chromium's and Python's disagree on Winnipeg's)."""
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    return int(start_of_day(tomorrow).timestamp() * 1000)


def _initial_for_quick_log(officer, periods, params) -> dict:
    """Date and school for a new entry: those in the address (from "Save and log another")
    when valid, else today and the school the SRO used last."""
    today = timezone.localdate()
    try:
        on = datetime.date.fromisoformat(params.get("date", ""))
    except ValueError:
        on = today
    if on > today:
        on = today
    school_id = params.get("school", "")
    school_id = int(school_id) if school_id.isascii() and school_id.isdigit() else None  # not "²"
    covered = any(period_covers(period, on) for period in periods.get(school_id, []))
    return {"date": on, "school": school_id if covered else default_school_id(officer, on)}


@role_required(Role.SRO)
def log_activity(request):
    """The quick log: the SRO's main page. Each page carries a new entry id (`client_id`), so
    posting the same page twice (a retry, a resubmitted form) logs it once; the page's script
    (offline_log.js) sends the same entries as JSON, or keeps them on the phone with no signal."""
    officer = get_officer_for_user(request.user)
    if officer is None:
        return _no_officer(request)
    periods = assignment_periods(officer)
    client_id = parse_client_id(request.POST.get("client_id")) if request.method == "POST" else None
    if request.method == "POST":
        form = ActivityForm(request.POST, officer=officer, periods=periods)
        if form.is_valid():
            try:
                activity, created = activity_log_once(officer=officer, client_id=client_id, **form.activity_data())
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                if created:
                    messages.success(request, logged_message(activity))
                else:
                    messages.info(request, _("This entry was already logged: it was not logged twice."))
                if request.POST.get("action") == "another":
                    query = urlencode({"date": activity.date.isoformat(), "school": activity.school_id})
                    return redirect(f"{reverse('activities:log')}?{query}")
                return redirect("activities:my_log")
    else:
        initial = _initial_for_quick_log(officer, periods, request.GET)
        form = ActivityForm(officer=officer, periods=periods, initial=initial)
    day = form.initial.get("date") if not form.is_bound else None
    return render(request, "activities/log_form.html", {
        "form": form, "offered_any": bool(periods), "day": day,
        "client_id": client_id or uuid.uuid4(), "today": timezone.localdate(), "today_ends": _today_ends_ms(),
        "offline_texts": offline_texts(),
        # What is already logged that day: a check after "Save and log another".
        "day_totals": activity_totals(Activity.objects.written_by(request.user).filter(date=day)) if day else None,
    })


@role_required(Role.SRO)
def my_log_view(request):
    page, weeks = my_log(user=request.user, page_number=request.GET.get("page"))
    return render(request, "activities/my_log.html", {
        "page": page, "weeks": weeks, "now": timezone.now(), "edit_days": settings.ACTIVITY_EDIT_DAYS,
    })


@role_required(Role.SRO)
def edit_activity(request, pk):
    activity = get_own_activity_for_user(request.user, pk)
    if activity.is_locked():
        messages.error(request, ActivityLocked().message)
        return redirect("activities:my_log")
    officer = activity.officer
    periods = assignment_periods(officer)
    if request.method == "POST":
        form = ActivityForm(request.POST, instance=activity, officer=officer, periods=periods)
        if form.is_valid():
            try:
                activity_update(activity=activity, by=request.user, **form.activity_data())
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Entry updated."))
                return redirect("activities:my_log")
    else:
        form = ActivityForm(instance=activity, officer=officer, periods=periods)
    return render(request, "activities/log_form.html", {"form": form, "activity": activity, "offered_any": True})


@role_required(Role.SRO)
def delete_activity(request, pk):
    """GET asks for confirmation; POST deletes."""
    activity = get_own_activity_for_user(request.user, pk)
    if activity.is_locked():
        messages.error(request, ActivityLocked().message)
        return redirect("activities:my_log")
    if request.method == "POST":
        try:
            activity_delete(activity=activity, by=request.user)
        except ActivityLocked as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Entry deleted."))
        return redirect("activities:my_log")
    return render(request, "activities/confirm_delete.html", {"activity": activity})


@role_required(*UNLOCK_ROLES)
@require_POST
def unlock_activity(request, pk):
    activity = get_activity_for_user(request.user, pk, roles=UNLOCK_ROLES, include_own=False)
    if activity.is_locked():
        activity_unlock(activity=activity, by=request.user)
        messages.success(request, _("Entry unlocked: its officer can change it for %(days)s more days.") % {
            "days": activity.edit_days()
        })
    else:
        messages.info(request, _("This entry is not locked."))
    return redirect("activities:detail", pk=activity.pk)


@role_required(*DETAIL_ROLES)
def activity_detail(request, pk):
    activity = get_activity_for_user(request.user, pk)
    return render(request, "activities/detail.html", {
        "activity": activity,
        "is_author": activity.officer.user_id == request.user.pk,
        "can_unlock": can_unlock(request.user, activity),
        "now": timezone.now(),
    })


def _page_query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


# What a row of the list shows (and its link needs): the page reads no other column.
LIST_COLUMNS = ("date", "category", "topic", "minutes", *AUDIENCE_FIELDS, "note", "school__name",
                "officer__user__first_name", "officer__user__last_name", "officer__user__username")


@role_required(*BROWSE_ROLES)
def activity_list_view(request):
    activities = activity_list(user=request.user, filters=request.GET or None)
    totals, categories = figures(user=request.user, filterset=activities)
    # The totals counted the entries: the paginator needs no COUNT(*) of its own.
    rows = activities.qs.select_related(None).select_related("school", "officer__user").only(*LIST_COLUMNS)
    paginator = KnownCountPaginator(rows, LIST_PAGE_SIZE, count=totals["entries"])
    return render(request, "activities/activity_list.html", {
        "filter": activities, "page": paginator.get_page(request.GET.get("page")), "query": _page_query(request),
        "totals": totals, "categories": categories,
    })


EXPORT_HEADER = [
    gettext_lazy("Date"), gettext_lazy("School"), gettext_lazy("Division"), gettext_lazy("Officer"),
    gettext_lazy("Badge"), gettext_lazy("Category"), gettext_lazy("Contact time"),
    gettext_lazy("Presentation topic"), gettext_lazy("Minutes"), gettext_lazy("Students"),
    gettext_lazy("Staff"), gettext_lazy("Parents"), gettext_lazy("Community"), gettext_lazy("Note"),
    gettext_lazy("Logged"),
]


def _export_row(a):
    return [
        a.date.isoformat(), a.school.name, a.school.division.name,
        a.officer.user.get_full_name() or a.officer.user.username, a.officer.badge_number,
        a.get_category_display(), _("yes") if a.is_contact_time else _("no"), a.get_topic_display(),
        a.minutes, a.students, a.staff, a.parents, a.community, a.note,
        timezone.localtime(a.created_at).strftime("%Y-%m-%d %H:%M"),
    ]


def _export_columns():
    """The cells of _export_row, written by the database (PostgreSQL's COPY): same text, same order."""
    full_name = Trim(Concat("officer__user__first_name", Value(" "), "officer__user__last_name"))
    return [
        "date", "school__name", "school__division__name",
        Coalesce(NullIf(full_name, Value("")), "officer__user__username"), "officer__badge_number",
        choice_label("category", Category.choices),
        Case(When(category__in=NON_CONTACT_CATEGORIES, then=Value(_("no"))), default=Value(_("yes"))),
        choice_label("topic", Topic.choices), "minutes", *AUDIENCE_FIELDS, "note", local_minute("created_at"),
    ]


@role_required(*BROWSE_ROLES)
def activity_export(request):
    """Exactly the rows of the filtered list (all pages), streamed (by COPY on PostgreSQL)."""
    activities = activity_list(user=request.user, filters=request.GET or None)
    totals, _categories = figures(user=request.user, filterset=activities)  # the count, without a COUNT(*)
    audit_export(request, "activities", count=totals["entries"])
    return csv_response(filename="activities", header=EXPORT_HEADER, rows=activities.qs, row=_export_row,
                        columns=_export_columns())


@role_required(Role.SRO)
def my_log_export(request):
    """Every entry of the SRO's own log (all weeks, newest first), streamed."""
    entries = my_log_entries(user=request.user)
    audit_export(request, "my_log", count=entries.count())
    return csv_response(filename="my-log", header=EXPORT_HEADER, rows=entries.iterator(chunk_size=500),
                        row=_export_row)
