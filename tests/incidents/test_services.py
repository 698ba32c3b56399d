"""Writes: the SRO's edits (optimistic locking), the narrative lock, supplements, the school's response."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from incidents import services
from incidents.models import Disposition, IncidentEvent, Status
from incidents.workflow import StaleIncident

from .factories import OCCURRED, IncidentFactory


def test_an_sro_creates_a_draft_at_one_of_their_schools(school, sro):
    incident = services.incident_create(actor=sro, school=school, occurred_at=OCCURRED, reported_at=OCCURRED,
                                        location="grounds", category="theft", severity="low", narrative="A bike.")
    assert (incident.status, incident.created_by, incident.version) == (Status.DRAFT, sro, 1)
    assert IncidentEvent.objects.get(incident=incident).to_status == Status.DRAFT


def test_an_sro_cannot_create_an_incident_at_a_school_they_do_not_serve(other_school, sro):
    with pytest.raises(PermissionDenied):
        services.incident_create(actor=sro, school=other_school, occurred_at=OCCURRED, reported_at=OCCURRED,
                                 location="grounds", category="theft", severity="low", narrative="A bike.")


def test_an_edit_saves_and_bumps_the_version(incident, sro):
    services.incident_update(incident=incident, actor=sro, version=1, severity="high")
    incident.refresh_from_db()
    assert (incident.severity, incident.version) == ("high", 2)


def test_the_second_of_two_concurrent_edits_is_refused(incident, sro):
    services.incident_update(incident=incident, actor=sro, version=1, narrative="First writer's text.")
    with pytest.raises(StaleIncident):
        services.incident_update(incident=incident, actor=sro, version=1, narrative="Second writer's text.")
    incident.refresh_from_db()
    assert incident.narrative == "First writer's text."


def test_the_narrative_cannot_be_rewritten_once_submitted(school, sro):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    with pytest.raises(ValidationError, match="supplement"):
        services.incident_update(incident=incident, actor=sro, version=1, narrative="Rewritten.")


def test_other_fields_can_still_be_edited_after_submission(school, sro):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    services.incident_update(incident=incident, actor=sro, version=1, disposition=Disposition.POLICE_CAUTION,
                             narrative=incident.narrative)
    assert incident.disposition == Disposition.POLICE_CAUTION


def test_a_closed_incident_cannot_be_edited(school, sro):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.CLOSED, disposition="police_caution")
    with pytest.raises(PermissionDenied):
        services.incident_update(incident=incident, actor=sro, version=1, severity="high")


def test_a_principal_cannot_edit_the_sros_report(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.incident_update(incident=incident, actor=principal, version=1, severity="high")


def test_a_supplement_is_appended_with_its_author(school, sro):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    supplement = services.supplement_add(incident=incident, author=sro, text="The parent called back.")
    assert (supplement.author, supplement.text) == (sro, "The parent called back.")


def test_a_draft_takes_no_supplement_its_narrative_is_still_editable(incident, sro):
    with pytest.raises(PermissionDenied):
        services.supplement_add(incident=incident, author=sro, text="More.")


def test_the_principal_records_the_schools_response(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    services.school_response_record(incident=incident, actor=principal, version=1, parent_contacted=True,
                                    school_discipline="detention", counselling_referral=True)
    assert (incident.parent_contacted, incident.school_response_by) == (True, principal)


def test_the_schools_response_after_an_sro_edit_is_refused_as_stale(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    services.incident_update(incident=incident, actor=sro, version=1, severity="medium")
    with pytest.raises(StaleIncident):
        services.school_response_record(incident=incident, actor=principal, version=1, parent_contacted=True)


def test_a_coordinator_does_not_record_the_schools_response(school, sro, coordinator):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.UNDER_REVIEW)
    with pytest.raises(PermissionDenied):
        services.school_response_record(incident=incident, actor=coordinator, version=1, parent_contacted=True)
