"""Requests for help: school staff ask their SRO; the SRO takes one (as a draft incident) or declines it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from accounts.models import Role
from schools.models import School

from .. import services
from ..forms import DeclineForm, HelpRequestForm, IncidentForm, people_formset
from ..models import PEOPLE_ROLES, HelpRequest, PersonalInfoAccess, Status
from ..redaction import readable_texts
from ..selectors import get_help_request_for_user, help_request_list
from .common import add_errors, report_save
from .lists import _page


def requests_for(request) -> tuple[str, object]:
    """The list's tab ("state" in the query: open by default, "all" or anything unknown: every
    state) and its requests, for the page and its export."""
    state = request.GET.get("state", HelpRequest.State.OPEN)
    if state not in HelpRequest.State.values:
        state = ""
    return state, help_request_list(user=request.user, state=state)


@role_required(*PEOPLE_ROLES)
def request_list(request):
    state, requests = requests_for(request)
    return render(request, "incidents/request_list.html", {
        "page": _page(request, requests), "state": state, "states": HelpRequest.State.choices,
        "state_param": state or "all",
        "may_raise": request.user.has_role(Role.SCHOOL_ADMIN),
        "texts": readable_texts(request.user, incidents=requests.values("incident_id")),
    })


@role_required(Role.SCHOOL_ADMIN)
def request_create(request):
    schools = School.objects.visible_to(request.user, roles=[Role.SCHOOL_ADMIN])
    form = HelpRequestForm(request.POST or None, schools=schools)
    if request.method == "POST" and form.is_valid():
        try:
            help_request = services.help_request_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Request sent to the school's resource officer."))
            return redirect("incidents:request_detail", pk=help_request.pk)
    return render(request, "incidents/request_form.html", {"form": form})


def _log_view(request, help_request) -> None:
    """A request for help describes young people in its details: each time it is shown is logged."""
    services.personal_info_viewed(user=request.user, kind=PersonalInfoAccess.Kind.PAGE,
                                  incident=help_request.incident, detail=f"request for help {help_request.pk}",
                                  request=request)


def _may_handle(user, help_request) -> bool:
    return (help_request.state == HelpRequest.State.OPEN
            and services.sro_schools(user).filter(pk=help_request.school_id).exists())


@role_required(*PEOPLE_ROLES)
def request_detail(request, pk):
    help_request = get_help_request_for_user(request.user, pk)
    may_handle = request.user.has_role(Role.SRO) and _may_handle(request.user, help_request)
    _log_view(request, help_request)
    return render(request, "incidents/request_detail.html",
                  _detail_context(request, help_request, may_handle=may_handle, decline_form=DeclineForm()))


def _detail_context(request, help_request, **context) -> dict:
    """The request, with its subject and details as the user may read them (incidents.redaction)."""
    texts = readable_texts(request.user, incidents=[help_request.incident_id] if help_request.incident_id else [])
    return {"help_request": help_request, "subject": texts.get(help_request, "subject"),
            "details": texts.get(help_request, "details"), **context}


@role_required(Role.SRO)
def request_convert(request, pk):
    """The SRO takes the request: a draft incident, prefilled from it, linked to it."""
    help_request = get_help_request_for_user(request.user, pk)
    if not _may_handle(request.user, help_request):
        raise PermissionDenied
    schools = School.objects.filter(pk=help_request.school_id)
    when = help_request.occurred_at or help_request.raised_at
    initial = {"school": help_request.school_id, "occurred_at": when, "reported_at": help_request.raised_at,
               "narrative": help_request.details}
    form = IncidentForm(request.POST or None, schools=schools, initial=initial)
    people = people_formset(request.POST or None)
    incident = report_save(request, form, people, help_request=help_request) if request.method == "POST" else None
    if incident is not None:
        if incident.status == Status.SUBMITTED:
            messages.success(request, _("Incident reported and submitted for review."))
        else:
            messages.success(request, _("The request is now a draft incident."))
        return redirect("incidents:incident_detail", pk=incident.pk)
    _log_view(request, help_request)  # the form is filled in with the request's details
    return render(request, "incidents/incident_form.html",
                  {"form": form, "people": people, "creating": True, "help_request": help_request})


@require_POST
@role_required(Role.SRO)
def request_decline(request, pk):
    help_request = get_help_request_for_user(request.user, pk)
    if not _may_handle(request.user, help_request):
        raise PermissionDenied
    form = DeclineForm(request.POST)
    if form.is_valid():
        try:
            services.help_request_decline(help_request=help_request, actor=request.user,
                                          reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Request declined."))
            return redirect("incidents:request_detail", pk=pk)
    _log_view(request, help_request)
    return render(request, "incidents/request_detail.html",
                  _detail_context(request, help_request, may_handle=True, decline_form=form), status=400)
