"""The officers' demo data: the Winnipeg program of 11 SROs covering 107 schools."""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

from accounts.models import User
from officers.models import Assignment, Officer
from officers.selectors import officer_list, terms_ending
from schools.models import School


@pytest.fixture
def seeded(db, settings):
    settings.DEBUG = True
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_eleven_winnipeg_sros_cover_all_107_schools(seeded):
    current = Assignment.objects.current()
    winnipeg = School.objects.filter(division__code__in=["WSD", "PTSD"])
    assert winnipeg.exclude(pk__in=current.values("school")).count() == 0
    assert Officer.objects.filter(police_service__name="Winnipeg Police Service").count() == 11


def test_each_winnipeg_sro_covers_about_ten_schools(seeded):
    today = timezone.localdate()
    for officer in Officer.objects.filter(police_service__name="Winnipeg Police Service"):
        assert 8 <= officer.schools_covered_on(today) <= settings.SRO_MAX_SCHOOLS, officer


def test_every_demo_assignment_follows_the_rules(seeded):
    for assignment in Assignment.objects.select_related("officer", "school__division"):
        assignment.full_clean()


def test_the_demo_sro_keeps_their_ten_schools(seeded):
    assert School.objects.visible_to(User.objects.get(username="sro")).count() == 10


def test_the_demo_shows_terms_ending_overdue_training_and_other_provinces(seeded):
    coordinator = User.objects.get(username="coordinator")
    assert terms_ending(user=coordinator)
    assert officer_list(user=coordinator, filters={"training": "overdue"}).qs.exists()
    assert Officer.objects.exclude(police_service__name="Winnipeg Police Service").count() >= 2


def test_every_demo_sro_can_sign_in_as_an_sro(seeded):
    for officer in Officer.objects.select_related("user"):
        assert officer.user.has_role("sro"), officer
