"""Writes. Each function checks that the actor may do it (PermissionDenied otherwise), validates with
``full_clean()`` and saves. Status changes live in workflow.py, not here."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from accounts.models import Role
from audit.services import client_address
from schools.models import School

from . import notifications
from .models import (
    ExportPurpose,
    HelpRequest,
    Incident,
    IncidentEvent,
    PersonalInfoAccess,
    PersonInvolved,
    Status,
    Supplement,
    ThreatAssessment,
)
from .workflow import IMPLICIT_START, IncidentAccess, StaleIncident, incident_transition

# The fields the reporting SRO edits (the narrative only until the first submission).
INCIDENT_FIELDS = (
    "occurred_at", "reported_at", "location", "category", "severity", "narrative",
    "call_number", "called_at", "on_scene_at", "responding_unit", "disposition",
)
SCHOOL_RESPONSE_FIELDS = ("parent_contacted", "school_discipline", "counselling_referral", "school_response_note")
ASSESSMENT_FIELDS = (
    "assessed_on", "team_members", "data_gathered", "risk_level", "immediate_steps", "intervention_plan",
    "follow_up_on", "outcome", "closed_on",
)


def _require(allowed: bool):
    if not allowed:
        raise PermissionDenied(_("Your role does not allow this for this incident."))


def sro_schools(user):
    """Schools where the user may report incidents: those of their current assignments."""
    return School.objects.visible_to(user, roles=[Role.SRO])


@transaction.atomic
def incident_create(*, actor, school: School, help_request: HelpRequest | None = None, **fields) -> Incident:
    """A new draft incident reported by `actor` (an SRO of `school`)."""
    _require(actor.has_role(Role.SRO) and sro_schools(actor).filter(pk=school.pk).exists())
    now = timezone.now()
    incident = Incident(school=school, created_by=actor, created_at=now, updated_at=now, status=Status.DRAFT,
                        **{name: value for name, value in fields.items() if name in INCIDENT_FIELDS})
    _refuse_future_times(incident, fields=Incident.TYPED_TIMES, now=now)
    incident.full_clean()
    incident._history_user = actor
    incident.save()
    IncidentEvent.objects.create(incident=incident, actor=actor, at=now, from_status="", to_status=Status.DRAFT,
                                 note=_("Created from a request for help.") if help_request else "")
    if help_request is not None:
        _help_request_take(help_request=help_request, actor=actor, incident=incident)
    return incident


def _refuse_future_times(incident: Incident, *, fields, now=None) -> None:
    errors = incident.future_time_errors(fields=fields, now=now)
    if errors:
        raise ValidationError(errors)


class PersonRejected(ValidationError):
    """A person involved given with a new report was refused; `index` says which (0-based)."""

    def __init__(self, error: ValidationError, *, index: int):
        super().__init__(error.error_dict if hasattr(error, "error_dict") else error.error_list)
        self.index = index


@transaction.atomic
def incident_report(*, actor, school: School, people: list[PersonInvolved], submit: bool = False,
                    help_request: HelpRequest | None = None, **fields) -> Incident:
    """The SRO's whole report in one go: the draft, the people involved and, when `submit`, its
    submission for review. All or nothing: a refused person (PersonRejected) saves nothing."""
    incident = incident_create(actor=actor, school=school, help_request=help_request, **fields)
    for index, person in enumerate(people):
        try:
            person_save(incident=incident, actor=actor, person=person)
        except ValidationError as error:
            raise PersonRejected(error, index=index) from error
    if submit:
        incident_transition(incident=incident, to=Status.SUBMITTED, actor=actor, version=incident.version)
    return incident


def _locked(incident: Incident) -> Incident:
    """The incident's current row, locked until the end of the transaction."""
    return Incident.objects.select_for_update().select_related("school").get(pk=incident.pk)


