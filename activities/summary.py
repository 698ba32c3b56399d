"""The activity list's figures (entries, hours, audiences, time by category) at any size.

Over whole divisions on PostgreSQL the figures add up ActivitySummary (per division, month and
category, kept current by a trigger: see the model) for the months a date range covers entirely,
plus the entries of the partial months at its ends. Anything narrower (a school, an officer, a
school administrator's or an SRO's scope) reads the entries, which the indexes make quick. Either
way: two queries at most, whatever the number of entries."""

import calendar
import datetime
import functools
import operator

from django.db import connection
from django.db.models import Case, CharField, Count, Q, Sum, Value, When

from accounts.models import Role
from schools.models import School

from .models import AUDIENCE_FIELDS, BROWSE_ROLES, NON_CONTACT_CATEGORIES, ActivitySummary, Category

SUMS = ("minutes", *AUDIENCE_FIELDS)
REBUILD_SQL = """
DELETE FROM activities_activitysummary;
INSERT INTO activities_activitysummary
    (division_id, month, category, entries, minutes, students, staff, parents, community)
SELECT s.division_id, date_trunc('month', a.date)::date, a.category, count(*), sum(a.minutes),
       sum(a.students), sum(a.staff), sum(a.parents), sum(a.community)
FROM activities_activity a JOIN schools_school s ON s.id = a.school_id
GROUP BY 1, 2, 3;
"""


def rebuild_summary() -> None:
    """Fill ActivitySummary again from every entry (PostgreSQL only; one statement)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(REBUILD_SQL)


def whole_divisions(user) -> list[int] | None:
    """The divisions the user browses in full (every school), when their browsing scope is exactly
    those divisions; None when it is anything else (some schools of a division, or their own entries
    as an SRO too). One query."""
    if user.has_role(Role.SRO):
        return None
    schools = School.objects.order_by()
    if user.is_program_admin:
        return list(schools.values_list("division", flat=True).distinct())
    seen = user.school_scope_q(roles=BROWSE_ROLES)
    rows = list(schools.values("division").annotate(
        total=Count("pk"), seen=Count("pk", filter=seen)).filter(seen__gt=0).values_list("division", "total", "seen"))
    if any(total != shown for _division, total, shown in rows):
        return None
    return [division for division, _total, _shown in rows]


def _month_bounds(date_from, date_to):
    """(first day of the first month inside the range, last day of the last one); None for an open end."""
    first = None if date_from is None else (
        date_from if date_from.day == 1 else (date_from.replace(day=28) + datetime.timedelta(days=4)).replace(day=1))
    last = None
    if date_to is not None:
        month_end = date_to.replace(day=calendar.monthrange(date_to.year, date_to.month)[1])
        last = date_to if date_to == month_end else date_to.replace(day=1) - datetime.timedelta(days=1)
    return first, last


def _rows_from_entries(activities) -> dict:
    return {
        row["category"]: row
        for row in activities.order_by().values("category").annotate(
            entries=Count("pk"), **{f"sum_{name}": Sum(name) for name in SUMS})
    }


def _add(rows: dict, more: dict) -> dict:
    for category, row in more.items():
        if category in rows:
            rows[category] = {key: (rows[category][key] or 0) + (value or 0) if key != "category" else value
                              for key, value in row.items()}
        else:
            rows[category] = row
    return rows


def figures(*, user, filterset) -> tuple[dict, list[dict]]:
    """(totals, time by category) of the filtered activity list; see the module's docstring."""
    data = filterset.form.cleaned_data if filterset.is_bound and filterset.is_valid() else {}
    # The summary is kept per division, month and category: a filter on anything else (a school, an
    # officer, a school level, a presentation topic) reads the entries.
    narrowed = filterset.is_bound and (
        not filterset.is_valid() or any(data.get(name) for name in ("school", "officer", "level", "topic")))
    divisions = None if narrowed or connection.vendor != "postgresql" else whole_divisions(user)
    if divisions is not None and data.get("division"):
        chosen = data["division"].pk
        divisions = [chosen] if chosen in divisions else None
    rows = _rows_from_entries(filterset.qs) if divisions is None else _summary_rows(filterset.qs, divisions, data)
    return _totals(rows), _categories(rows)


