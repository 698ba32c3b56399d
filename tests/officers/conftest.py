import pytest


@pytest.fixture
def officer(sro):
    """The officer profile of the shared `sro` user (assigned to `school`)."""
    return sro.officer


@pytest.fixture
def assignment(officer, school):
    return officer.assignments.get(school=school)
