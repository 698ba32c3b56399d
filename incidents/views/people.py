"""People involved: youth personal information, for PEOPLE_ROLES only (never evaluators or
program administrators)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import role_required
from accounts.models import Role

from .. import services
from ..forms import PersonForm
from ..models import PersonalInfoAccess, PersonInvolved
from ..selectors import get_incident_for_user, get_person_for_user
from ..workflow import IncidentAccess
from .common import add_errors


def _incident_for_people(request, pk):
    incident = get_incident_for_user(request.user, pk)
    if not IncidentAccess(request.user, incident).may_manage_people:
        raise PermissionDenied
    return incident


def _person_form(request, incident, person):
    form = PersonForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.person_save(incident=incident, actor=request.user, person=form.instance)
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("incidents:incident_detail", pk=incident.pk)
    if person.pk:
        # The form shows a saved person's name and date of birth: logged like the incident page.
        services.personal_info_viewed(user=request.user, kind=PersonalInfoAccess.Kind.PAGE, incident=incident,
                                      detail=f"person {person.pk}", request=request)
    return render(request, "incidents/person_form.html", {"form": form, "incident": incident, "person": person})


@role_required(Role.SRO)
def person_create(request, pk):
    incident = _incident_for_people(request, pk)
    return _person_form(request, incident, PersonInvolved(incident=incident))


@role_required(Role.SRO)
def person_edit(request, pk, person_pk):
    incident = _incident_for_people(request, pk)
    return _person_form(request, incident, get_person_for_user(request.user, incident, person_pk))


@require_POST
@role_required(Role.SRO)
def person_remove_view(request, pk, person_pk):
    incident = _incident_for_people(request, pk)
    person = get_person_for_user(request.user, incident, person_pk)
    services.person_remove(incident=incident, actor=request.user, person=person)
    messages.success(request, _("Person removed from the incident."))
    return redirect("incidents:incident_detail", pk=incident.pk)
