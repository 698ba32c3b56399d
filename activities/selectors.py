"""Reads of activities: scoped lists, fetch helpers and totals aggregated in the database."""

import datetime
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncWeek
from django.shortcuts import get_object_or_404

from officers.models import Assignment, Officer
from schools.models import School

from .filters import ActivityFilter
from .models import AUDIENCE_FIELDS, BROWSE_ROLES, UNLOCK_ROLES, Activity, Category, Topic, contact_minutes_q

WEEKS_PER_PAGE = 4


def activity_list(*, user, filters=None) -> ActivityFilter:
    """The activities the user may browse, filtered and sorted. Returns the FilterSet: its
    `.qs` is the list (and the export)."""
    queryset = Activity.objects.visible_to(user, roles=BROWSE_ROLES).with_related()
    return ActivityFilter(filters, queryset=queryset, user=user)


def get_activity_for_user(user, pk, *, roles=BROWSE_ROLES, include_own=True) -> Activity:
    """An activity the user may see (through `roles`, or as its author), or 404."""
    visible = Activity.objects.visible_to(user, roles=roles, include_own=include_own)
    return get_object_or_404(visible.with_related().select_related("unlocked_by"), pk=pk)


def can_unlock(user, activity: Activity) -> bool:
    """Whether `user` coordinates the activity's school (or administers the program)."""
    return user.has_role(*UNLOCK_ROLES) and (
        School.objects.visible_to(user, roles=UNLOCK_ROLES).filter(pk=activity.school_id).exists()
    )


def get_own_activity_for_user(user, pk) -> Activity:
    """One of the SRO's own entries, or 404 (another SRO's entry does not exist for them)."""
    return get_object_or_404(Activity.objects.written_by(user).with_related(), pk=pk)


def get_officer_for_user(user) -> Officer | None:
    """The officer profile of an SRO, or None when it has not been set up (one query)."""
    return Officer.objects.filter(user=user).first()


def get_logged_entry(officer: Officer, client_id) -> Activity | None:
    """The officer's entry that the phone named `client_id`, if it was logged already."""
    return Activity.objects.filter(officer=officer, client_id=client_id).first()


def activity_totals(activities: QuerySet) -> dict:
    """Entries, minutes, contact minutes and people reached, in one query."""
    fields = ("minutes", *AUDIENCE_FIELDS)
    totals = activities.aggregate(
        entries=Count("pk"),
        contact_minutes=Sum("minutes", filter=contact_minutes_q(), default=0),
        **{f"total_{name}": Sum(name, default=0) for name in fields},
    )
    return {"entries": totals["entries"], "contact_minutes": totals["contact_minutes"],
            **{name: totals[f"total_{name}"] for name in fields}}


def category_totals(activities: QuerySet) -> list[dict]:
    """Entries and minutes per category, in the order of the category list, in one query.
    For the dashboards as well as the log pages."""
    rows = {
        row["category"]: row
        for row in activities.order_by().values("category").annotate(
            entries=Count("pk"), total_minutes=Sum("minutes")
        )
    }
    return [
        {"category": value, "label": label, "entries": rows[value]["entries"],
         "minutes": rows[value]["total_minutes"]}
        for value, label in Category.choices
        if value in rows
    ]


def presentation_totals(activities: QuerySet) -> list[dict]:
    """Classroom presentations and students reached per topic, in the order of the topic list,
    in one query. For the dashboards."""
    rows = {
        row["topic"]: row
        for row in activities.filter(category=Category.PRESENTATION).order_by().values("topic").annotate(
            presentations=Count("pk"), total_students=Sum("students")
        )
    }
    return [
        {"topic": value, "label": label, "presentations": rows[value]["presentations"],
         "students": rows[value]["total_students"]}
        for value, label in Topic.choices
        if value in rows
    ]


# Quick log --------------------------------------------------------------------------------

def period_covers(period: tuple, on: datetime.date) -> bool:
    """Whether an assignment period (start, end or None) includes the day `on`."""
    start, end = period
    return start <= on and (end is None or on <= end)


