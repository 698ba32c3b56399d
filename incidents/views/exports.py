"""CSV exports of the incident lists that are not the division's list (that one, and the people
export, are in lists.py): the review queue, the SRO's open incidents, requests for help, threat
assessments and the redaction review. Each export is exactly its list's rows for the same user and
filters (the same selector), streamed, and audited."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from accounts.decorators import role_required
from accounts.models import Role
from audit.services import audit_export
from common.csvexport import csv_response

from ..models import PEOPLE_ROLES, RETENTION_REVIEW_ROLES
from ..redaction import readable_texts
from ..selectors import assessment_list, incident_list, review_queue, sro_open_incidents
from .lists import INCIDENT_EXPORT_HEADER, _stamp, incident_row
from .requests import requests_for
from .retention import pending_reviews

CHUNK = 500


def _yes_no(value: bool) -> str:
    return str(_("yes") if value else _("no"))


REVIEW_QUEUE_HEADER = [
    pgettext_lazy("incident", "Number"), _("Submitted at"), _("Days waiting"), _("Late"), _("School"),
    _("Category"), _("Severity"), _("Status"), _("Reporting officer"),
]


@role_required(Role.SCHOOL_ADMIN)
def review_queue_export(request):
    queue = review_queue(user=request.user)
    now = timezone.now()
    late_days = settings.INCIDENTS_REVIEW_DAYS

    def row(incident):
        waiting = (now - incident.submitted_at).days
        return [incident.pk, _stamp(incident.submitted_at), waiting, _yes_no(waiting >= late_days),
                incident.school.name, incident.get_category_display(), incident.get_severity_display(),
                incident.get_status_display(), str(incident.created_by) if incident.created_by else ""]

    audit_export(request, "review_queue", count=queue.count())
    return csv_response(filename="review-queue", header=REVIEW_QUEUE_HEADER,
                        rows=queue.iterator(chunk_size=CHUNK), row=row)


@role_required(Role.SRO)
def my_open_export(request):
    incidents = incident_list(user=request.user, filters=request.GET or None,
                              base=sro_open_incidents(user=request.user))
    audit_export(request, "my_open_incidents", count=incidents.qs.count())
    return csv_response(filename="my-open-incidents", header=INCIDENT_EXPORT_HEADER,
                        rows=incidents.qs.iterator(chunk_size=CHUNK), row=incident_row)


# After a subject waiting on the redaction review, for those who read the proposal instead.
PROPOSED = _("(proposed redaction)")
REQUEST_HEADER = [_("Raised at"), _("School"), pgettext_lazy("help request", "Subject"), _("Raised by"), _("State"),
                  _("Incident")]


@role_required(*PEOPLE_ROLES)
def request_export(request):
    """The requests of the list's tab (state), with each subject as the user may read it: a subject
    waiting on the redaction review is its proposed redaction for those who may not read it as
    written (incidents.redaction), as on the page."""
    _state, requests = requests_for(request)
    texts = readable_texts(request.user, incidents=requests.values("incident_id"))

    def row(help_request):
        subject = texts.get(help_request, "subject")
        if help_request.incident_visible:
            incident = help_request.incident_id
        else:  # a draft is its author's alone until submitted: no number for others
            incident = str(_("draft, not submitted yet")) if help_request.incident_id else ""
        return [_stamp(help_request.raised_at), help_request.school.name,
                f"{subject.text} {PROPOSED}" if subject.withheld else subject.text,
                str(help_request.raised_by) if help_request.raised_by else "",
                help_request.get_state_display(), incident]

    audit_export(request, "help_requests", count=requests.count())
    return csv_response(filename="requests-for-help", header=REQUEST_HEADER,
                        rows=requests.iterator(chunk_size=CHUNK), row=row)


ASSESSMENT_HEADER = [_("Follow-up"), _("Assessed"), _("School"), _("Incident"), _("Risk level"), _("State")]


@role_required(*PEOPLE_ROLES)
def assessment_export(request):
    assessments = assessment_list(user=request.user, filters=request.GET or None)
    today = timezone.localdate()

    def row(assessment):
        if assessment.closed_on:
            state = _("Closed")
        elif assessment.follow_up_on < today:
            state = _("Follow-up overdue")
        else:
            state = _("Open")
        return [assessment.follow_up_on, assessment.assessed_on, assessment.incident.school.name,
                assessment.incident_id, assessment.get_risk_level_display(), str(state)]

    audit_export(request, "threat_assessments", count=assessments.qs.count())
    return csv_response(filename="threat-assessments", header=ASSESSMENT_HEADER,
                        rows=assessments.qs.iterator(chunk_size=CHUNK), row=row)


REDACTION_HEADER = [_("Incident"), _("School"), _("Division"), _("Text"), _("Dated"), _("Names found"),
                    _("Flagged")]


@role_required(*RETENTION_REVIEW_ROLES)
def redaction_export(request):
    """The texts awaiting the redaction review, as listed: which text, never the text itself."""
    reviews = pending_reviews(request.user)

    def row(review):
        if review.supplement_id:
            dated = _stamp(review.supplement.at)
        elif review.threat_assessment_id:
            dated = review.threat_assessment.assessed_on
        else:
            dated = ""
        return [review.incident_id, review.incident.school.name, review.incident.school.division.name,
                review.get_target_display(), dated, review.matches, timezone.localdate(review.flagged_at)]

    audit_export(request, "redaction_review", count=reviews.count())
    return csv_response(filename="redaction-review", header=REDACTION_HEADER,
                        rows=reviews.iterator(chunk_size=CHUNK), row=row)