def record_history(instance, *, actor, reason: str = "") -> None:
    """Add a "changed" history row for `instance` as it is now. For writes made with
    ``queryset.update()``, which simple-history does not see (it hooks ``save()`` only)."""
    bulk_update_with_history([instance], type(instance), [], default_user=actor,
                             default_change_reason=reason)


def _conditional_save(incident: Incident, version: int, changes: dict, *, actor) -> Incident:
    """``UPDATE … SET …, version = version + 1 WHERE pk = … AND version = <version>``: a writer who
    read an older version updates nothing and is told so. The caller's instance is refreshed, and
    the change is recorded in the incident's history."""
    changes = {**changes, "updated_at": timezone.now(), "version": F("version") + 1}
    if Incident.objects.filter(pk=incident.pk, version=version).update(**changes) != 1:
        raise StaleIncident()
    incident.refresh_from_db()
    record_history(incident, actor=actor)
    return incident


@transaction.atomic
def incident_update(*, incident: Incident, actor, version: int, submit: bool = False, **fields) -> Incident:
    """Save the SRO's edits, unless someone saved the incident since `version` was read; with
    `submit`, a draft is submitted for review with them (both or neither)."""
    current = _locked(incident)
    access = IncidentAccess(actor, current)
    _require(access.may_edit)
    if current.version != version:
        raise StaleIncident()
    changes = {name: value for name, value in fields.items() if name in INCIDENT_FIELDS}
    if current.narrative_locked and "narrative" in changes and changes["narrative"] != current.narrative:
        raise ValidationError({"narrative": _("The narrative was submitted: add a supplement instead.")})
    typed_times = [name for name in Incident.TYPED_TIMES if name in changes and changes[name] != getattr(current, name)]
    for name, value in changes.items():
        setattr(current, name, value)
    _refuse_future_times(current, fields=typed_times)
    current.full_clean()
    _conditional_save(current, version, changes, actor=actor)
    if submit:
        incident_transition(incident=current, to=Status.SUBMITTED, actor=actor, version=current.version)
    incident.refresh_from_db()
    return incident


@transaction.atomic
def school_response_record(*, incident: Incident, actor, version: int, **fields) -> Incident:
    """The administrator records what the school did (parent contacted, discipline, counselling…).
    On a submitted incident this starts the review (workflow.IMPLICIT_START), as a step of its own."""
    current = _locked(incident)
    _require(IncidentAccess(actor, current).may_record_school_response)
    if current.version != version:
        raise StaleIncident()
    changes = {name: value for name, value in fields.items() if name in SCHOOL_RESPONSE_FIELDS}
    changes.update(school_response_by=actor, school_response_at=timezone.now())
    for name, value in changes.items():
        setattr(current, name, value)
    current.full_clean()
    _conditional_save(current, version, changes, actor=actor)
    through = IMPLICIT_START.get(current.status)
    if through is not None:
        incident_transition(incident=current, to=through, actor=actor, version=current.version)
    incident.refresh_from_db()
    return incident


@transaction.atomic
def supplement_add(*, incident: Incident, author, text: str) -> Supplement:
    _require(IncidentAccess(author, incident).may_add_supplement)
    supplement = Supplement(incident=incident, author=author, text=text.strip())
    supplement.full_clean()
    supplement._history_user = author
    supplement.save()
    return supplement


@transaction.atomic
def person_save(*, incident: Incident, actor, person: PersonInvolved) -> PersonInvolved:
    """Add or change a person involved. The incident row is locked so that the "no charge under 12"
    rule also holds against a concurrent change of the disposition."""
    current = _locked(incident)
    _require(IncidentAccess(actor, current).may_manage_people)
    person.incident = current
    person.full_clean()
    person._history_user = actor
    person.save()
    return person


@transaction.atomic
def person_remove(*, incident: Incident, actor, person: PersonInvolved) -> None:
    _require(IncidentAccess(actor, incident).may_manage_people)
    person._history_user = actor
    person.delete()


