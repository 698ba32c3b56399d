"""The rules of one incident, each with its own message."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from incidents import services
from incidents.models import Disposition, PersonInvolved, PersonRole, Status

from .factories import OCCURRED, IncidentFactory, PersonFactory

MINUTE = datetime.timedelta(minutes=1)


def errors_of(incident):
    with pytest.raises(ValidationError) as info:
        incident.full_clean()
    return info.value.message_dict


def test_an_incident_cannot_be_reported_before_it_occurred(db):
    incident = IncidentFactory.build(reported_at=OCCURRED - MINUTE)
    assert errors_of(incident)["reported_at"] == ["The incident cannot be reported before it occurred."]


def test_police_cannot_be_on_scene_before_they_were_called(db):
    incident = IncidentFactory.build(called_at=OCCURRED, on_scene_at=OCCURRED - MINUTE)
    assert errors_of(incident)["on_scene_at"] == ["Police cannot be on scene before they were called."]


def test_a_time_on_scene_needs_the_time_called(db):
    incident = IncidentFactory.build(on_scene_at=OCCURRED)
    assert "called_at" in errors_of(incident)


def test_response_time_is_time_on_scene_minus_time_called():
    incident = IncidentFactory.build(called_at=OCCURRED, on_scene_at=OCCURRED + 7 * MINUTE)
    assert incident.response_time == 7 * MINUTE
    assert incident.response_minutes == 7


def test_response_time_is_unknown_without_both_times():
    assert IncidentFactory.build(called_at=OCCURRED).response_time is None


def test_a_charge_is_refused_when_a_subject_was_under_12(incident):
    PersonFactory(incident=incident, role=PersonRole.SUBJECT, age=11)
    incident.disposition = Disposition.CHARGE_LAID
    assert "under 12" in errors_of(incident)["disposition"][0]


def test_the_age_at_the_incident_comes_from_the_date_of_birth(incident):
    # Turns 12 the day after the incident.
    PersonFactory(incident=incident, age=None, date_of_birth=datetime.date(2013, 10, 15))
    incident.disposition = Disposition.CHARGE_LAID
    assert "disposition" in errors_of(incident)


def test_a_charge_is_possible_against_a_subject_who_was_12(incident):
    PersonFactory(incident=incident, age=None, date_of_birth=datetime.date(2013, 10, 14))
    incident.disposition = Disposition.CHARGE_LAID
    incident.full_clean()


def test_a_victim_under_12_does_not_prevent_a_charge(incident):
    PersonFactory(incident=incident, role=PersonRole.VICTIM, age=9)
    PersonFactory(incident=incident, role=PersonRole.SUBJECT, age=15)
    incident.disposition = Disposition.CHARGE_LAID
    incident.full_clean()


def test_adding_a_subject_under_12_to_a_charged_incident_is_refused(school, sro):
    incident = IncidentFactory(school=school, created_by=sro, disposition=Disposition.CHARGE_LAID)
    person = PersonInvolved(role=PersonRole.SUBJECT, name="A child", age=10)
    with pytest.raises(ValidationError) as info:
        services.person_save(incident=incident, actor=sro, person=person)
    assert "under 12" in info.value.message_dict["age"][0]
    assert not incident.people.exists()


def test_a_date_of_birth_after_the_incident_is_refused(incident):
    person = PersonFactory.build(incident=incident, age=None, date_of_birth=datetime.date(2026, 1, 1))
    with pytest.raises(ValidationError, match="after the incident"):
        person.full_clean()


def test_the_database_refuses_a_closed_incident_without_disposition(db):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        IncidentFactory(status=Status.CLOSED, disposition="")


def test_the_database_refuses_a_report_before_the_occurrence(db):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        IncidentFactory(reported_at=OCCURRED - MINUTE)
