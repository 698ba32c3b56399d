"""The cast shared by the tests: two divisions, a user of each role in the first, and an
outsider coordinator in the second."""

import pytest
from django.core.cache import cache
from django.utils import translation

from accounts.models import Role

from .factories import SchoolDivisionFactory, SchoolFactory, sro_for, user_with_role


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate-limit counts live there), as with the database."""
    cache.clear()


@pytest.fixture(autouse=True)
def english_to_start():
    """Each test starts in English. A page asked for in French leaves French active in the thread
    after the request, and text kept in two languages (modeltranslation: `name` is the current
    language's column) would then be written to the French columns by the next test's factories."""
    translation.activate("en")
    yield
    translation.deactivate()


@pytest.fixture
def division(db):
    return SchoolDivisionFactory(name="Winnipeg School Division", code="WSD")


@pytest.fixture
def school(division):
    return SchoolFactory(division=division, name="Kelvin High School", level="high",
                         lowest_grade=9, highest_grade=12)


@pytest.fixture
def other_school(division):
    """A school of the same division that the SRO and principal do not serve."""
    return SchoolFactory(division=division, name="Sisler High School")


@pytest.fixture
def other_division(db):
    return SchoolDivisionFactory(name="Calgary Board of Education", code="CBE")


@pytest.fixture
def outside_school(other_division):
    return SchoolFactory(division=other_division, name="Outside School")


@pytest.fixture
def sro(school):
    return sro_for(school, username="sro")


@pytest.fixture
def principal(school):
    return user_with_role(Role.SCHOOL_ADMIN, school=school, username="principal")


@pytest.fixture
def coordinator(division):
    return user_with_role(Role.COORDINATOR, division=division, username="coordinator")


@pytest.fixture
def evaluator(division):
    return user_with_role(Role.EVALUATOR, division=division, username="evaluator")


@pytest.fixture
def program_admin(db):
    return user_with_role(Role.PROGRAM_ADMIN, username="programadmin", is_staff=True)


@pytest.fixture
def outsider(other_division):
    """A coordinator of another division: for them, our division does not exist."""
    return user_with_role(Role.COORDINATOR, division=other_division, username="outsider")
