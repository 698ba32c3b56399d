"""The activity list's figures: the summary per division, month and category (kept current by a
trigger on PostgreSQL) gives the same totals as adding up the entries, whatever the filters."""

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from activities.models import ActivitySummary, Category
from activities.selectors import activity_list, activity_totals, category_totals
from activities.summary import figures, rebuild_summary, whole_divisions

from .factories import log

URL = reverse("activities:list")
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the summary's trigger is PostgreSQL's")


@pytest.fixture
def entries(sro, other_sro, school, other_school, outside_school):
    from tests.factories import sro_for

    outside_sro = sro_for(outside_school, username="outside_sro")
    return [
        log(sro, school, date=datetime.date(2026, 9, 30), minutes=30, students=20),
        log(sro, school, date=datetime.date(2026, 10, 1), minutes=45, category=Category.ADMINISTRATION),
        log(other_sro, other_school, date=datetime.date(2026, 10, 20), minutes=60, students=5),
        log(other_sro, other_school, date=datetime.date(2026, 11, 2), minutes=15, category=Category.PRESENTATION,
            topic="cyberbullying", students=25),
        log(outside_sro, outside_school, date=datetime.date(2026, 10, 7), minutes=90, students=3),
    ]


def _raw(user, filters):
    queryset = activity_list(user=user, filters=filters).qs
    return activity_totals(queryset), [(c["category"], c["entries"], c["minutes"]) for c in category_totals(queryset)]


def _summarised(user, filters):
    totals, categories = figures(user=user, filterset=activity_list(user=user, filters=filters))
    return totals, [(c["category"], c["entries"], c["minutes"]) for c in categories]


@pytest.mark.parametrize("filters", [
    None,
    {"date_from": "2026-09-15", "date_to": "2026-10-25"},  # partial months at both ends
    {"date_from": "2026-10-01", "date_to": "2026-10-31"},  # exactly one month
    {"date_from": "2026-10-05"},
    {"date_to": "2026-10-01"},
    {"category": Category.INFORMAL_CONTACT, "date_from": "2026-09-30"},
])
def test_the_figures_equal_the_entries_added_up(coordinator, program_admin, entries, filters):
    for user in (coordinator, program_admin):
        assert _summarised(user, filters) == _raw(user, filters)


def test_a_coordinators_figures_hold_their_division_only(coordinator, entries):
    totals, _categories = _summarised(coordinator, None)
    assert (totals["entries"], totals["minutes"], totals["contact_minutes"], totals["students"]) == (4, 150, 105, 50)


@postgresql_only
def test_the_trigger_keeps_the_summary_current_on_insert_update_and_delete(sro, school, division):
    entry = log(sro, school, date=datetime.date(2026, 10, 5), minutes=30, students=4)
    log(sro, school, date=datetime.date(2026, 10, 6), minutes=20)
    row = ActivitySummary.objects.get(division=division, month=datetime.date(2026, 10, 1))
    assert (row.entries, row.minutes, row.students) == (2, 50, 4)
    entry.date, entry.minutes = datetime.date(2026, 11, 5), 40
    entry.save()
    entry.refresh_from_db()
    october = ActivitySummary.objects.get(division=division, month=datetime.date(2026, 10, 1))
    november = ActivitySummary.objects.get(division=division, month=datetime.date(2026, 11, 1))
    assert (october.entries, october.minutes, november.entries, november.minutes) == (1, 20, 1, 40)
    entry.delete()
    assert ActivitySummary.objects.get(division=division, month=datetime.date(2026, 11, 1)).entries == 0


@postgresql_only
def test_a_rebuild_gives_the_rows_the_trigger_kept(sro, school, entries):
    kept = set(ActivitySummary.objects.filter(entries__gt=0).values_list("division", "month", "category", "entries",
                                                                          "minutes", "students"))
    rebuild_summary()
    assert set(ActivitySummary.objects.values_list("division", "month", "category", "entries", "minutes",
                                                   "students")) == kept


def test_a_school_administrator_or_an_sro_is_not_counted_by_whole_divisions(principal, sro, coordinator, division,
                                                                          other_school):
    assert whole_divisions(principal) is None
    assert whole_divisions(sro) is None
    assert whole_divisions(coordinator) == [division.pk]


def test_the_list_shows_the_figures_and_counts_pages_from_them(client, coordinator, entries):
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.context["totals"]["entries"] == 4
    assert response.context["page"].paginator.count == 4


@postgresql_only
@pytest.mark.parametrize("periods", [
    {"a": (datetime.date(2026, 9, 15), datetime.date(2026, 10, 25))},  # partial months at both ends
    {"a": (datetime.date(2026, 10, 1), datetime.date(2026, 10, 31)),  # whole months only
     "b": (datetime.date(2026, 9, 1), datetime.date(2026, 9, 30))},
    {"a": (datetime.date(2026, 10, 2), datetime.date(2026, 10, 20))},  # inside one month: entries only
    {"now": (datetime.date(2026, 10, 1), datetime.date(2027, 6, 30)),  # the dashboards' two years
     "before": (datetime.date(2025, 7, 1), datetime.date(2026, 9, 30))},
])
def test_period_sums_equal_the_entries_added_up(program_admin, division, other_division, entries, periods):
    from django.db.models import Count, Sum

    from activities.models import Activity
    from activities.summary import period_sums

    activities = Activity.objects.visible_to(program_admin)
    categories = [Category.INFORMAL_CONTACT, Category.PRESENTATION]
    expected = {}
    for key, (first, last) in periods.items():
        for row in (activities.filter(date__range=(first, last), category__in=categories).order_by()
                    .values("school__division", "category").annotate(n=Count("pk"), minutes=Sum("minutes"))):
            expected[row["school__division"], key, row["category"]] = [row["n"], row["minutes"]]
    found = period_sums(activities, divisions=[division.pk, other_division.pk], periods=periods,
                        categories=categories)
    assert found == expected
    assert expected  # the periods hold entries: the comparison says something
