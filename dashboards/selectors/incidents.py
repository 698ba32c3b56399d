"""Incidents: by category and by month (counts and per 1,000 students), dispositions, response
times, reviews open and threat-assessment follow-ups overdue.

Counts shown to an evaluator (``scope.aggregates_only``) go through ``common.suppression``: each
table is one ``SuppressedTable`` (rows × this year and the last, with totals), rates come only from
shown counts, and medians of fewer than ``INCIDENT_MINIMUM`` response times are not shown.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, DurationField, ExpressionWrapper, F, Min, Q
from django.db.models.functions import TruncMonth
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from common.dates import day_bounds
from common.stats import percentiles
from common.suppression import INCIDENT_MINIMUM, SuppressedTable
from evaluations.models import CallForService, UnitType
from incidents.models import (
    PEOPLE_ROLES,
    Category,
    Disposition,
    Incident,
    RespondingUnit,
    Status,
    ThreatAssessment,
    scoped_incident_q,
)

from ..panels import Cell, Chart, Panel, Row, hidden_or, rate_cell
from ..periods import change_percent, month_last_day
from ..scope import DashboardScope
from .common import CURRENT, PREVIOUS, period_of, two_years_q

PERIODS = [CURRENT, PREVIOUS]


def scoped_incidents(scope: DashboardScope):
    """Submitted incidents at the scope's schools, through the scope's roles (evaluators too:
    ``visible_to`` with the evaluator role reaches the same submitted incidents, for counting)."""
    return Incident.objects.visible_to(scope.user, roles=scope.roles).filter(school__in=scope.school_ids)


def _in_two_years(scope):
    return scoped_incidents(scope).filter(two_years_q("occurred_at__date", scope.year))


def _local_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


class IncidentFigures:
    """Counts by month and category over the chosen school year and the one before, from one
    query; the category, month and category × month panels are all made from it."""

    def __init__(self, scope: DashboardScope):
        self.scope = scope
        self.counts: dict[tuple[datetime.date, str], int] = {}
        for row in (_in_two_years(scope).annotate(month=TruncMonth("occurred_at")).order_by()
                    .values("month", "category").annotate(n=Count("pk"))):
            key = (_local_date(row["month"]), row["category"])
            self.counts[key] = self.counts.get(key, 0) + row["n"]

    def by_category(self) -> dict[tuple[str, str], int]:
        year = self.scope.year
        result: dict[tuple[str, str], int] = {}
        for (month, category), n in self.counts.items():
            period = CURRENT if year.contains(month) else PREVIOUS
            result[category, period] = result.get((category, period), 0) + n
        return result

    def by_month(self) -> dict[tuple[datetime.date, str], int]:
        """Keyed by the month of the chosen year; the previous year's same month counts as PREVIOUS."""
        year = self.scope.year
        result: dict[tuple[datetime.date, str], int] = {}
        for (month, _category), n in self.counts.items():
            if year.contains(month):
                key = (month, CURRENT)
            else:
                key = (datetime.date(month.year + 1, month.month, 1), PREVIOUS)
            result[key] = result.get(key, 0) + n
        return result


def _table(scope, counts, rows) -> SuppressedTable:
    """Counts (row, period) with the evaluator's suppression, or as they are for everyone else
    (a minimum of 0 hides nothing)."""
    minimum = INCIDENT_MINIMUM if scope.aggregates_only else 0
    return SuppressedTable(counts, rows, PERIODS, minimum=minimum)


def _incident_list(scope, **params) -> str:
    return scope.link(reverse("incidents:incident_list"), **params)


def _year_range(year, *, chosen=None) -> dict:
    """The list's date range for `year`; for the year before the `chosen` one, to the day it is
    counted (SchoolYear.previous_until)."""
    last = chosen.previous_until() if chosen is not None and year == chosen.previous else year.last_day
    return {"occurred_from": year.first_day.isoformat(), "occurred_to": last.isoformat()}


