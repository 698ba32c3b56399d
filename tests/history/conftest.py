import pytest

from incidents.models import Status
from tests.incidents.factories import IncidentFactory


@pytest.fixture
def incident(school, sro):
    """A draft reported by the school's SRO."""
    return IncidentFactory(school=school, created_by=sro)


@pytest.fixture
def submitted(school, sro):
    """An incident of the school's SRO, submitted: from then on the school's team and division see it."""
    return IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)


@pytest.fixture
def officer(sro):
    """The officer profile of the shared `sro` user (assigned to `school`)."""
    return sro.officer


@pytest.fixture
def assignment(officer, school):
    return officer.assignments.get(school=school)
