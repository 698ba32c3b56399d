import pytest

from accounts.models import Role
from incidents.models import Status
from tests.factories import sro_for, user_with_role

from .factories import IncidentFactory


@pytest.fixture
def incident(school, sro):
    """A draft reported by the school's SRO."""
    return IncidentFactory(school=school, created_by=sro)


@pytest.fixture
def submitted(school, sro):
    """An incident of the school's SRO, submitted: from then on the school's team and division see it."""
    return IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)


@pytest.fixture
def outside_principal(outside_school):
    """A school administrator elsewhere: for them our incidents do not exist."""
    return user_with_role(Role.SCHOOL_ADMIN, school=outside_school, username="outsideprincipal")


@pytest.fixture
def outside_sro(outside_school):
    return sro_for(outside_school, username="outsidesro")


@pytest.fixture
def cast(sro, principal, coordinator, evaluator, program_admin, outsider):
    return {"sro": sro, "principal": principal, "coordinator": coordinator, "evaluator": evaluator,
            "program_admin": program_admin, "outsider": outsider}