def _count_rows(scope, panel, table, keys, labels, links):
    """Rows of a (this year, per 1,000, last year, per 1,000, change) table."""
    enrolment = scope.enrolment
    for key in keys:
        now, before = table.cell(key, CURRENT), table.cell(key, PREVIOUS)
        link_now, link_before = links(key)
        panel.rows.append(Row(labels[key], [
            hidden_or(now, href=link_now if now else ""), rate_cell(now, enrolment),
            hidden_or(before, href=link_before if before else ""),
            rate_cell(before, enrolment),
            Cell(change_percent(now, before), kind="change"),
        ]))
    now, before = table.column_total(CURRENT), table.column_total(PREVIOUS)
    panel.total = Row(_("All incidents"), [
        hidden_or(now, href=links(None)[0] if now else ""), rate_cell(now, enrolment),
        hidden_or(before, href=links(None)[1] if before else ""), rate_cell(before, enrolment),
        Cell(change_percent(now, before), kind="change"),
    ])
    panel.any_hidden = table.any_hidden


def _count_columns(scope) -> list[str]:
    year, previous = scope.year, scope.year.previous
    return [_("Incidents %(year)s") % {"year": year}, _("Per 1,000 students %(year)s") % {"year": year},
            _("Incidents %(year)s") % {"year": previous}, _("Per 1,000 students %(year)s") % {"year": previous},
            _("Change (%)")]


def category_panel(scope: DashboardScope, figures: IncidentFigures) -> Panel:
    counts = figures.by_category()
    keys = [value for value in Category.values if (value, CURRENT) in counts or (value, PREVIOUS) in counts]
    table = _table(scope, counts, keys)
    panel = Panel(slug="incidents-by-category", title=_("Incidents by category"), label_header=_("Category"),
                  columns=_count_columns(scope), chart=Chart("bar", columns=[0, 2], horizontal=True),
                  more_href=_incident_list(scope, **_year_range(scope.year)))
    labels = dict(Category.choices)

    def links(key):
        extra = {"category": key} if key else {}
        return (_incident_list(scope, **extra, **_year_range(scope.year)),
                _incident_list(scope, **extra, **_year_range(scope.year.previous, chosen=scope.year)))

    _count_rows(scope, panel, table, keys, {k: str(v) for k, v in labels.items()}, links)
    return panel


def month_panel(scope: DashboardScope, figures: IncidentFigures) -> Panel:
    counts = figures.by_month()
    months = scope.year.months
    table = _table(scope, counts, months)
    panel = Panel(slug="incidents-by-month", title=_("Incidents by month"), label_header=_("Month"),
                  columns=_count_columns(scope), chart=Chart("line", columns=[0, 2]),
                  more_href=_incident_list(scope, **_year_range(scope.year)))

    def links(month):
        if month is None:
            return _incident_list(scope, **_year_range(scope.year)), _incident_list(
                scope, **_year_range(scope.year.previous, chosen=scope.year))
        before = datetime.date(month.year - 1, month.month, 1)
        before_last = min(month_last_day(before), scope.year.previous_until())
        return (_incident_list(scope, occurred_from=month.isoformat(), occurred_to=month_last_day(month).isoformat()),
                _incident_list(scope, occurred_from=before.isoformat(), occurred_to=before_last.isoformat()))

    labels = {month: formats.date_format(month, "YEAR_MONTH_FORMAT") for month in months}
    _count_rows(scope, panel, table, months, labels, links)
    today = timezone.localdate()
    for month, row_ in zip(months, panel.rows, strict=True):
        if month > today:  # a month to come: no count yet (nor a comparable one last year), not a zero
            row_.cells = [Cell(None), Cell(None, kind="rate"), Cell(None), Cell(None, kind="rate"),
                          Cell(None, kind="change")]
    panel.note = _("Last year's column is the same month one year earlier.")
    return panel


