"""Email notifications. Bodies carry no personal information about young people: the school, the
incident number and a link, nothing else (the reader signs in to see the rest)."""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import Role, User
from officers.models import Assignment


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def school_admins(school):
    return User.objects.filter(
        is_active=True, role_grants__role=Role.SCHOOL_ADMIN, role_grants__school=school
    ).exclude(email="").distinct()


def school_sros(school):
    """The officers currently assigned to the school."""
    return User.objects.filter(
        is_active=True, role_grants__role=Role.SRO,
        officer__assignments__in=Assignment.objects.current().filter(school=school),
    ).exclude(email="").distinct()


def _send(recipients, subject: str, template: str, context: dict) -> int:
    addresses = sorted({user.email for user in recipients if user.email})
    if not addresses:
        return 0
    body = render_to_string(template, context)
    messages = [
        EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[address])
        for address in addresses
    ]
    return get_connection().send_messages(messages) or 0


def review_awaited(incident) -> int:
    """Tell the school's administrators that an incident awaits their review."""
    return _send(
        school_admins(incident.school),
        _("Incident #%(number)s at %(school)s awaits your review")
        % {"number": incident.pk, "school": incident.school.name},
        "incidents/email/review_awaited.txt",
        {"incident": incident, "url": absolute(reverse("incidents:incident_detail", args=[incident.pk]))},
    )


def follow_up_requested(incident) -> int:
    """Tell the reporting SRO that the school asked for follow-up."""
    return _send(
        [incident.created_by],
        _("Follow-up requested on incident #%(number)s at %(school)s")
        % {"number": incident.pk, "school": incident.school.name},
        "incidents/email/follow_up_requested.txt",
        {"incident": incident, "url": absolute(reverse("incidents:incident_detail", args=[incident.pk]))},
    )


def help_requested(help_request) -> int:
    """Tell the school's SRO(s) that school staff asked for help."""
    return _send(
        school_sros(help_request.school),
        _("Request for help from %(school)s") % {"school": help_request.school.name},
        "incidents/email/help_requested.txt",
        {"help_request": help_request,
         "url": absolute(reverse("incidents:request_detail", args=[help_request.pk]))},
    )


def assessment_due(assessment) -> int:
    """Tell the team (the school's SROs, the reporting SRO, the school's administrators) that a
    threat-assessment follow-up falls due."""
    incident = assessment.incident
    team = [*school_sros(incident.school), incident.created_by, *school_admins(incident.school)]
    return _send(
        team,
        _("Threat-assessment follow-up due at %(school)s") % {"school": incident.school.name},
        "incidents/email/assessment_due.txt",
        {"assessment": assessment, "incident": incident,
         "url": absolute(reverse("incidents:assessment_detail", args=[assessment.pk]))},
    )
