"""The retention period: people involved in incidents closed long ago are de-identified.

When an incident has been closed for more than ``INCIDENTS_RETENTION_YEARS`` years (counted from its
closing, the last "→ closed" step of its history, while it is still closed), its people lose their name
and date of birth (and exact age): what is kept is their role, grade, whether a student, and the age
band at the incident (for the statistics).

Free texts may name them too (the narrative, the school's response, the supplements, the free texts of
the incident's threat assessments and of the request for help it came from). Those are not
rewritten by a machine: at de-identification time, before the names are removed, each text (and each
earlier version of it in the change history) is searched for the names (whole words, any case), and a
text that contains one is put on the coordinators' review
list (``RedactionReview``) with a proposed text where each name is replaced by "[redacted]". A
coordinator (or program administrator) reads it, edits it and confirms; only then is the text replaced.
The names themselves are never stored or logged: only the proposal and counts.

Safe to run twice: people already de-identified are skipped, and a text already waiting for review
gets its proposal updated rather than a second entry.
"""

import datetime
import logging
import re
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_update_with_history

from audit.models import AuditEvent
from audit.services import audit_record
from common.dates import start_of_day

from .models import (
    RETENTION_REVIEW_ROLES,
    AgeBand,
    HelpRequest,
    Incident,
    IncidentEvent,
    PersonInvolved,
    RedactionReview,
    Status,
    Supplement,
    ThreatAssessment,
)
from .redaction import may_read_as_written

log = logging.getLogger(__name__)

REDACTED = "[redacted]"
# Name parts shorter than this (initials) are not searched for: too many false matches.
MIN_NAME_PART = 2


# When ------------------------------------------------------------------------------------------

def retention_cutoff(today: datetime.date, years: int | None = None) -> datetime.datetime:
    """The start of the day `years` years before `today`: incidents closed before it are due."""
    years = settings.INCIDENTS_RETENTION_YEARS if years is None else years
    try:
        day = today.replace(year=today.year - years)
    except ValueError:  # 29 February
        day = today.replace(year=today.year - years, day=28)
    return start_of_day(day)


def with_closed_at(incidents):
    """`incidents` annotated with ``closed_at``: when the incident was last closed (None if never)."""
    last_closing = (IncidentEvent.objects.filter(incident=OuterRef("pk"), to_status=Status.CLOSED)
                    .order_by("-at", "-pk").values("at")[:1])
    return incidents.annotate(closed_at=Subquery(last_closing))


def incidents_due(cutoff: datetime.datetime):
    """Closed incidents, closed before `cutoff`, with people not yet de-identified. An incident closed
    without a closing step in its history (none is made so) is never due: its closing date is unknown."""
    return (with_closed_at(Incident.objects.filter(status=Status.CLOSED))
            .filter(closed_at__lt=cutoff, people__deidentified_at__isnull=True).distinct())


# Names in texts --------------------------------------------------------------------------------