def category_month_panel(scope: DashboardScope, figures: IncidentFigures) -> Panel:
    """This school year's incidents, category × month, with totals: the drill-down grid."""
    year = scope.year
    counts = {(category, month): n for (month, category), n in figures.counts.items() if year.contains(month)}
    keys = [value for value in Category.values if any(key[0] == value for key in counts)]
    months = year.months
    minimum = INCIDENT_MINIMUM if scope.aggregates_only else 0
    table = SuppressedTable(counts, keys, months, minimum=minimum)
    labels = dict(Category.choices)
    panel = Panel(slug="incidents-by-category-and-month",
                  title=_("Incidents by category and month, %(year)s") % {"year": year},
                  label_header=_("Category"),
                  columns=[*(formats.date_format(m, "M") for m in months), _("Total")])

    def link(category, month):
        params = {"category": category} if category else {}
        if month is None:
            params.update(_year_range(year))
        else:
            params.update(occurred_from=month.isoformat(), occurred_to=month_last_day(month).isoformat())
        return _incident_list(scope, **params)

    for category in keys:
        cells = [hidden_or(table.cell(category, m), href=link(category, m) if table.cell(category, m) else "")
                 for m in months]
        total = table.row_total(category)
        panel.rows.append(Row(str(labels[category]), [*cells, hidden_or(total, href=link(category, None))]))
    if keys:
        cells = [hidden_or(table.column_total(m), href=link(None, m) if table.column_total(m) else "")
                 for m in months]
        panel.total = Row(_("All incidents"), [*cells, hidden_or(table.grand_total, href=link(None, None))])
    panel.any_hidden = table.any_hidden
    return panel


def disposition_panel(scope: DashboardScope) -> Panel:
    """Dispositions of the incidents of the chosen year and the last ("not recorded yet" included).
    One query."""
    counts = {
        (row["disposition"] or "none", row["period"]): row["n"]
        for row in _in_two_years(scope).annotate(period=period_of("occurred_at__date", scope.year)).order_by()
        .values("disposition", "period").annotate(n=Count("pk"))
    }
    labels = {**{k: str(v) for k, v in Disposition.choices}, "none": _("Not recorded yet")}
    keys = [key for key in labels if (key, CURRENT) in counts or (key, PREVIOUS) in counts]
    table = _table(scope, counts, keys)
    panel = Panel(slug="dispositions", title=_("Dispositions"), label_header=_("Disposition"),
                  columns=_count_columns(scope), chart=Chart("bar", columns=[0, 2], horizontal=True),
                  more_href=_incident_list(scope, **_year_range(scope.year)))

    def links(key):
        extra = {"disposition": key} if key else {}
        return (_incident_list(scope, **extra, **_year_range(scope.year)),
                _incident_list(scope, **extra, **_year_range(scope.year.previous, chosen=scope.year)))

    _count_rows(scope, panel, table, keys, labels, links)
    return panel


INCIDENT_RESPONSE = ExpressionWrapper(F("on_scene_at") - F("called_at"), output_field=DurationField())
CALL_RESPONSE = ExpressionWrapper(F("on_scene_at") - F("received_at"), output_field=DurationField())


def _minutes(value) -> float | None:
    if value is None:
        return None
    seconds = value.total_seconds() if isinstance(value, datetime.timedelta) else float(value) / 1_000_000
    return round(seconds / 60, 1)


def response_time_panel(scope: DashboardScope) -> Panel:
    """Median and 90th percentile response time, SRO against patrol, from incidents (called → on
    scene) and from the imported calls for service (received → on scene). Two queries."""
    year, previous = scope.year, scope.year.previous
    incidents = _in_two_years(scope).annotate(period=period_of("occurred_at__date", year))
    from_incidents = percentiles(incidents, INCIDENT_RESPONSE, group_by=("period", "responding_unit"),
                                 output_field=DurationField())
    start, end = day_bounds(previous.first_day, year.last_day)
    calls = (CallForService.objects.visible_to(scope.user, roles=scope.roles)
             .filter(school__in=scope.school_ids, received_at__gte=start, received_at__lt=end)
             .annotate(period=period_of("received_at__date", year)))
    from_calls = percentiles(calls, CALL_RESPONSE, group_by=("period", "unit_type"), output_field=DurationField())
    panel = Panel(
        slug="response-times", title=_("Response time (minutes), SRO and patrol"), label_header=_("Source and unit"),
        columns=[_("Responses %(year)s") % {"year": year}, _("Median %(year)s") % {"year": year},
                 _("90th percentile %(year)s") % {"year": year}, _("Responses %(year)s") % {"year": previous},
                 _("Median %(year)s") % {"year": previous}, _("90th percentile %(year)s") % {"year": previous}],
        chart=Chart("bar", columns=[1, 4]),
        note=_("Medians, not means: a few very long responses would pull a mean away from the usual case."),
    )
    sources = [
        (from_incidents, RespondingUnit.SRO, _("Incidents: SRO")),
        (from_incidents, RespondingUnit.PATROL, _("Incidents: patrol")),
        (from_calls, UnitType.SRO, _("Calls for service: SRO")),
        (from_calls, UnitType.PATROL, _("Calls for service: patrol")),
    ]
    recorded = False
    for figures, unit, label in sources:
        cells = []
        for period, period_year in ((CURRENT, year), (PREVIOUS, previous)):
            median, p90, n = figures.get((period, unit), (None, None, 0))
            recorded = recorded or bool(n)
            hide = scope.aggregates_only and 0 < n < INCIDENT_MINIMUM
            href = ""
            if figures is from_incidents and n:
                href = _incident_list(scope, responding_unit=unit, response_time="true",
                                      **_year_range(period_year, chosen=year))
            if hide:
                cells += [Cell(hidden=True), Cell(hidden=True, kind="minutes"), Cell(hidden=True, kind="minutes")]
            else:
                cells += [Cell(n, href=href), Cell(_minutes(median), kind="minutes"),
                          Cell(_minutes(p90), kind="minutes")]
            panel.any_hidden = panel.any_hidden or hide
        panel.rows.append(Row(str(label), cells))
    if not recorded:
        panel.rows = []
    return panel