def _summary_rows(activities, divisions, data) -> dict:
    date_from, date_to = data.get("date_from"), data.get("date_to")
    first, last = _month_bounds(date_from, date_to)
    summary = ActivitySummary.objects.filter(division__in=divisions, entries__gt=0)
    if data.get("category"):
        summary = summary.filter(category=data["category"])
    if first is not None and last is not None and first > last:
        return _rows_from_entries(activities)  # the range lies inside one month: its entries are few
    if first is not None:
        summary = summary.filter(month__gte=first)
    if last is not None:
        summary = summary.filter(month__lte=last)
    rows = {
        row["category"]: row
        for row in summary.order_by().values("category").annotate(
            entries=Sum("entries"), **{f"sum_{name}": Sum(name) for name in SUMS})
    }
    # The partial months at the ends of the range (the list's queryset already holds the range).
    edges = []
    if date_from is not None and first != date_from:
        edges.append(Q(date__lt=first))
    if date_to is not None and last != date_to:
        edges.append(Q(date__gt=last))
    if edges:
        rows = _add(rows, _rows_from_entries(activities.filter(functools.reduce(operator.or_, edges))))
    return rows


def _totals(rows: dict) -> dict:
    totals = {"entries": sum(row["entries"] or 0 for row in rows.values()),
              "contact_minutes": sum(row["sum_minutes"] or 0 for category, row in rows.items()
                                     if category not in NON_CONTACT_CATEGORIES)}
    totals.update({name: sum(row[f"sum_{name}"] or 0 for row in rows.values()) for name in SUMS})
    return totals


def _categories(rows: dict) -> list[dict]:
    return [{"category": value, "label": label, "entries": rows[value]["entries"],
             "minutes": rows[value]["sum_minutes"] or 0}
            for value, label in Category.choices if value in rows and rows[value]["entries"]]


def period_sums(activities, *, divisions, periods: dict, categories) -> dict:
    """{(division id, period, category): [entries, minutes]} of whole `divisions` for each period
    (key → first and last day, inclusive) and category: ActivitySummary for the months a period
    covers whole, and `activities` (the caller's scoped entries) for the days of its partial months.
    Two queries whatever the number of entries (the dashboards' two school years at a province's
    size: 2 M entries). PostgreSQL only, as the summary; callers read the entries elsewhere."""
    whole_months, edge_days = [], []
    for key, (first, last) in periods.items():
        month_first, month_last = _month_bounds(first, last)
        if month_first > month_last:  # no whole month: the entries only
            edge_days.append((key, first, last))
            continue
        whole_months.append(When(month__range=(month_first, month_last), then=Value(key)))
        if first < month_first:
            edge_days.append((key, first, month_first - datetime.timedelta(days=1)))
        if month_last < last:
            edge_days.append((key, month_last + datetime.timedelta(days=1), last))
    sums: dict = {}
    if whole_months:
        rows = (ActivitySummary.objects.filter(division__in=divisions, category__in=categories)
                .annotate(period=Case(*whole_months, default=None, output_field=CharField()))
                .filter(period__isnull=False).order_by()
                .values_list("division", "period", "category").annotate(Sum("entries"), Sum("minutes")))
        for division, period, category, entries, minutes in rows:
            _accumulate(sums, (division, period, category), entries, minutes)
    if edge_days:
        whens = [When(date__range=(first, last), then=Value(key)) for key, first, last in edge_days]
        rows = (activities.filter(school__division__in=divisions, category__in=categories)
                .filter(functools.reduce(operator.or_, [Q(date__range=(first, last)) for _k, first, last in edge_days]))
                .annotate(period=Case(*whens, output_field=CharField())).order_by()
                .values_list("school__division", "period", "category").annotate(Count("pk"), Sum("minutes")))
        for division, period, category, entries, minutes in rows:
            _accumulate(sums, (division, period, category), entries, minutes)
    return sums


def _accumulate(sums: dict, key, entries, minutes) -> None:
    figure = sums.setdefault(key, [0, 0])
    figure[0] += entries or 0
    figure[1] += minutes or 0
