"""The SROs' work: contact hours by category, presentations and students reached by topic."""

from __future__ import annotations

from django.db import connection
from django.db.models import Count, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from activities.models import CONTACT_CATEGORIES, Activity, Category, Topic
from activities.summary import period_sums

from ..panels import Cell, Chart, Panel, Row
from ..periods import change_percent
from ..scope import DashboardScope
from .common import CURRENT, PREVIOUS, hours, period_of, two_year_periods, two_years_q


def scoped_activities(scope: DashboardScope):
    """Activities at the scope's schools in the chosen school year and the one before, through the
    scope's roles (an SRO's own entries elsewhere are not a school's figures)."""
    return (Activity.objects.visible_to(scope.user, roles=scope.roles, include_own=False)
            .filter(two_years_q("date", scope.year), school__in=scope.school_ids))


def _dates(scope, year) -> dict:
    """The list's date range for the chosen year or the one before (to the day it is counted)."""
    last = scope.year.previous_until() if year == scope.year.previous else year.last_day
    return {"date_from": year.first_day.isoformat(), "date_to": last.isoformat()}


def contact_hours_panel(scope: DashboardScope) -> Panel:
    """Contact hours per activity category (administration is not contact time), this school year
    against the last. One query; two over a whole division on PostgreSQL, which add up the activity
    summary and the entries of the partial months (two years of a large division: 300 k entries)."""
    if scope.whole_division and connection.vendor == "postgresql":
        figures = {
            (period, category): {"entries": entries, "minutes": minutes}
            for (_division, period, category), (entries, minutes) in period_sums(
                Activity.objects.visible_to(scope.user, roles=scope.roles, include_own=False),
                divisions=[scope.division.pk], periods=two_year_periods(scope.year),
                categories=CONTACT_CATEGORIES).items()
        }
    else:
        figures = {
            (row["period"], row["category"]): row
            for row in scoped_activities(scope).filter(category__in=CONTACT_CATEGORIES)
            .annotate(period=period_of("date", scope.year)).order_by()
            .values("period", "category").annotate(minutes=Sum("minutes"), entries=Count("pk"))
        }
    url = reverse("activities:list")
    panel = Panel(
        slug="contact-hours", title=_("Contact hours by activity category"), label_header=_("Category"),
        columns=[_("Hours %(year)s") % {"year": scope.year}, _("Entries %(year)s") % {"year": scope.year},
                 _("Hours %(year)s") % {"year": scope.year.previous}, _("Change (%)")],
        chart=Chart("bar", columns=[0, 2], horizontal=True),
        more_href=scope.link(url, **_dates(scope, scope.year)),
    )
    totals = {CURRENT: 0, PREVIOUS: 0, "entries": 0}
    for value, label in Category.choices:
        if value not in CONTACT_CATEGORIES:
            continue
        now, before = figures.get((CURRENT, value)), figures.get((PREVIOUS, value))
        if not now and not before:
            continue
        minutes_now, minutes_before = (now or {}).get("minutes", 0), (before or {}).get("minutes", 0)
        entries = (now or {}).get("entries", 0)
        totals[CURRENT] += minutes_now
        totals[PREVIOUS] += minutes_before
        totals["entries"] += entries
        panel.rows.append(Row(str(label), [
            Cell(hours(minutes_now), kind="hours",
                 href=scope.link(url, category=value, **_dates(scope, scope.year)) if entries else ""),
            Cell(entries, href=scope.link(url, category=value, **_dates(scope, scope.year)) if entries else ""),
            Cell(hours(minutes_before), kind="hours",
                 href=scope.link(url, category=value, **_dates(scope, scope.year.previous)) if minutes_before else ""),
            Cell(change_percent(minutes_now, minutes_before), kind="change"),
        ]))
    if panel.rows:
        panel.total = Row(_("All contact time"), [
            Cell(hours(totals[CURRENT]), kind="hours"), Cell(totals["entries"]),
            Cell(hours(totals[PREVIOUS]), kind="hours"),
            Cell(change_percent(totals[CURRENT], totals[PREVIOUS]), kind="change"),
        ])
    return panel


def presentations_panel(scope: DashboardScope) -> Panel:
    """Classroom presentations and students reached per topic, this school year against the last.
    One query."""
    figures = {
        (row["period"], row["topic"]): row
        for row in scoped_activities(scope).filter(category=Category.PRESENTATION)
        .annotate(period=period_of("date", scope.year)).order_by()
        .values("period", "topic").annotate(presentations=Count("pk"), students=Sum("students"))
    }
    url = reverse("activities:list")
    year, previous = scope.year, scope.year.previous
    panel = Panel(
        slug="presentations", title=_("Presentations and students reached by topic"), label_header=_("Topic"),
        columns=[_("Presentations %(year)s") % {"year": year}, _("Students reached %(year)s") % {"year": year},
                 _("Presentations %(year)s") % {"year": previous},
                 _("Students reached %(year)s") % {"year": previous}],
        chart=Chart("bar", columns=[1, 3], horizontal=True),
        more_href=scope.link(url, category=Category.PRESENTATION, **_dates(scope, year)),
    )
    sums = [0, 0, 0, 0]
    for value, label in Topic.choices:
        now, before = figures.get((CURRENT, value), {}), figures.get((PREVIOUS, value), {})
        if not now and not before:
            continue
        numbers = [now.get("presentations", 0), now.get("students", 0) or 0,
                   before.get("presentations", 0), before.get("students", 0) or 0]
        sums = [a + b for a, b in zip(sums, numbers, strict=True)]
        link_now = scope.link(url, category=Category.PRESENTATION, topic=value, **_dates(scope, year))
        link_before = scope.link(url, category=Category.PRESENTATION, topic=value, **_dates(scope, previous))
        panel.rows.append(Row(str(label), [
            Cell(numbers[0], href=link_now if numbers[0] else ""), Cell(numbers[1]),
            Cell(numbers[2], href=link_before if numbers[2] else ""), Cell(numbers[3]),
        ]))
    if panel.rows:
        panel.total = Row(_("All topics"), [Cell(n) for n in sums])
    return panel