def review_panel(scope: DashboardScope) -> Panel:
    """Incidents not closed yet, by status, with the age of the oldest submission and how many
    wait longer than INCIDENTS_REVIEW_DAYS: the state today, whatever the school year. One query."""
    now = timezone.now()
    late_before = now - datetime.timedelta(days=settings.INCIDENTS_REVIEW_DAYS)
    rows = {
        row["status"]: row
        for row in scoped_incidents(scope).open().exclude(status=Status.DRAFT).order_by().values("status")
        .annotate(n=Count("pk"), oldest=Min("submitted_at"), late=Count("pk", filter=Q(submitted_at__lt=late_before)))
    }
    panel = Panel(slug="reviews-open", title=_("Reviews open"), label_header=_("Status"),
                  columns=[_("Incidents"), _("Oldest (days)"),
                           _("Waiting more than %(days)s days") % {"days": settings.INCIDENTS_REVIEW_DAYS}],
                  chart=Chart("bar", columns=[0, 2], horizontal=True))
    for status in (Status.SUBMITTED, Status.UNDER_REVIEW, Status.FOLLOW_UP):
        row = rows.get(status)
        if not row:
            continue
        age = (now - row["oldest"]).days if row["oldest"] else None
        panel.rows.append(Row(str(status.label), [
            Cell(row["n"], href=_incident_list(scope, status=status)), Cell(age), Cell(row["late"]),
        ]))
    return panel


def overdue_followups_panel(scope: DashboardScope) -> Panel:
    """Threat assessments whose follow-up date has passed and that are not closed, per school; the
    count is of assessments of incidents the user reaches through the scope's roles. One query."""
    today = timezone.localdate()
    assessments = ThreatAssessment.objects.filter(
        scoped_incident_q(scope.user, roles=scope.roles, prefix="incident__"),
        incident__school__in=scope.school_ids,
    ).overdue(today)
    rows = (assessments.order_by().values("incident__school", "incident__school__name")
            .annotate(n=Count("pk"), oldest=Min("follow_up_on")).order_by("oldest", "incident__school__name"))
    may_list = scope.links and scope.user.has_role(*PEOPLE_ROLES)
    url = reverse("incidents:assessment_list")
    panel = Panel(slug="follow-ups-overdue", title=_("Threat-assessment follow-ups overdue"), label_header=_("School"),
                  columns=[_("Overdue"), _("Most overdue (days)")])
    total = 0
    for row in rows:
        total += row["n"]
        href = f"{url}?overdue=true&school={row['incident__school']}" if may_list else ""
        panel.rows.append(Row(row["incident__school__name"], [
            Cell(row["n"], href=href), Cell((today - row["oldest"]).days),
        ]))
    if panel.rows:
        panel.total = Row(_("All schools"), [Cell(total), Cell(None)])
    return panel
