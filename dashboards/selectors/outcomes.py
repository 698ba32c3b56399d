"""Outcome indicators: survey indicators against their baseline, attendance against the baseline.

Survey figures are suppressed for everyone (as on the survey results pages): a school's group
of fewer than ``SURVEY_MINIMUM`` responses is left out of every figure, so a figure over several
schools cannot be worked out again by subtracting the schools shown; a figure under the minimum
itself is hidden (``SuppressedTable`` with ``hide_zero``).
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from common.suppression import SURVEY_MINIMUM, SuppressedTable
from evaluations.models import AttendanceRecord, Audience, Indicator, Survey
from evaluations.tallies import scored_by_indicator

from ..panels import Cell, Chart, Panel, Row, hidden_or
from ..periods import SchoolYear
from ..scope import DashboardScope

CURRENT, BASELINE = "current", "baseline"


def _indicator_figures(surveys, school_ids) -> dict:
    """{(audience, indicator): [responses, favourable, scored]} of `surveys` at `school_ids`, over
    the schools whose group reaches the minimum. One query."""
    figures: dict = defaultdict(lambda: [0, 0, 0])
    for row in scored_by_indicator(surveys, school_ids):
        # A key for every indicator answered, so that a figure of small groups only is shown hidden.
        figure = figures[row["audience"], row["indicator"]]
        if row["n"] < SURVEY_MINIMUM:
            continue  # this school's group is too small: it counts in no figure
        figure[0] += row["n"]
        figure[1] += row["favourable"]
        figure[2] += row["scored"]
    return figures


def _percent(figure) -> Decimal | None:
    if not figure or not figure[2]:
        return None
    return (Decimal(figure[1]) * 100 / Decimal(figure[2])).quantize(Decimal("0.1"))


def survey_panel(scope: DashboardScope) -> Panel:
    """Per audience and indicator: responses and favourable answers (%) in the chosen school year's
    surveys at the scope's schools, against those surveys' baselines at the same schools. Two
    queries."""
    surveys = Survey.objects.visible_to(scope.user, roles=scope.roles).filter(school_year=scope.year.label)
    current = _indicator_figures(surveys, scope.school_ids)
    baseline = _indicator_figures(Survey.objects.filter(pk__in=surveys.values("baseline")), scope.school_ids)
    keys = [(audience, indicator) for audience in Audience.values for indicator in Indicator.values
            if (audience, indicator) in current or (audience, indicator) in baseline]
    table = SuppressedTable(
        {**{(key, CURRENT): current[key][0] for key in keys if key in current},
         **{(key, BASELINE): baseline[key][0] for key in keys if key in baseline}},
        keys, [CURRENT, BASELINE], minimum=SURVEY_MINIMUM, hide_zero=True, row_totals=False, column_totals=False,
    )
    audiences, indicators = dict(Audience.choices), dict(Indicator.choices)
    panel = Panel(
        slug="survey-indicators", title=_("Survey indicators, %(year)s, against the baseline") % {"year": scope.year},
        label_header=_("Audience and indicator"),
        columns=[_("Responses"), _("Favourable (%)"), _("Baseline responses"), _("Baseline favourable (%)"),
                 _("Change (points)")],
        chart=Chart("bar", columns=[1, 3], horizontal=True),
        more_href=reverse("evaluations:results_list"),
        note=_("Groups of fewer than %(n)s responses are not shown and not counted.") % {"n": SURVEY_MINIMUM},
    )
    for key in keys:
        n_now, n_base = table.cell(key, CURRENT), table.cell(key, BASELINE)
        now = _percent(current.get(key)) if n_now is not None else None
        before = _percent(baseline.get(key)) if n_base is not None else None
        change = now - before if now is not None and before is not None else None
        panel.rows.append(Row(f"{audiences[key[0]]}: {indicators[key[1]]}", [
            hidden_or(n_now), hidden_or(now, kind="percent"), hidden_or(n_base), hidden_or(before, kind="percent"),
            Cell(change, kind="change"),
        ]))
    panel.any_hidden = table.any_hidden
    return panel


def attendance_panel(scope: DashboardScope) -> Panel:
    """Attendance and absence rates (student-days) of the chosen school year, the one before and the
    baseline (the first school year with attendance data for these schools). One query."""
    months = (AttendanceRecord.objects.visible_to(scope.user, roles=scope.roles)
              .filter(school__in=scope.school_ids, month__lte=scope.year.last_day).order_by()
              .values("month").annotate(enrolled=Sum("enrolled_days"), absent=Sum("absent_days"), schools=Count("pk")))
    years: dict[SchoolYear, list[int]] = defaultdict(lambda: [0, 0, 0])
    for row in months:
        figure = years[SchoolYear.of(row["month"])]
        figure[0] += row["enrolled"]
        figure[1] += row["absent"]
        figure[2] += 1
    panel = Panel(slug="attendance", title=_("Attendance (truancy) against the baseline"),
                  label_header=_("School year"),
                  columns=[_("Months of data"), _("Attendance rate (%)"), _("Absence rate (%)"),
                           _("Absence change from the baseline (points)")],
                  chart=Chart("bar", columns=[2]),
                  more_href=reverse("evaluations:outcome_data") + f"?school_year={scope.year.label}")
    if not years:
        return panel
    baseline_year = min(years)

    def absence(year):
        enrolled, absent, _months = years[year]
        return (Decimal(absent) * 100 / Decimal(enrolled)).quantize(Decimal("0.01")) if enrolled else None

    shown = [baseline_year] + [y for y in (scope.year.previous, scope.year) if y in years and y != baseline_year]
    for year in shown:
        enrolled, _absent, month_count = years[year]
        rate = absence(year)
        change = rate - absence(baseline_year) if rate is not None and absence(baseline_year) is not None else None
        label = _("%(year)s (baseline)") % {"year": year} if year == baseline_year else str(year)
        panel.rows.append(Row(label, [
            Cell(month_count), Cell(Decimal(100) - rate if rate is not None else None, kind="percent"),
            Cell(rate, kind="percent"), Cell(change if year != baseline_year else None, kind="change"),
        ]))
    return panel