def personal_info_viewed(*, user, kind: str, incident: Incident | None = None, detail: str = "", request=None,
                         purpose: str = "") -> PersonalInfoAccess:
    """Log that `user` was shown people involved (from `request`'s source address), and for an
    export, why (`purpose`, one of ExportPurpose). `detail` must never hold a young person's name:
    record ids and filter values only."""
    if kind == PersonalInfoAccess.Kind.EXPORT and purpose not in ExportPurpose.values:
        raise ValidationError({"purpose": _("Choose why you export this personal information.")})
    return PersonalInfoAccess.objects.create(user=user, kind=kind, incident=incident, detail=detail[:500],
                                             source_address=client_address(request), purpose=purpose)


# Requests for help ----------------------------------------------------------------------------

@transaction.atomic
def help_request_create(*, actor, school: School, subject: str, details: str,
                        occurred_at: datetime.datetime | None = None) -> HelpRequest:
    """School staff ask the school's SRO for help; the SRO(s) are told by email."""
    _require(School.objects.visible_to(actor, roles=[Role.SCHOOL_ADMIN]).filter(pk=school.pk).exists())
    help_request = HelpRequest(school=school, raised_by=actor, subject=subject, details=details,
                               occurred_at=occurred_at)
    help_request.full_clean()
    help_request.save()
    transaction.on_commit(lambda: notifications.help_requested(help_request))
    return help_request


def _sro_of(actor, help_request: HelpRequest) -> bool:
    return sro_schools(actor).filter(pk=help_request.school_id).exists()


def _claim_request(help_request: HelpRequest, **changes) -> None:
    """Only an open request can be handled, once (a conditional update claims it)."""
    claimed = HelpRequest.objects.filter(pk=help_request.pk, state=HelpRequest.State.OPEN).update(**changes)
    if claimed != 1:
        raise ValidationError(_("This request was already handled."), code="handled")
    help_request.refresh_from_db()


def _help_request_take(*, help_request: HelpRequest, actor, incident: Incident) -> None:
    _require(_sro_of(actor, help_request) and incident.school_id == help_request.school_id)
    _claim_request(help_request, state=HelpRequest.State.CONVERTED, incident=incident, handled_by=actor,
                   handled_at=timezone.now())


@transaction.atomic
def help_request_decline(*, help_request: HelpRequest, actor, reason: str) -> HelpRequest:
    _require(_sro_of(actor, help_request))
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why you decline the request.")})
    _claim_request(help_request, state=HelpRequest.State.DECLINED, decline_reason=reason, handled_by=actor,
                   handled_at=timezone.now())
    return help_request


# Threat assessments ---------------------------------------------------------------------------

@transaction.atomic
def assessment_create(*, incident: Incident, actor, **fields) -> ThreatAssessment:
    _require(IncidentAccess(actor, incident).may_open_assessment)
    assessment = ThreatAssessment(incident=incident, created_by=actor,
                                  **{k: v for k, v in fields.items() if k in ASSESSMENT_FIELDS})
    assessment.full_clean()
    assessment._history_user = actor
    assessment.save()
    return assessment


def may_edit_assessment(user, assessment: ThreatAssessment) -> bool:
    return IncidentAccess(user, assessment.incident)._holds(Role.SRO, Role.SCHOOL_ADMIN)


@transaction.atomic
def assessment_update(*, assessment: ThreatAssessment, actor, **fields) -> ThreatAssessment:
    _require(may_edit_assessment(actor, assessment))
    changed = []
    for name, value in fields.items():
        if name in ASSESSMENT_FIELDS:
            setattr(assessment, name, value)
            changed.append(name)
    assessment.full_clean()
    assessment._history_user = actor
    assessment.save(update_fields=changed)
    return assessment


def assessment_claim_notice(assessment: ThreatAssessment) -> bool:
    """Claim the due-notice of this follow-up date: True for the one caller that gets it."""
    return bool(
        ThreatAssessment.objects.filter(pk=assessment.pk, closed_on__isnull=True)
        .exclude(notified_for=F("follow_up_on"))
        .update(notified_for=F("follow_up_on"))
    )