def schools_assigned_on(officer: Officer, on: datetime.date) -> QuerySet:
    """The schools `officer` was assigned to on `on`."""
    return School.objects.filter(
        pk__in=Assignment.objects.current(on=on).filter(officer=officer).values("school_id")
    )


def default_school_id(officer: Officer, on: datetime.date) -> int | None:
    """The school the officer logged for last, when they are assigned to it on `on`; otherwise
    the first school they are assigned to on `on` (by name); None when there is none."""
    offered = schools_assigned_on(officer, on)
    last = (
        Activity.objects.filter(officer=officer, school__in=offered)
        .order_by("-created_at", "-pk").values_list("school_id", flat=True).first()
    )
    if last is not None:
        return last
    return offered.order_by("name").values_list("pk", flat=True).first()


def assignment_periods(officer: Officer) -> dict[int, list[tuple]]:
    """Each school the officer was ever assigned to, with its (start, end) periods."""
    periods: dict[int, list[tuple]] = {}
    for school_id, start, end in Assignment.objects.filter(officer=officer).values_list(
        "school_id", "start", "end"
    ).order_by("start"):
        periods.setdefault(school_id, []).append((start, end))
    return periods


# My log ----------------------------------------------------------------------------------

@dataclass
class Week:
    start: datetime.date
    entries_count: int
    minutes: int
    contact_minutes: int
    categories: list = field(default_factory=list)
    entries: list = field(default_factory=list)

    @property
    def end(self) -> datetime.date:
        return self.start + datetime.timedelta(days=6)


def _as_date(value) -> datetime.date:
    # TruncWeek on a date gives a date on some databases and a datetime on others.
    return value.date() if isinstance(value, datetime.datetime) else value


def my_log_entries(*, user):
    """Every entry of the SRO's own log, newest first (the export of "My log")."""
    return Activity.objects.written_by(user).with_related().order_by("-date", "-created_at", "-pk")


def my_log(*, user, page_number=None) -> tuple[Page, list[Week]]:
    """The SRO's own entries, a page of weeks at a time (newest first). Each week carries its
    totals, its minutes per category (aggregated in the database) and its entries.

    Runs four queries whatever the number of entries: count of weeks, the page of weeks, the
    category totals of those weeks, their entries."""
    own = Activity.objects.written_by(user)
    weeks_qs = (
        own.annotate(week=TruncWeek("date")).order_by().values("week")
        .annotate(
            entries=Count("pk"),
            total_minutes=Sum("minutes"),
            contact_minutes=Sum("minutes", filter=contact_minutes_q(), default=0),
        )
        .order_by("-week")
    )
    page = Paginator(weeks_qs, WEEKS_PER_PAGE).get_page(page_number)
    weeks = {
        _as_date(row["week"]): Week(
            start=_as_date(row["week"]), entries_count=row["entries"], minutes=row["total_minutes"],
            contact_minutes=row["contact_minutes"],
        )
        for row in page.object_list
    }
    if not weeks:
        return page, []
    in_page = own.filter(date__gte=min(weeks), date__lte=max(weeks) + datetime.timedelta(days=6))
    labels = dict(Category.choices)
    order = {value: index for index, value in enumerate(Category.values)}
    per_category = (
        in_page.annotate(week=TruncWeek("date")).order_by().values("week", "category")
        .annotate(entries=Count("pk"), total_minutes=Sum("minutes"))
    )
    for row in sorted(per_category, key=lambda r: order[r["category"]]):
        weeks[_as_date(row["week"])].categories.append(
            {"category": row["category"], "label": labels[row["category"]],
             "entries": row["entries"], "minutes": row["total_minutes"]}
        )
    for activity in in_page.select_related("school").order_by("-date", "-created_at", "-pk"):
        start = activity.date - datetime.timedelta(days=activity.date.weekday())
        weeks[start].entries.append(activity)
    return page, sorted(weeks.values(), key=lambda week: week.start, reverse=True)
