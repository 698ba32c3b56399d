"""Threat assessments (VTRA Stage 1), opened from an incident; overdue follow-ups listed."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.decorators import role_required
from accounts.models import Role

from .. import services
from ..forms import AssessmentForm
from ..models import PEOPLE_ROLES, PersonalInfoAccess, ThreatAssessment
from ..redaction import readable_texts
from ..selectors import assessment_list, get_assessment_for_user, get_incident_for_user
from ..workflow import IncidentAccess
from .common import add_errors
from .lists import _page, _query_without_page


@role_required(*PEOPLE_ROLES)
def assessment_list_view(request):
    assessments = assessment_list(user=request.user, filters=request.GET or None)
    return render(request, "incidents/assessment_list.html", {
        "filter": assessments, "page": _page(request, assessments.qs), "query": _query_without_page(request),
        "today": timezone.localdate(),
    })


def _log_view(request, assessment):
    """A threat assessment describes a young person: each time it is shown is logged."""
    services.personal_info_viewed(user=request.user, kind=PersonalInfoAccess.Kind.PAGE,
                                  incident=assessment.incident, detail=f"threat assessment {assessment.pk}",
                                  request=request)


@role_required(*PEOPLE_ROLES)
def assessment_detail(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    _log_view(request, assessment)
    return render(request, "incidents/assessment_detail.html", {
        "assessment": assessment, "today": timezone.localdate(),
        "may_edit": services.may_edit_assessment(request.user, assessment),
        "texts": readable_texts(request.user, incidents=[assessment.incident_id]),
    })


@role_required(Role.SRO, Role.SCHOOL_ADMIN)
def assessment_create_view(request, pk):
    incident = get_incident_for_user(request.user, pk)
    if not IncidentAccess(request.user, incident).may_open_assessment:
        raise PermissionDenied
    form = AssessmentForm(request.POST or None, instance=ThreatAssessment(incident=incident),
                          initial={"assessed_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            assessment = services.assessment_create(incident=incident, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Threat assessment recorded."))
            return redirect("incidents:assessment_detail", pk=assessment.pk)
    return render(request, "incidents/assessment_form.html", {"form": form, "incident": incident})


@role_required(Role.SRO, Role.SCHOOL_ADMIN)
def assessment_edit(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    if not services.may_edit_assessment(request.user, assessment):
        raise PermissionDenied
    form = AssessmentForm(request.POST or None, instance=assessment)
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_update(assessment=assessment, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Threat assessment saved."))
            return redirect("incidents:assessment_detail", pk=pk)
    _log_view(request, assessment)
    return render(request, "incidents/assessment_form.html",
                  {"form": form, "incident": assessment.incident, "assessment": assessment})
