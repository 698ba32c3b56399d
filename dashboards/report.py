"""The outcome report: each anticipated outcome of the program with its indicator, this school year
against the baseline year and last year, and schools served by an SRO against schools not served.

Every figure is computed in the database in a fixed number of queries (one per source), whatever
the number of schools, responses, calls or incidents. Small counts follow common.suppression:
survey figures leave out every school with fewer than SURVEY_MINIMUM answers (as the survey results
pages do, so that no page can be subtracted from another), incident counts of 1 to 4 are hidden and
their rates are not computed, and a median of fewer than INCIDENT_MINIMUM calls is not shown. The
report is meant to be shared, so it suppresses for every reader.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import BooleanField as BoolOutput
from django.db.models import (
    Case,
    Count,
    DurationField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    Min,
    OuterRef,
    Sum,
    Value,
    When,
)
from django.db.models import CharField as CharOutput
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from common.dates import start_of_day
from common.stats import percentiles
from common.suppression import INCIDENT_MINIMUM, SURVEY_MINIMUM, SuppressedTable, is_small, rate
from costs import fiscal
from costs.selectors import division_costs, divisions_for
from evaluations.models import AttendanceRecord, Audience, CallForService, Indicator, Survey, SurveyResponse
from evaluations.tallies import scored_by_indicator
from incidents.models import Category, Incident, submitted_once_q
from officers.models import Assignment
from schools.models import School

REPORT_ROLES = frozenset({Role.COORDINATOR, Role.EVALUATOR, Role.PROGRAM_ADMIN})
# Each group needs at least this many schools for served and not-served schools to be compared.
MIN_GROUP_SCHOOLS = 3

ALL, SERVED, NOT_SERVED = "all", "served", "not_served"
GROUP_LABELS = {ALL: _("All schools"), SERVED: _("Served by an SRO"), NOT_SERVED: _("Not served")}

C = Category
INCIDENT_GROUPS = {
    "violence": (_("Violence (assaults, fights, threats, weapons)"), [C.ASSAULT, C.THREAT, C.WEAPON]),
    "drugs": (_("Drugs and alcohol"), [C.DRUG_POSSESSION, C.DRUG_TRAFFICKING, C.ALCOHOL]),
    "gangs": (_("Gang activity"), [C.GANG]),
    "bullying": (_("Bullying and harassment (cyberbullying included)"), [C.BULLYING, C.CYBERBULLYING, C.HARASSMENT]),
    "vandalism": (_("Vandalism, graffiti and property damage"), [C.VANDALISM]),
}


# --- Years -------------------------------------------------------------------------------------


def year_label(start: int) -> str:
    return f"{start}–{(start + 1) % 100:02d}"


def year_of(day: datetime.date) -> int:
    """The school year (September–June, July and August with the next) `day` belongs to."""
    return day.year if day.month >= 7 else day.year - 1


def year_bounds(start: int) -> tuple[datetime.date, datetime.date]:
    """1 July to 30 June: the whole school year with its summer, so that every day has a year."""
    return datetime.date(start, 7, 1), datetime.date(start + 1, 6, 30)


def _year_case(field_name: str, years, *, dated: bool):
    """A CASE giving the school year (its start, as text) of a date or datetime field."""
    whens = []
    for start in years:
        first, last = year_bounds(start)
        if dated:
            whens.append(When(**{f"{field_name}__gte": start_of_day(first),
                                 f"{field_name}__lt": start_of_day(last + datetime.timedelta(days=1))},
                              then=Value(str(start))))
        else:
            whens.append(When(**{f"{field_name}__range": (first, last)}, then=Value(str(start))))
    return Case(*whens, default=None, output_field=CharOutput())


def years_with_data(school_ids) -> dict[str, tuple[int, int]]:
    """{source: (first school year, last school year)} for each source with data in these schools."""
    found = {}
    # Per survey, whether any of its responses is from these schools: an index probe per survey
    # (survey, school), not a scan of every response.
    answered = SurveyResponse.objects.filter(survey=OuterRef("pk"), school__in=school_ids)
    surveys = Survey.objects.filter(Exists(answered)).aggregate(first=Min("school_year"), last=Max("school_year"))
    if surveys["first"]:
        found["surveys"] = (int(surveys["first"][:4]), int(surveys["last"][:4]))
    for name, queryset, field_name in [
        ("attendance", AttendanceRecord.objects.filter(school__in=school_ids), "month"),
        ("calls", CallForService.objects.filter(school__in=school_ids), "received_at"),
        ("incidents", Incident.objects.filter(submitted_once_q(), school__in=school_ids), "occurred_at"),
    ]:
        bounds = queryset.aggregate(first=Min(field_name), last=Max(field_name))
        if bounds["first"]:
            first, last = bounds["first"], bounds["last"]
            if isinstance(first, datetime.datetime):
                first, last = timezone.localdate(first), timezone.localdate(last)
            found[name] = (year_of(first), year_of(last))
    return found


def default_years(found: dict[str, tuple[int, int]]) -> tuple[int, int]:
    """(this year, baseline): the latest year for which every source has data, and the earliest
    year from which every source has data (the first year with any data when those cross)."""
    today = year_of(timezone.localdate())
    if not found:
        return today, today - 1
    this = min(last for _first, last in found.values())
    baseline = max(first for first, _last in found.values())
    if baseline >= this:
        baseline = min(first for first, _last in found.values())
    return this, min(baseline, this)


# --- Figures -----------------------------------------------------------------------------------


@dataclass
class Value3:
    """One figure in the baseline year, last year and this year, with the cases behind each."""

    values: dict[int, float | None]
    cases: dict[int, int | None]

    def get(self, year):
        return self.values.get(year)


@dataclass
class Line:
    """One indicator for one group of schools."""

    label: str
    group: str
    unit: str
    higher_is_better: bool | None  # None: no good direction (costs)
    figure: Value3
    note: str = ""


@dataclass
class Comparison:
    """Served against not-served schools: the difference of differences from the baseline."""

    label: str
    served_change: float | None = None
    not_served_change: float | None = None
    difference: float | None = None
    reason: str = ""  # why there is no comparison


@dataclass
class Section:
    slug: str
    title: str
    indicator: str
    lines: list[Line] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    note: str = ""


def change(figure: Value3, frm: int, to: int) -> float | None:
    a, b = figure.get(frm), figure.get(to)
    if a is None or b is None:
        return None
    return round(b - a, 1)


def direction(delta: float | None, higher_is_better: bool | None) -> str:
    if delta is None:
        return ""
    if delta == 0:
        return str(_("no change"))
    if higher_is_better is None:
        return str(_("up")) if delta > 0 else str(_("down"))
    return str(_("better")) if (delta > 0) == higher_is_better else str(_("worse"))


@dataclass
class Report:
    scope_label: str
    division: object
    year: int
    baseline: int
    last: int
    generated: datetime.date
    school_count: int
    served_count: int
    not_served_count: int
    sections: list[Section]

    @property
    def years(self) -> list[int]:
        return sorted({self.baseline, self.last, self.year})

    def label(self, year: int) -> str:
        return year_label(year)

    @property
    def comparable(self) -> bool:
        return self.served_count >= MIN_GROUP_SCHOOLS and self.not_served_count >= MIN_GROUP_SCHOOLS

    def section(self, slug: str) -> Section | None:
        return next((s for s in self.sections if s.slug == slug), None)

    def rows(self, section: Section) -> list[dict]:
        """A section's lines as the page and its CSV show them: each year's value and cases, the
        change since the baseline and since last year, with their direction."""
        rows = []
        for line in section.lines:
            since_baseline = change(line.figure, self.baseline, self.year)
            since_last = change(line.figure, self.last, self.year)
            years = (self.baseline, self.last, self.year)
            rows.append({
                "line": line, "group": GROUP_LABELS[line.group],
                "cells": [(line.figure.get(y), line.figure.cases.get(y)) for y in years],
                "since_baseline": since_baseline,
                "baseline_direction": direction(since_baseline, line.higher_is_better),
                "since_last": since_last, "last_direction": direction(since_last, line.higher_is_better),
            })
        return rows

    def tables(self) -> list[tuple[Section, list[dict]]]:
        return [(section, self.rows(section)) for section in self.sections]


class _Builder:
    def __init__(self, *, user, schools, year, baseline):
        self.user = user
        self.schools = list(schools)
        self.ids = [s.pk for s in self.schools]
        self.year, self.baseline, self.last = year, baseline, year - 1
        self.years = sorted({baseline, year - 1, year})
        served = set(Assignment.objects.overlapping(datetime.date(year, 9, 1), datetime.date(year + 1, 6, 30))
                     .filter(school__in=self.ids).values_list("school_id", flat=True).distinct())
        self.group_ids = {ALL: set(self.ids), SERVED: served & set(self.ids), NOT_SERVED: set(self.ids) - served}
        self.enrolment = {g: sum(s.enrolment for s in self.schools if s.pk in ids) for g, ids in self.group_ids.items()}

    def span(self) -> tuple[datetime.date, datetime.date]:
        """The first and last day of the report's years."""
        return year_bounds(self.years[0])[0], year_bounds(self.years[-1])[1]

    @property
    def comparable(self) -> bool:
        return len(self.group_ids[SERVED]) >= MIN_GROUP_SCHOOLS and \
            len(self.group_ids[NOT_SERVED]) >= MIN_GROUP_SCHOOLS

    def groups(self):
        return [ALL, SERVED, NOT_SERVED] if self.comparable else [ALL]

    def compare(self, label, by_group: dict[str, Value3], higher_is_better=True) -> Comparison:
        if not self.comparable:
            return Comparison(label, reason=str(self.too_small_reason()))
        served = change(by_group[SERVED], self.baseline, self.year)
        not_served = change(by_group[NOT_SERVED], self.baseline, self.year)
        if served is None or not_served is None:
            return Comparison(label, served, not_served, reason=str(_(
                "Not enough data in one of the groups, in the baseline year or this year.")))
        return Comparison(label, served, not_served, round(served - not_served, 1))

    def too_small_reason(self):
        return _too_small(len(self.group_ids[SERVED]), len(self.group_ids[NOT_SERVED]))

    # -- surveys ------------------------------------------------------------------------------
    def survey_rows(self):
        """{(indicator, audience): {group: Value3}} of the percentage of favourable answers; a
        school's answers count only when at least SURVEY_MINIMUM of its responses answered."""
        surveys = Survey.objects.filter(school_year__in=[year_label(y) for y in self.years])
        sums = defaultdict(lambda: [0, 0, 0])  # (indicator, audience, group, year) → n, favourable, scored
        for row in scored_by_indicator(surveys, self.ids):
            if is_small(row["n"], SURVEY_MINIMUM, hide_zero=True):
                continue
            year = int(row["school_year"][:4])
            for group, ids in self.group_ids.items():
                if row["school"] in ids:
                    cell = sums[row["indicator"], row["audience"], group, year]
                    cell[0] += row["n"]
                    cell[1] += row["favourable"]
                    cell[2] += row["scored"]
        result = defaultdict(dict)
        keys = {(i, a) for i, a, _g, _y in sums}
        for indicator, audience in keys:
            for group in self.group_ids:
                values, cases = {}, {}
                for year in self.years:
                    n, fav, scored = sums.get((indicator, audience, group, year), (0, 0, 0))
                    values[year] = round(100 * fav / scored, 1) if n and scored else None
                    cases[year] = n
                result[indicator, audience][group] = Value3(values, cases)
        return result

    def survey_section(self, slug, title, indicator_text, indicators, surveys, note=""):
        section = Section(slug, title, indicator_text, note=note)
        audiences = dict(Audience.choices)
        for indicator in indicators:
            for (found, audience), by_group in sorted(surveys.items(), key=lambda kv: kv[0][1]):
                if found != indicator:
                    continue
                label = f"{Indicator(indicator).label} — {audiences.get(audience, audience)}"
                for group in self.groups():
                    section.lines.append(Line(label, group, "%", True, by_group[group]))
                section.comparisons.append(self.compare(label, by_group))
        return section

    # -- response times -------------------------------------------------------------------------
    def response_section(self):
        measure = ExpressionWrapper(F("on_scene_at") - F("received_at"), output_field=DurationField())
        first, last = self.span()
        after_last = start_of_day(last + datetime.timedelta(days=1))
        calls = CallForService.objects.filter(
            school__in=self.ids, received_at__gte=start_of_day(first), received_at__lt=after_last,
        ).annotate(year=_year_case("received_at", self.years, dated=True))
        by_unit = percentiles(calls, measure, group_by=["year", "unit_type"], output_field=DurationField())
        served_ids = self.group_ids[SERVED]
        by_group = percentiles(
            calls.annotate(served=Case(When(school__in=served_ids or [0], then=Value(True)), default=Value(False),
                                       output_field=BoolOutput())),
            measure, group_by=["year", "served"], output_field=DurationField()) if self.comparable else {}

        def minutes(value):
            return None if value is None else round(value.total_seconds() / 60, 1)

        def figure(results, key_of, which):
            values, cases = {}, {}
            for year in self.years:
                median, p90, n = results.get(key_of(str(year)), (None, None, 0))
                shown = not is_small(n, INCIDENT_MINIMUM, hide_zero=True)
                values[year] = minutes((median, p90)[which]) if shown else None
                cases[year] = n if shown or not n else None
            return Value3(values, cases)

        section = Section("response", _("Faster police response"),
                          _("Minutes from a call for service to police on scene (imported calls for service), "
                            "median and 90th percentile, SRO against patrol units."))
        for unit, unit_label in (("sro", _("SRO")), ("patrol", _("Patrol"))):
            for which, stat in ((0, _("median")), (1, _("90th percentile"))):
                section.lines.append(Line(f"{unit_label} — {stat}", ALL, "min", False,
                                          figure(by_unit, lambda y, u=unit: (y, u), which)))
        if self.comparable:
            groups = {SERVED: figure(by_group, lambda y: (y, True), 0),
                      NOT_SERVED: figure(by_group, lambda y: (y, False), 0)}
            label = str(_("All calls — median"))
            for group in (SERVED, NOT_SERVED):
                section.lines.append(Line(label, group, "min", False, groups[group]))
            comparison = self.compare(label, groups)
        else:
            comparison = self.compare(str(_("All calls — median")), {})
        section.comparisons.append(comparison)
        return section

    # -- truancy --------------------------------------------------------------------------------
    def truancy_section(self):
        first, last = self.span()
        records = AttendanceRecord.objects.filter(school__in=self.ids, month__range=(first, last)).annotate(
            year=_year_case("month", self.years, dated=False))
        sums = {(row["year"], row["school"]): row for row in records.order_by().values("year", "school").annotate(
            enrolled=Sum("enrolled_days"), absent=Sum("absent_days"))}
        by_group = {}
        for group, ids in self.group_ids.items():
            values, cases = {}, {}
            for year in self.years:
                rows = [r for (y, s), r in sums.items() if y == str(year) and s in ids]
                enrolled, absent = sum(r["enrolled"] for r in rows), sum(r["absent"] for r in rows)
                values[year] = round(100 * (enrolled - absent) / enrolled, 1) if enrolled else None
                cases[year] = len(rows)
            by_group[group] = Value3(values, cases)
        section = Section("truancy", _("Less truancy"), _(
            "Attendance rate: student-days present out of student-days enrolled, over the school year "
            "(imported attendance figures). Cases: schools with attendance data."))
        label = str(_("Attendance rate"))
        for group in self.groups():
            section.lines.append(Line(label, group, "%", True, by_group[group]))
        section.comparisons.append(self.compare(label, by_group))
        return section

    # -- incidents ------------------------------------------------------------------------------
    def incident_counts(self):
        first, last = self.span()
        group_of = Case(*[When(category__in=cats, then=Value(slug)) for slug, (_l, cats) in INCIDENT_GROUPS.items()],
                        default=None, output_field=CharOutput())
        rows = (
            Incident.objects.filter(submitted_once_q(), school__in=self.ids, occurred_at__gte=start_of_day(first),
                                    occurred_at__lt=start_of_day(last + datetime.timedelta(days=1)))
            .annotate(year=_year_case("occurred_at", self.years, dated=True), kind=group_of)
            .filter(kind__isnull=False).order_by().values("year", "kind").annotate(n=Count("pk"))
        )
        counts = {(row["kind"], int(row["year"])): row["n"] for row in rows if row["year"]}
        # Primary suppression only: the report shows no total of these counts.
        return SuppressedTable(counts, INCIDENT_GROUPS, self.years, minimum=INCIDENT_MINIMUM,
                               row_totals=False, column_totals=False)

    def incident_line(self, table, slug):
        # Only the schools served have an SRO to report incidents: their enrolment is the denominator.
        students = self.enrolment[SERVED] or self.enrolment[ALL]
        values = {y: (float(r) if (r := rate(table.cell(slug, y), students)) is not None else None)
                  for y in self.years}
        cases = {y: table.cell(slug, y) for y in self.years}
        return Line(str(INCIDENT_GROUPS[slug][0]), ALL, "per1000", False, Value3(values, cases))

    def incidents_section(self, table, surveys):
        section = Section("incidents", _("Fewer school incidents, less crime and disorder"), _(
            "Incidents reported by the SROs per 1,000 enrolled students, by group of categories; and the "
            "share of favourable answers to the survey questions on what students saw (bullying, "
            "violence, gangs and drugs; favourable = not seen)."),
            note=_("Incidents are reported by the SROs, so schools without an SRO have no incident records: "
                   "served and not-served schools cannot be compared on incidents."))
        for slug in ("violence", "drugs", "gangs", "bullying"):
            section.lines.append(self.incident_line(table, slug))
        extra = self.survey_section("", "", "", [Indicator.BULLYING_SEEN, Indicator.VIOLENCE_SEEN,
                                                 Indicator.GANGS_DRUGS_SEEN], surveys)
        section.lines += extra.lines
        section.comparisons += extra.comparisons
        return section

    def graffiti_section(self, table, surveys):
        section = Section("graffiti", _("Less graffiti and property damage"), _(
            "Vandalism, graffiti and property-damage incidents per 1,000 enrolled students; and the share of "
            "favourable answers to the survey question on graffiti or damage seen (favourable = not seen)."))
        section.lines.append(self.incident_line(table, "vandalism"))
        extra = self.survey_section("", "", "", [Indicator.GRAFFITI_SEEN], surveys)
        section.lines += extra.lines
        section.comparisons += extra.comparisons
        if not extra.lines:
            section.note = str(_("No survey in these years asked about graffiti or damage seen."))
        return section

    # -- costs ----------------------------------------------------------------------------------
    def cost_section(self, division):
        divisions = divisions_for(self.user)
        if division is not None:
            divisions = divisions.filter(pk=division.pk)
        divisions = list(divisions)
        by_year = {y: division_costs(user=self.user, fiscal_year=fiscal.for_school_year(y), divisions=divisions)
                   for y in self.years}

        def figure(value_of):
            values, cases = {}, {}
            for year, rows in by_year.items():
                values[year], cases[year] = value_of(rows)
            return Value3(values, cases)

        def total(rows):
            return float(sum(r.total for r in rows)), sum(r.school_count for r in rows)

        def per_student(rows):
            cost, students = sum(r.total for r in rows), sum(r.enrolment for r in rows)
            return (round(float(cost) / students, 2) if students else None), students

        def savings(rows):
            counts = [r.savings.incidents for r in rows]
            if any(c is None for c in counts) or is_small(sum(counts), INCIDENT_MINIMUM):
                return None, None
            amounts = [r.savings.amount for r in rows if r.savings.incidents]
            return (None if any(a is None for a in amounts) else float(sum(amounts))), sum(counts)

        section = Section("costs", _("Cost and estimated savings"), _(
            "Officers' salary and benefits for the fiscal year holding most of the school year, split over the "
            "schools served by assignment days; estimated savings = incidents the SRO resolved with no patrol "
            "unit called × the cost of a patrol call."))
        section.lines = [
            Line(str(_("Cost of the program")), ALL, "$", None, figure(total)),
            Line(str(_("Cost per enrolled student of the schools served")), ALL, "$", None, figure(per_student)),
            Line(str(_("Estimated savings")), ALL, "$", True, figure(savings)),
        ]
        section.note = str(_("Cases: schools served (cost), students enrolled (per student), incidents resolved "
                             "without a patrol call (savings)."))
        return section


