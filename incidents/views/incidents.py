"""One incident: its page, the SRO's report form, the workflow buttons, supplements and the
school's response."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from accounts.models import Role

from .. import services
from ..forms import IncidentForm, SchoolResponseForm, SupplementForm, TransitionForm, people_formset
from ..models import INCIDENT_ROLES, HelpRequest, PersonalInfoAccess, Status
from ..redaction import readable_texts
from ..selectors import get_incident_for_user, incident_timeline, people_for
from ..workflow import IncidentAccess, StaleIncident, incident_transition
from .common import SUBMIT, add_errors, report_save


def _detail_context(request, incident, *, transition_form=None, supplement_form=None):
    access = IncidentAccess(request.user, incident)
    people, assessments, help_request = [], [], None
    if access.may_see_people:
        people = list(people_for(request.user, incident))
        for person in people:
            person.age_at_incident = person.age_on(incident.occurred_at)
        if people:
            services.personal_info_viewed(user=request.user, kind=PersonalInfoAccess.Kind.PAGE, incident=incident,
                                          request=request)
        assessments = list(incident.threat_assessments.all())
        help_request = HelpRequest.objects.filter(incident=incident).first()
    transitions = []
    for to, step in access.transitions():
        bound = transition_form if transition_form is not None and transition_form.prefix == to else None
        form = bound or TransitionForm(initial={"to": to, "version": incident.version}, prefix=to)
        form.fields["note"].label = step.note_label
        form.fields["note"].required = step.note_required  # marks the box; the workflow checks it
        transitions.append({"to": to, "step": step, "form": form, "closes": to == Status.CLOSED})
    return {
        "incident": incident,
        "access": access,
        "people": people,
        "assessments": assessments,
        "help_request": help_request,
        "timeline": incident_timeline(incident),
        "texts": readable_texts(request.user, incidents=[incident.pk]),
        "transitions": transitions,
        "supplement_form": supplement_form or SupplementForm(),
    }


@role_required(*INCIDENT_ROLES)
def incident_detail(request, pk):
    incident = get_incident_for_user(request.user, pk)
    return render(request, "incidents/incident_detail.html", _detail_context(request, incident))


@role_required(Role.SRO)
def incident_create_view(request):
    """The whole report on one page: the facts, the people involved, then "Submit for review" (or
    "Save draft") at the end."""
    schools = services.sro_schools(request.user)
    form = IncidentForm(request.POST or None, schools=schools)
    people = people_formset(request.POST or None)
    incident = report_save(request, form, people) if request.method == "POST" else None
    if incident is not None:
        if incident.status == Status.SUBMITTED:
            messages.success(request, _("Incident reported and submitted for review."))
        else:
            messages.success(request, _("Draft saved. Submit it for review when it is complete."))
        return redirect("incidents:incident_detail", pk=incident.pk)
    return render(request, "incidents/incident_form.html", {"form": form, "people": people, "creating": True})


@role_required(Role.SRO)
def incident_edit(request, pk):
    incident = get_incident_for_user(request.user, pk)
    if not IncidentAccess(request.user, incident).may_edit:
        raise PermissionDenied
    form = IncidentForm(request.POST or None, instance=incident, schools=None)
    current = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        submit = SUBMIT in request.POST and incident.status == Status.DRAFT
        try:
            services.incident_update(incident=incident, actor=request.user, version=version, submit=submit, **data)
        except StaleIncident as error:
            # Keep what they typed; show what is saved now, and let them save over it knowingly.
            current = get_incident_for_user(request.user, pk)
            form = IncidentForm(_with_version(request.POST, current.version), instance=current, schools=None)
            form.is_valid()
            form.add_error(None, error)
        except ValidationError as error:
            add_errors(form, error)
        else:
            saved = _("Incident reported and submitted for review.") if submit else _("Incident saved.")
            messages.success(request, saved)
            return redirect("incidents:incident_detail", pk=pk)
    return render(request, "incidents/incident_form.html", {"form": form, "incident": incident, "current": current})


def _with_version(data, version):
    data = data.copy()
    data["version"] = str(version)
    return data


@require_POST
@role_required(*INCIDENT_ROLES)
def incident_transition_view(request, pk):
    incident = get_incident_for_user(request.user, pk)
    to = request.POST.get("to", "")
    # Each button's form on the page is prefixed by its target status.
    form = TransitionForm(request.POST, prefix=to)
    if form.is_valid():
        try:
            incident_transition(incident=incident, to=to, actor=request.user, note=form.cleaned_data["note"],
                                version=form.cleaned_data["version"])
        except ValidationError as error:
            if not (hasattr(error, "error_dict") and "note" in error.error_dict):
                messages.error(request, " ".join(error.messages))
                return redirect("incidents:incident_detail", pk=pk)
            add_errors(form, error)
        else:
            messages.success(request, _("The incident is now “%(status)s”.") % {"status": Status(to).label})
            return redirect("incidents:incident_detail", pk=pk)
    return render(request, "incidents/incident_detail.html",
                  _detail_context(request, incident, transition_form=form), status=400)


@require_POST
@role_required(Role.SRO, Role.SCHOOL_ADMIN)
def supplement_add_view(request, pk):
    incident = get_incident_for_user(request.user, pk)
    if not IncidentAccess(request.user, incident).may_add_supplement:
        raise PermissionDenied
    form = SupplementForm(request.POST)
    if form.is_valid():
        services.supplement_add(incident=incident, author=request.user, text=form.cleaned_data["text"])
        messages.success(request, _("Supplement added."))
        return redirect("incidents:incident_detail", pk=pk)
    return render(request, "incidents/incident_detail.html",
                  _detail_context(request, incident, supplement_form=form), status=400)


@role_required(Role.SCHOOL_ADMIN)
def school_response_view(request, pk):
    incident = get_incident_for_user(request.user, pk)
    if not IncidentAccess(request.user, incident).may_record_school_response:
        raise PermissionDenied
    form = SchoolResponseForm(request.POST or None, instance=incident)
    current = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        version = data.pop("version")
        try:
            services.school_response_record(incident=incident, actor=request.user, version=version, **data)
        except StaleIncident as error:
            current = get_incident_for_user(request.user, pk)
            form = SchoolResponseForm(_with_version(request.POST, current.version), instance=current)
            form.is_valid()
            form.add_error(None, error)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The school's response is saved."))
            return redirect("incidents:incident_detail", pk=pk)
    return render(request, "incidents/school_response_form.html",
                  {"form": form, "incident": incident, "current": current})
