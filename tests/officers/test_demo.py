"""The officers' demo data: the Winnipeg program of 11 SROs covering 107 schools. The demo is seeded
once for the module (tests/conftest.py, `seeded_demo`); each test checks one aspect of the whole data set."""

import pytest
from django.conf import settings
from django.utils import timezone

from accounts.models import Role, User
from officers.models import Assignment, Officer
from officers.selectors import officer_list, terms_ending
from schools.models import School


@pytest.fixture
def seeded(seeded_demo, db):
    return seeded_demo


def test_eleven_winnipeg_sros_cover_the_107_schools_about_ten_each(seeded):
    today = timezone.localdate()
    winnipeg = School.objects.filter(division__code__in=["WSD", "PTSD"])
    assert not winnipeg.exclude(pk__in=Assignment.objects.current().values("school")).exists()
    officers = Officer.objects.filter(police_service__name="Winnipeg Police Service")
    assert officers.count() == 11
    assert all(8 <= officer.schools_covered_on(today) <= settings.SRO_MAX_SCHOOLS for officer in officers)
    assert School.objects.visible_to(User.objects.get(username="sro")).count() == 10


def test_every_demo_officer_and_assignment_follows_the_rules(seeded):
    for assignment in Assignment.objects.select_related("officer__user", "school__division"):
        assignment.full_clean()
        assert assignment.officer.user.has_role(Role.SRO)


def test_the_demo_shows_terms_ending_overdue_training_and_other_provinces(seeded):
    coordinator = User.objects.get(username="coordinator")
    assert terms_ending(user=coordinator)
    assert officer_list(user=coordinator, filters={"training": "overdue"}).qs.exists()
    assert Officer.objects.filter(police_service__name="Calgary Police Service").count() == 2
    assert Officer.objects.filter(police_service__name="Ottawa Police Service").count() == 2
