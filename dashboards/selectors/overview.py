"""One row per division with its headline figures (program overview, coordinator's and evaluator's
homes), grouped by province, with the program's totals."""

from __future__ import annotations

from collections import defaultdict

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from accounts.models import Role
from activities.models import CONTACT_CATEGORIES, Activity
from activities.summary import period_sums
from common.suppression import INCIDENT_MINIMUM, SuppressedTable
from incidents.models import Incident, Status, ThreatAssessment, scoped_incident_q
from schools.models import School, SchoolDivision

from ..panels import Cell, Panel, Row, hidden_or, rate_cell
from ..periods import SchoolYear, change_percent
from .common import CURRENT, PREVIOUS, hours, period_of, two_year_periods, two_years_q


def division_overview(*, user, roles, year: SchoolYear, aggregates_only: bool = False) -> Panel:
    """The divisions in which `user` sees schools through `roles`, each with: schools, enrolment,
    contact hours, incidents this year and last (per 1,000 students, change) and, unless aggregates
    only, reviews open and follow-ups overdue. Ten queries at most, whatever the number of divisions."""
    schools = School.objects.visible_to(user, roles=roles)
    divisions = list(SchoolDivision.objects.filter(pk__in=schools.values("division_id"))
                     .select_related("province").order_by("province__code", "name"))
    school_figures = {row["division"]: row for row in schools.order_by().values("division")
                      .annotate(n=Count("pk"), enrolment=Sum("enrolment"))}
    minutes = _contact_minutes(user, roles, divisions, school_figures, year)
    incident_counts = {
        (row["school__division"], row["period"]): row["n"]
        for row in Incident.objects.visible_to(user, roles=roles).filter(two_years_q("occurred_at__date", year))
        .annotate(period=period_of("occurred_at__date", year)).order_by().values("school__division", "period")
        .annotate(n=Count("pk"))
    }
    keys = [division.pk for division in divisions]
    table = SuppressedTable(incident_counts, keys, [CURRENT, PREVIOUS],
                            minimum=INCIDENT_MINIMUM if aggregates_only else 0)
    columns = [_("Schools"), _("Enrolment"), _("Contact hours %(year)s") % {"year": year},
               _("Incidents %(year)s") % {"year": year}, _("Per 1,000 students"),
               _("Incidents %(year)s") % {"year": year.previous}, _("Change (%)")]
    reviews, overdue = {}, {}
    if not aggregates_only:
        columns += [_("Reviews open"), _("Follow-ups overdue")]
        reviews = {row["school__division"]: row["n"] for row in Incident.objects.visible_to(user, roles=roles)
                   .open().exclude(status=Status.DRAFT).order_by().values("school__division").annotate(n=Count("pk"))}
        overdue = {row["incident__school__division"]: row["n"] for row in ThreatAssessment.objects.filter(
            scoped_incident_q(user, roles=roles, prefix="incident__")).overdue().order_by()
            .values("incident__school__division").annotate(n=Count("pk"))}
    panel = Panel(slug="divisions", title=_("Divisions, %(year)s") % {"year": year}, label_header=_("Division"),
                  columns=columns)
    totals = [0, 0, 0, 0, 0]
    for division in divisions:
        figures = school_figures.get(division.pk, {})
        enrolment = figures.get("enrolment") or 0
        now, before = table.cell(division.pk, CURRENT), table.cell(division.pk, PREVIOUS)
        contact = minutes.get((division.pk, CURRENT), 0)
        cells = [Cell(figures.get("n", 0)), Cell(enrolment), Cell(hours(contact), kind="hours"),
                 hidden_or(now), rate_cell(now, enrolment), hidden_or(before),
                 Cell(change_percent(now, before), kind="change")]
        if not aggregates_only:
            cells += [Cell(reviews.get(division.pk, 0)), Cell(overdue.get(division.pk, 0))]
            totals[3] += reviews.get(division.pk, 0)
            totals[4] += overdue.get(division.pk, 0)
        totals[0] += figures.get("n", 0)
        totals[1] += enrolment
        totals[2] += contact
        panel.rows.append(Row(division.name, cells, href=reverse("dashboards:division", args=[division.pk]),
                              group=division.province.name))
    if len(divisions) > 1:
        now, before = table.column_total(CURRENT), table.column_total(PREVIOUS)
        cells = [Cell(totals[0]), Cell(totals[1]), Cell(hours(totals[2]), kind="hours"), hidden_or(now),
                 rate_cell(now, totals[1]), hidden_or(before),
                 Cell(change_percent(now, before), kind="change")]
        if not aggregates_only:
            cells += [Cell(totals[3]), Cell(totals[4])]
        panel.total = Row(_("Program"), cells)
    panel.any_hidden = table.any_hidden
    return panel


def _contact_minutes(user, roles, divisions, school_figures, year) -> dict:
    """{(division id, CURRENT or PREVIOUS): contact minutes}. On PostgreSQL, the divisions of which
    the user sees every school add up the activity summary (two years of a province: 2 M entries);
    the others, and every division elsewhere, add up the entries the user sees. Four queries at most."""
    activities = Activity.objects.visible_to(user, roles=roles, include_own=False)
    whole = []
    if connection.vendor == "postgresql" and divisions:
        all_schools = dict(School.objects.filter(division__in=divisions).order_by().values("division")
                           .annotate(n=Count("pk")).values_list("division", "n"))
        whole = [d.pk for d in divisions if school_figures.get(d.pk, {}).get("n") == all_schools.get(d.pk)]
    minutes = defaultdict(int)
    if whole:
        for (division, period, _category), (_entries, total) in period_sums(
                activities, divisions=whole, periods=two_year_periods(year), categories=CONTACT_CATEGORIES).items():
            minutes[division, period] += total
    if len(whole) < len(divisions):
        for row in (activities.filter(two_years_q("date", year), category__in=CONTACT_CATEGORIES)
                    .exclude(school__division__in=whole).annotate(period=period_of("date", year)).order_by()
                    .values("school__division", "period").annotate(minutes=Sum("minutes"))):
            minutes[row["school__division"], row["period"]] += row["minutes"] or 0
    return minutes


# The program overview aggregates every incident of two school years and the activity summary: about
# 0.3 s at a province's size, so its figures are kept in the shared cache for a few minutes.
PROGRAM_OVERVIEW_SECONDS = 600


def program_divisions(*, user, year: SchoolYear) -> Panel:
    """The overview of every division for a program administrator (the same for all of them: their
    scope is everything), cached for PROGRAM_OVERVIEW_SECONDS per school year, day and language."""
    key = f"dashboards:program:{year.label}:{timezone.localdate().isoformat()}:{get_language()}"
    panel = cache.get(key)
    if panel is None:
        panel = division_overview(user=user, roles=frozenset({Role.PROGRAM_ADMIN}), year=year)
        cache.set(key, panel, PROGRAM_OVERVIEW_SECONDS)
    return panel