def name_pattern(names) -> re.Pattern | None:
    """A pattern matching any of the names, or any part of them (first, last, hyphenated parts), as
    whole words in any case. None when there is nothing to search for."""
    words = set()
    for name in names:
        name = " ".join(name.split())
        if not name:
            continue
        words.add(name)
        for part in name.split(" "):
            words.add(part)
            words.update(re.split(r"[-‐]", part))
    words = sorted((word for word in words if len(word.strip(".'’")) >= MIN_NAME_PART), key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(re.escape(word) for word in words)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def redact(text: str, pattern: re.Pattern | None) -> tuple[str, int]:
    """`text` with each match of `pattern` replaced by [redacted], and the number of replacements."""
    if pattern is None or not text:
        return text, 0
    return pattern.subn(REDACTED, text)


# De-identification -----------------------------------------------------------------------------

@dataclass
class RetentionResult:
    cutoff: datetime.datetime
    incidents: int = 0
    people: int = 0
    texts_flagged: int = 0
    history_rows_scrubbed: int = 0
    dry_run: bool = False

    def as_detail(self) -> dict:
        return {"cutoff": self.cutoff.date().isoformat(), "incidents": self.incidents, "people": self.people,
                "texts_flagged": self.texts_flagged,
                "history_rows_scrubbed": self.history_rows_scrubbed, "dry_run": self.dry_run,
                "retention_years": settings.INCIDENTS_RETENTION_YEARS}


def deidentify_due_people(*, cutoff: datetime.datetime, dry_run: bool = False) -> RetentionResult:
    """De-identify the people of the incidents closed before `cutoff`, flag the texts naming them, and
    record the run in the audit log (counts only)."""
    result = RetentionResult(cutoff=cutoff, dry_run=dry_run)
    due = incidents_due(cutoff).order_by("pk").values_list("pk", flat=True)
    for incident_pk in list(due):
        people, flagged = _deidentify_incident(incident_pk, cutoff=cutoff, dry_run=dry_run)
        if people:
            result.incidents += 1
            result.people += people
            result.texts_flagged += flagged
    if not dry_run:
        result.history_rows_scrubbed = scrub_people_history(cutoff)
    audit_record(event=AuditEvent.Event.RETENTION, outcome=AuditEvent.Outcome.SUCCESS, detail=result.as_detail())
    log.info("retention: %s person(s) in %s incident(s) %s, %s text(s) flagged for review", result.people,
             result.incidents, "due" if dry_run else "de-identified", result.texts_flagged)
    return result


def scrub_people_history(cutoff: datetime.datetime) -> int:
    """Blank the names, birth dates and exact ages in the change history of the people of every
    incident closed before `cutoff`: the history keeps each earlier copy of a person, also of people
    removed from the incident since (who are in no incident's people any more, only in the history)."""
    past_retention = with_closed_at(Incident.objects.filter(status=Status.CLOSED)).filter(closed_at__lt=cutoff)
    return (PersonInvolved.history.filter(incident_id__in=past_retention.values("pk"))
            .filter(~Q(name="") | Q(date_of_birth__isnull=False) | Q(age__isnull=False))
            .update(name="", date_of_birth=None, age=None))


@transaction.atomic
def _deidentify_incident(incident_pk: int, *, cutoff, dry_run: bool) -> tuple[int, int]:
    """One incident, in one transaction: returns (people de-identified, texts flagged)."""
    # Lock the incident and check again: it may have been reopened since the list was read.
    incident = (with_closed_at(Incident.objects.select_for_update(of=("self",)))
                .filter(pk=incident_pk, status=Status.CLOSED, closed_at__lt=cutoff).first())
    if incident is None:
        return 0, 0
    people = list(incident.people.select_for_update().filter(deidentified_at__isnull=True).order_by("pk"))
    if not people:
        return 0, 0
    pattern = name_pattern(person.name for person in people)
    earlier = _earlier_copies(incident)
    flagged = 0
    for target, related, text in _texts_of(incident):
        proposed, matches = redact(text, pattern)
        # An earlier version of the text, kept by the change history, may name them though this one does
        # not: the text goes on the review too (confirming it replaces every earlier version).
        key = RedactionReview(incident=incident, target=target, **related).text_key()
        earlier_matches = max((redact(copy, pattern)[1] for copy in earlier.get(key, ())), default=0)
        if matches or earlier_matches:
            flagged += 1
            if not dry_run:
                _flag(incident, target, related, proposed, max(matches, earlier_matches), pattern)
    if dry_run:
        return len(people), flagged
    now = timezone.now()
    for person in people:
        person.age_band = AgeBand.for_age(person.age_on(incident.occurred_at))
        person.name, person.date_of_birth, person.age, person.deidentified_at = "", None, None, now
    bulk_update_with_history(people, PersonInvolved, ["name", "date_of_birth", "age", "age_band", "deidentified_at"],
                             default_change_reason=_("De-identified: the retention period ended."))
    return len(people), flagged


def _texts_of(incident):
    """The free texts of an incident that may name its people, as (target, related object, text); the
    related object (a supplement, threat assessment or request for help) as RedactionReview's keyword."""
    texts = [(RedactionReview.Target.NARRATIVE, {}, incident.narrative),
             (RedactionReview.Target.SCHOOL_RESPONSE, {}, incident.school_response_note)]
    texts += [(RedactionReview.Target.SUPPLEMENT, {"supplement": supplement}, supplement.text)
              for supplement in incident.supplements.order_by("pk")]
    for assessment in incident.threat_assessments.order_by("pk"):
        texts += [(target, {"threat_assessment": assessment}, getattr(assessment, field))
                  for target, field in RedactionReview.ASSESSMENT_FIELDS.items()]
    help_request = HelpRequest.objects.filter(incident=incident).first()
    if help_request is not None:
        texts += [(target, {"help_request": help_request}, getattr(help_request, field))
                  for target, field in RedactionReview.HELP_REQUEST_FIELDS.items()]
    return texts


def _earlier_copies(incident) -> dict[tuple, list[str]]:
    """The copies of the incident's texts in the change history, by RedactionReview.text_key (requests
    for help keep no history). Runs three queries."""
    copies = defaultdict(list)
    for narrative, note in Incident.history.filter(id=incident.pk).values_list("narrative", "school_response_note"):
        copies[(Incident, incident.pk, "narrative")].append(narrative)
        copies[(Incident, incident.pk, "school_response_note")].append(note)
    for pk, text in Supplement.history.filter(incident_id=incident.pk).values_list("id", "text"):
        copies[(Supplement, pk, "text")].append(text)
    fields = list(RedactionReview.ASSESSMENT_FIELDS.values())
    for pk, *values in ThreatAssessment.history.filter(incident_id=incident.pk).values_list("id", *fields):
        for field, value in zip(fields, values, strict=True):
            copies[(ThreatAssessment, pk, field)].append(value)
    return copies


def _flag(incident, target, related: dict, proposed: str, matches: int, pattern) -> None:
    """Put a text on the review list, or update the proposal of the entry already waiting for it."""
    text_of = {"supplement": None, "threat_assessment": None, "help_request": None, **related}
    pending = RedactionReview.objects.select_for_update().filter(
        incident=incident, target=target, reviewed_at__isnull=True, **text_of).first()
    if pending is None:
        RedactionReview.objects.create(incident=incident, target=target, proposed_text=proposed, matches=matches,
                                       **text_of)
        return
    pending.proposed_text, extra = redact(pending.proposed_text, pattern)
    pending.matches += extra
    pending.version += 1
    pending.save(update_fields=["proposed_text", "matches", "version"])


# The review list -------------------------------------------------------------------------------

class StaleReview(ValidationError):
    """Someone else decided on this text since this user loaded it."""

    def __init__(self):
        super().__init__(
            _("Someone else reviewed this text while you were working on it: it is no longer on the list."),
            code="stale",
        )


def may_review(user, review: RedactionReview) -> bool:
    """The user reaches the review (the texts of threat assessments and requests for help: only
    through PEOPLE_ROLES, see RedactionReviewQuerySet.visible_to)."""
    return (user.is_authenticated and user.has_role(*RETENTION_REVIEW_ROLES)
            and RedactionReview.objects.visible_to(user).filter(pk=review.pk).exists())


@transaction.atomic
def redaction_decide(*, review: RedactionReview, actor, version: int, text: str | None = None,
                     request=None) -> RedactionReview:
    """Close a review. With `text`, the redaction is confirmed: the incident's text becomes `text` (the
    proposal as the reviewer edited it). Without, the text is kept as it is (nobody was named after all).
    Raises StaleReview when someone decided first (or the proposal changed since `version`)."""
    if not may_review(actor, review):
        raise PermissionDenied(_("Your role does not allow this for this incident."))
    if text is None and not may_read_as_written(actor, review):
        # Keeping the text would show its words to this reviewer, who may not read them.
        raise PermissionDenied(_("Only someone who may read the text as written can keep it: confirm a "
                                 "redaction instead."))
    if text is not None:
        text = text.strip()
        if not text:
            raise ValidationError({"text": _("The text cannot be empty: keep at least [redacted].")})
        limit = _max_length(review.target)
        if limit is not None and len(text) > limit:
            raise ValidationError({"text": _("This text can hold at most %(limit)d characters.") % {"limit": limit}})
    now = timezone.now()
    decision = RedactionReview.Decision.KEPT if text is None else RedactionReview.Decision.REDACTED
    claimed = RedactionReview.objects.filter(pk=review.pk, version=version, reviewed_at__isnull=True).update(
        decision=decision, reviewed_by=actor, reviewed_at=now, version=F("version") + 1)
    if claimed != 1:
        raise StaleReview()
    review.refresh_from_db()
    if text is not None:
        # The change history holds the earlier copies of the text, names included: they are
        # replaced by the redacted text as well (the audit event records that a redaction was made).
        if review.target == RedactionReview.Target.SUPPLEMENT:
            Supplement.objects.filter(pk=review.supplement_id).update(text=text)
            Supplement.history.filter(id=review.supplement_id).update(text=text)
        elif review.target in RedactionReview.ASSESSMENT_FIELDS:
            field = RedactionReview.ASSESSMENT_FIELDS[review.target]
            ThreatAssessment.objects.filter(pk=review.threat_assessment_id).update(**{field: text})
            ThreatAssessment.history.filter(id=review.threat_assessment_id).update(**{field: text})
        elif review.target in RedactionReview.HELP_REQUEST_FIELDS:
            # Requests for help keep no change history.
            field = RedactionReview.HELP_REQUEST_FIELDS[review.target]
            HelpRequest.objects.filter(pk=review.help_request_id).update(**{field: text})
        else:
            # The incident's version moves too: an editor who loaded the old text gets a conflict.
            Incident.objects.filter(pk=review.incident_id).update(
                **{review.target: text}, updated_at=now, version=F("version") + 1)
            Incident.history.filter(id=review.incident_id).update(**{review.target: text})
    audit_record(request=request, user=actor, event=AuditEvent.Event.REDACTION_REVIEWED,
                 outcome=AuditEvent.Outcome.SUCCESS, obj=review.incident,
                 detail={"review": review.pk, "text": review.target, "supplement": review.supplement_id,
                         "threat_assessment": review.threat_assessment_id, "help_request": review.help_request_id,
                         "decision": decision})
    return review


def _max_length(target) -> int | None:
    """The most characters the text of `target` can hold (the subject of a request for help is
    short: a proposal can be longer, "[redacted]" being longer than most names), None if unlimited."""
    if target in RedactionReview.HELP_REQUEST_FIELDS:
        return HelpRequest._meta.get_field(RedactionReview.HELP_REQUEST_FIELDS[target]).max_length
    return None
