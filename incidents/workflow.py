"""The review workflow of an incident, in one place.

``TRANSITIONS`` says which status may follow which, and who may move it; ``incident_transition`` is the
only code that changes an incident's status, and it writes the history row (who, when, from, to, note).
The action checks below (``IncidentAccess``) say who may edit what in which status.

    draft ──SRO──▶ submitted ──admin──▶ under review ──admin──▶ closed ──coordinator (reopen)──┐
                      ▲                      │    ▲                                            │
                      └──SRO── follow-up ◀───┘    └────────────────────────────────────────────┘
                              requested (admin)

The administrator has no separate "start review" step to take (issue 16, defect 5): on a submitted
incident they are offered the steps of a review at once, and taking one of them (or recording the
school's response) starts the review implicitly — ``IMPLICIT_START`` — recorded as its own history
row and event (submitted → under review), then the step itself, in one transaction.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_update_with_history

from accounts.models import Role

from . import notifications
from .models import HISTORY_ROLES, INCIDENT_ROLES, PEOPLE_ROLES, Incident, IncidentEvent, Status


@dataclass(frozen=True)
class Transition:
    roles: frozenset
    label: str  # the button's words
    note_required: bool = False
    note_label: str = _("Note (optional)")  # each step's note box says what it is for
    help: str = ""  # the step's rule, shown beside the button before anyone tries it


TRANSITIONS = {
    (Status.DRAFT, Status.SUBMITTED): Transition(
        frozenset({Role.SRO}), _("Submit for review"), note_label=_("Note for the reviewer (optional)")),
    (Status.FOLLOW_UP, Status.SUBMITTED): Transition(
        frozenset({Role.SRO}), _("Resubmit for review"), note_label=_("What you followed up (optional)")),
    (Status.SUBMITTED, Status.UNDER_REVIEW): Transition(frozenset({Role.SCHOOL_ADMIN}), _("Start review")),
    (Status.UNDER_REVIEW, Status.FOLLOW_UP): Transition(
        frozenset({Role.SCHOOL_ADMIN}), _("Request follow-up from the SRO"), note_required=True,
        note_label=_("What the SRO should follow up (required)")),
    (Status.UNDER_REVIEW, Status.CLOSED): Transition(
        frozenset({Role.SCHOOL_ADMIN}), _("Close"), note_label=_("Closing note (optional)"),
        help=_("Closing needs a disposition, recorded by the SRO. If there is none, request follow-up.")),
    (Status.CLOSED, Status.UNDER_REVIEW): Transition(
        frozenset({Role.COORDINATOR}), _("Reopen"), note_required=True,
        note_label=_("Why reopen (required)")),
}


# A status whose review starts by itself when the first review step is taken: (from, through).
IMPLICIT_START = {Status.SUBMITTED: Status.UNDER_REVIEW}


def _step(from_status, to):
    """The transition from `from_status` to `to`, and the status the review passes through first
    (None when the move is direct), or (None, None) when there is no such move."""
    step = TRANSITIONS.get((from_status, to))
    if step is not None:
        return step, None
    through = IMPLICIT_START.get(from_status)
    if through is not None and (from_status, through) in TRANSITIONS:
        step = TRANSITIONS.get((through, to))
        if step is not None:
            return step, through
    return None, None


class StaleIncident(ValidationError):
    """Someone else saved the incident since this user loaded it."""

    def __init__(self):
        super().__init__(
            _("Someone else changed this incident while you were working on it. Your text is kept below: "
              "check the current version, then save again."),
            code="stale",
        )


def roles_for(user, incident) -> frozenset[str]:
    """The user's roles that reach this incident, by the one rule of ``Incident.objects.visible_to``
    (the school's scope once submitted, or for an SRO, authorship). Runs one query per role the user
    holds (usually one)."""
    return frozenset(
        role for role in user.roles & INCIDENT_ROLES
        if Incident.objects.visible_to(user, roles=[role]).filter(pk=incident.pk).exists()
    )


class IncidentAccess:
    """What one user may do to one incident, in its current status."""

    def __init__(self, user, incident):
        self.user = user
        self.incident = incident

    @cached_property
    def roles(self) -> frozenset[str]:
        return roles_for(self.user, self.incident)

    def _holds(self, *roles) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def may_see_people(self) -> bool:
        return self._holds(*PEOPLE_ROLES)

    @property
    def may_see_history(self) -> bool:
        """The change history page: coordinators and program administrators of the incident's scope."""
        return self._holds(*HISTORY_ROLES)

    @property
    def may_edit(self) -> bool:
        return not self.incident.is_closed and self._holds(Role.SRO)

    @property
    def may_edit_narrative(self) -> bool:
        return self.may_edit and not self.incident.narrative_locked

    @property
    def may_add_supplement(self) -> bool:
        return (self.incident.narrative_locked and not self.incident.is_closed
                and self._holds(Role.SRO, Role.SCHOOL_ADMIN))

    @property
    def may_manage_people(self) -> bool:
        return self.may_edit

    @property
    def may_record_school_response(self) -> bool:
        return (self.incident.status in {Status.SUBMITTED, Status.UNDER_REVIEW, Status.FOLLOW_UP}
                and self._holds(Role.SCHOOL_ADMIN))

    @property
    def may_open_assessment(self) -> bool:
        return self.incident.status != Status.DRAFT and self._holds(Role.SRO, Role.SCHOOL_ADMIN)

    def transitions(self) -> list[tuple[str, Transition]]:
        """The moves this user may make now, as (target status, transition). On a status whose review
        starts implicitly, the review's own steps are offered instead of a "start review" step."""
        status = self.incident.status
        through = IMPLICIT_START.get(status)
        if through is not None and self._holds(*TRANSITIONS[(status, through)].roles):
            status = through
        return [
            (to, step) for (src, to), step in TRANSITIONS.items()
            if src == status and self._holds(*step.roles)
        ]


@transaction.atomic
def incident_transition(*, incident: Incident, to: str, actor, note: str = "", version: int | None = None
                        ) -> IncidentEvent:
    """Move `incident` to status `to` on behalf of `actor`, and record it.

    Raises ValidationError when the move does not exist from the current status or a rule forbids it
    (closing without a disposition, a missing note), PermissionDenied when the actor's roles do not
    allow it at this school, and StaleIncident when `version` is given and no longer current.
    """
    from_status = incident.status
    step, through = _step(from_status, to)
    if step is None:
        raise ValidationError(
            _("An incident that is “%(current)s” cannot be moved to “%(target)s”.")
            % {"current": Status(from_status).label, "target": Status(to).label if to in Status.values else to},
            code="invalid_transition",
        )
    roles = roles_for(actor, incident)
    if not roles.intersection(step.roles) or (
            through is not None and not roles.intersection(TRANSITIONS[(from_status, through)].roles)):
        raise PermissionDenied(_("Your role does not allow this step for this incident."))
    note = (note or "").strip()
    if step.note_required and not note:
        raise ValidationError({"note": _("Add a note saying why.")}, code="note_required")
    if to == Status.CLOSED and not incident.disposition:
        raise ValidationError(
            _("Closing requires a disposition: the SRO records it (request follow-up if it is missing)."),
            code="disposition_required",
        )

    if through is not None:  # the review starts with this step: recorded as a step of its own
        _move(incident, from_status, through, actor=actor, note="", version=version)
        from_status, version = through, incident.version
    event = _move(incident, from_status, to, actor=actor, note=note, version=version)

    if to == Status.SUBMITTED or (from_status == Status.CLOSED and to == Status.UNDER_REVIEW):
        transaction.on_commit(lambda: notifications.review_awaited(incident))
    elif to == Status.FOLLOW_UP:
        transaction.on_commit(lambda: notifications.follow_up_requested(incident))
    return event


def _move(incident: Incident, from_status: str, to: str, *, actor, note: str, version: int | None) -> IncidentEvent:
    """Write one status change (the caller checked it may be made): the conditional update, the
    incident's history row and the event (who, when, from, to, note)."""
    now = timezone.now()
    changes = {"status": to, "updated_at": now, "version": F("version") + 1}
    if to == Status.SUBMITTED:
        changes["submitted_at"] = now
    # Claim the move with a conditional update: a double click or a concurrent reviewer finds 0 rows.
    rows = Incident.objects.filter(pk=incident.pk, status=from_status)
    if version is not None:
        rows = rows.filter(version=version)
    if rows.update(**changes) != 1:
        raise StaleIncident()
    incident.refresh_from_db()
    # The update above bypasses save(): record the change in the incident's history here.
    bulk_update_with_history([incident], Incident, [], default_user=actor)
    return IncidentEvent.objects.create(
        incident=incident, actor=actor, at=now, from_status=from_status, to_status=to, note=note
    )
