"""Rows of the redaction review pages (incidents/views/retention.py): coordinators (their division)
and program administrators, who may read incident narratives; nobody else."""

from incidents.models import RedactionReview
from tests.incidents.factories import IncidentFactory

from .matrix import (
    COORDINATOR,
    PROGRAM_ADMIN,
    Row,
    only,
    scoped,
)


def _review(w, scope, role):
    incident = IncidentFactory(school=w.school_for(role, scope), status="closed", disposition="informal_warning",
                               narrative="[redacted] pushed a student.")
    review = RedactionReview.objects.create(incident=incident, target=RedactionReview.Target.NARRATIVE,
                                            proposed_text="[redacted] pushed a student.", matches=1)
    return [review.pk]


ROWS = {
    "incidents:redaction_list": Row(expect=only({COORDINATOR, PROGRAM_ADMIN})),
    "incidents:redaction_export": Row(expect=only({COORDINATOR, PROGRAM_ADMIN}), note="exactly the list's rows"),
    "incidents:redaction_review": Row(
        args=_review,
        expect=scoped({COORDINATOR}),
    ),
}
