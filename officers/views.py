from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.decorators import role_required
from accounts.models import Role
from audit.decorators import no_store
from audit.services import audit_export
from common.csvexport import csv_response
from common.history import EXPORT_HEADER as HISTORY_EXPORT_HEADER
from common.history import export_rows as history_export_rows
from common.history import iter_entries

from . import services
from .forms import (
    AssignmentEndForm,
    AssignmentForm,
    ReassignForm,
    TermExtensionForm,
    TrainingRecordForm,
    add_service_errors,
)
from .models import MANAGER_ROLES, Officer
from .selectors import (
    active_courses,
    attach_training,
    get_assignment_for_user,
    get_officer_for_user,
    get_officer_to_assign,
    get_officer_to_manage,
    officer_history,
    officer_history_sources,
    officer_list,
    officer_profile,
    terms_ended_still_assigned,
    terms_ending,
)

EXPORT_HEADER = [
    gettext_lazy("Name"), gettext_lazy("Badge"), gettext_lazy("Rank"), gettext_lazy("Police service"),
    gettext_lazy("Joined the service"), gettext_lazy("Became an SRO"), gettext_lazy("End of term"),
    gettext_lazy("Current schools"),
]


@role_required(*MANAGER_ROLES)
def officer_list_view(request):
    officers = officer_list(user=request.user, filters=request.GET or None)
    page = Paginator(officers.qs, 25).get_page(request.GET.get("page"))
    courses = active_courses()
    attach_training(page.object_list, courses, on=officers.today)
    return render(request, "officers/officer_list.html", {
        "filter": officers, "page": page, "courses": courses,
    })


@role_required(*MANAGER_ROLES)
def officer_export(request):
    officers = officer_list(user=request.user, filters=request.GET or None)
    courses = active_courses()
    today = officers.today

    def row(officer):
        (training,) = attach_training([officer], courses, on=today)
        return [
            officer.name, officer.badge_number, officer.rank, officer.police_service.name,
            officer.joined_service_on, officer.became_sro_on or "", officer.term_end or "",
            "; ".join(a.school.name for a in officer.current_assignments),
            *[status.state.label for status in training.training],
        ]

    audit_export(request, "officers", count=officers.qs.count())
    return csv_response(
        filename="officers",
        header=[*EXPORT_HEADER, *[course.name for course in courses]],
        rows=officers.qs.iterator(chunk_size=500),
        row=row,
    )


@role_required(*MANAGER_ROLES)
def terms_ending_view(request):
    return render(request, "officers/terms_ending.html", {
        "officers": terms_ending(user=request.user),
        "ended": terms_ended_still_assigned(user=request.user),
        "months": settings.SRO_TERM_ENDING_MONTHS,
    })


TERMS_EXPORT_HEADER = [
    gettext_lazy("List"), gettext_lazy("Name"), gettext_lazy("Badge"), gettext_lazy("Police service"),
    gettext_lazy("Became an SRO"), gettext_lazy("End of term"), gettext_lazy("Extended"),
    gettext_lazy("Current schools"),
]


@role_required(*MANAGER_ROLES)
def terms_ending_export(request):
    """Both tables of the terms-ending page, one after the other, each row saying which it is in."""
    ending = gettext_lazy("Term ending soon")
    ended = gettext_lazy("Term ended, still assigned")
    rows = [(ending, officer) for officer in terms_ending(user=request.user)]
    rows += [(ended, officer) for officer in terms_ended_still_assigned(user=request.user)]

    def row(item):
        section, officer = item
        return [section, officer.name, officer.badge_number, officer.police_service.name,
                officer.became_sro_on or "", officer.term_end or "",
                _("yes") if officer.latest_extension_end else _("no"),
                "; ".join(assignment.school.name for assignment in officer.current_assignments)]

    audit_export(request, "terms_ending", count=len(rows))
    return csv_response(filename="terms-ending", header=TERMS_EXPORT_HEADER, rows=rows, row=row)


@role_required(*MANAGER_ROLES)
def officer_detail(request, pk):
    officer = get_officer_for_user(request.user, pk)
    return render(request, "officers/officer_detail.html", {
        **officer_profile(officer=officer, user=request.user), "manage": True,
        "may_manage": officer.may_manage, "may_assign": officer.may_assign,
    })


@no_store
@role_required(*MANAGER_ROLES)
def officer_history_view(request, pk):
    """Who changed the officer's assignments and training records, when, and from what to what."""
    officer = get_officer_for_user(request.user, pk)
    return render(request, "officers/officer_history.html", {
        "officer": officer, "entries": officer_history(user=request.user, officer=officer),
    })


