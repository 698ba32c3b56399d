"""What a user may read of the texts waiting on the redaction review (see retention.py).

After the retention run, a text that named a de-identified person waits on the review list until a
reviewer confirms the redaction (or keeps the text). Until then the text as it stands still names the
person: only the roles that see people involved (PEOPLE_ROLES, for that incident) read it. Everybody
else — a program administrator, or someone whose people role is in another division — reads the
proposed redaction instead, marked as such, and in the change history (whose earlier copies hold the
name too, and cannot be matched to the proposal) "withheld until the redaction review".

The rule itself is ``RedactionReview.objects.withheld_from(user)``; ``readable_texts`` loads it once
(one query) for a page's incidents, and each page, history and export asks it for every text that can
wait on the review: the narrative, the school's response, supplements, the threat-assessment texts and
the subject and details of a request for help.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import RedactionReview

WITHHELD = _("[withheld until the redaction review]")


@dataclass(frozen=True)
class ReadableText:
    text: str
    # The text as written is withheld from this user: `text` is the proposed redaction.
    withheld: bool = False

    def __str__(self):
        return self.text


class ReadableTexts:
    """For one user, the texts of some incidents that wait on the redaction review and that this user
    may not read as written, with the proposal to show instead. Built by `readable_texts`."""

    def __init__(self, proposals: dict[tuple[type[models.Model], int, str], str]):
        self._proposals = proposals

    @staticmethod
    def _key(model, pk, field) -> tuple:
        return model._meta.concrete_model, pk, field

    def get(self, obj: models.Model, field: str) -> ReadableText:
        """The text of `obj`'s `field` this user may read."""
        proposal = self._proposals.get(self._key(type(obj), obj.pk, field))
        if proposal is None:
            return ReadableText(getattr(obj, field))
        return ReadableText(proposal, withheld=True)

    def text(self, obj: models.Model, field: str) -> str:
        return self.get(obj, field).text

    def history_value(self, model: type[models.Model], object_id, field: str) -> str | None:
        """What the change history shows for every copy of this field (None: the copies themselves).
        For common.history.history_entries(withheld=...)."""
        if self._key(model, object_id, field) in self._proposals:
            return str(WITHHELD)
        return None

    def __bool__(self):
        return bool(self._proposals)


def readable_texts(user, *, incidents: Iterable[int] | models.QuerySet) -> ReadableTexts:
    """What `user` may read of the texts of `incidents` (primary keys, or a queryset of incidents'
    "pk" values) that wait on the redaction review. Runs one query, whatever the number of incidents."""
    reviews = (RedactionReview.objects.withheld_from(user).filter(incident__in=incidents)
               .only("target", "incident_id", "supplement_id", "threat_assessment_id", "help_request_id",
                     "proposed_text"))
    return ReadableTexts({review.text_key(): review.proposed_text for review in reviews})


def may_read_as_written(user, review: RedactionReview) -> bool:
    """Whether `user` may read the text of `review` as it stands (before its redaction). Runs one query."""
    return not RedactionReview.objects.withheld_from(user).filter(pk=review.pk).exists()