def _too_small(served: int, not_served: int) -> str:
    return _("Too few schools to compare served and not-served schools: %(served)s served by an SRO and "
             "%(not)s not served this year; each group needs at least %(min)s.") % {
        "served": served, "not": not_served, "min": MIN_GROUP_SCHOOLS}


def too_small_message(report: Report) -> str:
    return _too_small(report.served_count, report.not_served_count)


def outcome_report(*, user, schools, year: int, baseline: int, scope_label: str, division=None) -> Report:
    """The report over `schools` (already scoped: ``School.objects.visible_to(user, roles=REPORT_ROLES)``,
    narrowed to a division or not)."""
    builder = _Builder(user=user, schools=schools, year=year, baseline=baseline)
    surveys = builder.survey_rows()
    incidents = builder.incident_counts()
    sections = [
        builder.survey_section("safety", _("More perceived safety"), _(
            "Share of favourable answers to the survey questions on feeling safe in and around the school."),
            [Indicator.PERCEIVED_SAFETY], surveys),
        builder.survey_section("police", _("More positive views of police"), _(
            "Share of favourable answers to the survey questions on the police and on trust in the SRO."),
            [Indicator.PERCEPTION_OF_POLICE, Indicator.TRUST_IN_SRO], surveys),
        builder.response_section(),
        builder.truancy_section(),
        builder.incidents_section(incidents, surveys),
        builder.graffiti_section(incidents, surveys),
        builder.cost_section(division),
    ]
    return Report(
        scope_label=scope_label, division=division, year=year, baseline=baseline, last=year - 1,
        generated=timezone.localdate(), school_count=len(builder.ids),
        served_count=len(builder.group_ids[SERVED]), not_served_count=len(builder.group_ids[NOT_SERVED]),
        sections=sections,
    )


def report_schools(user, division=None):
    schools = School.objects.visible_to(user, roles=REPORT_ROLES).order_by()
    return schools.filter(division=division) if division is not None else schools