@role_required(*MANAGER_ROLES)
def officer_history_export(request, pk):
    officer = get_officer_for_user(request.user, pk)
    querysets = officer_history_sources(user=request.user, officer=officer)
    # The number of changes recorded (a change of several fields is several lines of the file).
    audit_export(request, "officer_history", sum(queryset.count() for queryset in querysets))
    return csv_response(filename=f"officer-{officer.pk}-history", header=HISTORY_EXPORT_HEADER,
                        rows=history_export_rows(iter_entries(*querysets)), row=lambda row: row)


@role_required(Role.SRO)
def my_profile(request):
    """The signed-in SRO's own profile, schools and training."""
    try:
        officer = Officer.objects.with_term_end().select_related("user", "police_service").get(user=request.user)
    except Officer.DoesNotExist:
        raise Http404(_("You have no officer profile yet.")) from None
    return render(request, "officers/my_profile.html", officer_profile(officer=officer))


def _form_page(request, form, *, officer, title, submit, intro=""):
    return render(request, "officers/form.html", {
        "form": form, "officer": officer, "title": title, "submit": submit, "intro": intro,
    })


@role_required(*MANAGER_ROLES)
def assignment_create_view(request, pk):
    officer = get_officer_to_assign(request.user, pk)
    form = AssignmentForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            assignment = services.assignment_create(officer=officer, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(officer)s is assigned to %(school)s.") % {
                "officer": officer.name, "school": assignment.school.name})
            warning = assignment.load_warning()
            if warning:
                messages.warning(request, warning)
            return redirect("officers:officer_detail", pk=officer.pk)
    return _form_page(request, form, officer=officer, title=_("Assign %(officer)s to a school") % {
        "officer": officer.name}, submit=_("Assign"))


@role_required(*MANAGER_ROLES)
def assignment_end_view(request, pk):
    assignment = get_assignment_for_user(request.user, pk)
    form = AssignmentEndForm(request.POST or None, initial={"end": assignment.end or timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.assignment_end(assignment=assignment, end=form.cleaned_data["end"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The assignment to %(school)s ends on %(end)s.") % {
                "school": assignment.school.name, "end": formats.date_format(form.cleaned_data["end"])})
            return redirect("officers:officer_detail", pk=assignment.officer_id)
    return _form_page(
        request, form, officer=assignment.officer,
        title=_("End the assignment to %(school)s") % {"school": assignment.school.name},
        submit=_("End assignment"),
        intro=_("Started on %(start)s. The assignment stays in the history.") % {
            "start": formats.date_format(assignment.start)},
    )


@role_required(*MANAGER_ROLES)
def assignment_reassign_view(request, pk):
    assignment = get_assignment_for_user(request.user, pk)
    school = assignment.school
    form = ReassignForm(request.POST or None, user=request.user, school=school,
                        exclude_officer=assignment.officer, initial={"on_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            _ended, new = services.assignment_reassign(school=school, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(school)s is handed over to %(officer)s from %(date)s.") % {
                "school": school.name, "officer": new.officer.name, "date": formats.date_format(new.start)})
            warning = new.load_warning()
            if warning:
                messages.warning(request, warning)
            return redirect("officers:officer_detail", pk=new.officer_id)
    return _form_page(
        request, form, officer=assignment.officer,
        title=_("Hand %(school)s over to another officer") % {"school": school.name},
        submit=_("Reassign"),
        intro=_("%(officer)s's assignment ends the day before the new officer starts.") % {
            "officer": assignment.officer.name},
    )


@role_required(*MANAGER_ROLES)
def term_extension_create_view(request, pk):
    officer = get_officer_to_manage(request.user, pk)
    form = TermExtensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.term_extension_create(officer=officer, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("The term of %(officer)s now ends on %(end)s.") % {
                "officer": officer.name, "end": formats.date_format(form.cleaned_data["new_end"])})
            return redirect("officers:officer_detail", pk=officer.pk)
    intro = ""
    if officer.term_end:
        intro = _("The term currently ends on %(end)s.") % {"end": formats.date_format(officer.term_end)}
    return _form_page(request, form, officer=officer, title=_("Extend the term of %(officer)s") % {
        "officer": officer.name}, submit=_("Extend term"), intro=intro)


@role_required(*MANAGER_ROLES)
def training_record_create_view(request, pk):
    officer = get_officer_to_manage(request.user, pk)
    form = TrainingRecordForm(request.POST or None, initial={"course": request.GET.get("course")})
    if request.method == "POST" and form.is_valid():
        try:
            services.training_record_create(officer=officer, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(course)s recorded for %(officer)s.") % {
                "course": form.cleaned_data["course"].name, "officer": officer.name})
            return redirect("officers:officer_detail", pk=officer.pk)
    return _form_page(request, form, officer=officer, title=_("Record training for %(officer)s") % {
        "officer": officer.name}, submit=_("Record"))
