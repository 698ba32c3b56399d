"""Who sees which activities, and the totals the log pages and dashboards read."""

import datetime

from activities.models import Activity, Category, Topic
from activities.selectors import activity_totals, category_totals, presentation_totals

from .factories import log

DAY = datetime.date(2026, 10, 5)


def test_an_sro_sees_only_their_own_entries(sro, other_sro, school, other_school):
    mine = log(sro, school, date=DAY)
    log(other_sro, other_school, date=DAY)
    assert list(Activity.objects.visible_to(sro)) == [mine]


def test_an_sro_does_not_see_another_sros_entry_at_a_shared_school(sro, school, db):
    from tests.factories import sro_for

    colleague = sro_for(school)
    log(colleague, school, date=DAY)
    assert not Activity.objects.visible_to(sro).exists()


def test_a_principal_sees_their_schools_entries(principal, sro, other_sro, school, other_school):
    ours = log(sro, school, date=DAY)
    log(other_sro, other_school, date=DAY)
    assert list(Activity.objects.visible_to(principal)) == [ours]


def test_a_coordinator_sees_their_division(coordinator, sro, other_sro, school, other_school, outside_school):
    from tests.factories import sro_for

    log(sro_for(outside_school), outside_school, date=DAY)
    expected = {log(sro, school, date=DAY), log(other_sro, other_school, date=DAY)}
    assert set(Activity.objects.visible_to(coordinator)) == expected


def test_an_evaluator_sees_no_rows(evaluator, sro, school):
    log(sro, school, date=DAY)
    assert not Activity.objects.visible_to(evaluator).exists()


def test_a_program_admin_sees_all(program_admin, sro, school, outside_school):
    from tests.factories import sro_for

    log(sro, school, date=DAY)
    log(sro_for(outside_school), outside_school, date=DAY)
    assert Activity.objects.visible_to(program_admin).count() == 2


def test_anonymous_sees_nothing(sro, school):
    from django.contrib.auth.models import AnonymousUser

    log(sro, school, date=DAY)
    assert not Activity.objects.visible_to(AnonymousUser()).exists()


def test_totals_count_contact_time_and_people(sro, school):
    log(sro, school, date=DAY, minutes=60, students=20, parents=2)
    log(sro, school, date=DAY, minutes=30, category=Category.ADMINISTRATION)
    totals = activity_totals(Activity.objects.all())
    assert totals == {"entries": 2, "contact_minutes": 60, "minutes": 90, "students": 20, "staff": 0,
                      "parents": 2, "community": 0}


def test_totals_of_nothing_are_zero(db):
    assert activity_totals(Activity.objects.none())["minutes"] == 0


def test_category_totals_follow_the_category_list(sro, school):
    log(sro, school, date=DAY, minutes=45, category=Category.LAW_ENFORCEMENT)
    log(sro, school, date=DAY, minutes=15, category=Category.INFORMAL_CONTACT)
    log(sro, school, date=DAY, minutes=15, category=Category.INFORMAL_CONTACT)
    assert [(r["category"], r["entries"], r["minutes"]) for r in category_totals(Activity.objects.all())] == [
        (Category.INFORMAL_CONTACT, 2, 30), (Category.LAW_ENFORCEMENT, 1, 45)]


def test_presentation_totals_count_students_by_topic(sro, school):
    log(sro, school, date=DAY, category=Category.PRESENTATION, topic=Topic.ILLEGAL_DRUGS, students=25)
    log(sro, school, date=DAY, category=Category.PRESENTATION, topic=Topic.ILLEGAL_DRUGS, students=30)
    log(sro, school, date=DAY, students=99)
    assert [(r["topic"], r["presentations"], r["students"]) for r in presentation_totals(Activity.objects.all())] == [
        (Topic.ILLEGAL_DRUGS, 2, 55)]
