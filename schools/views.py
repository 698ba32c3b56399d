from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from audit.services import audit_export
from common.csvexport import csv_response

from .models import School
from .selectors import get_division_for_user, get_school_for_user, school_list

SCHOOL_EXPORT_HEADER = [
    _("School"), _("Division"), _("Level"), _("Grades"), _("Enrolment"), _("Address"), _("Active")
]


@login_required
def school_list_view(request):
    schools = school_list(user=request.user, filters=request.GET or None)
    page = Paginator(schools.qs, 25).get_page(request.GET.get("page"))
    return render(request, "schools/school_list.html", {"filter": schools, "page": page})


@login_required
def school_export(request):
    schools = school_list(user=request.user, filters=request.GET or None)
    audit_export(request, "schools", count=schools.qs.count())
    return csv_response(
        filename="schools",
        header=SCHOOL_EXPORT_HEADER,
        rows=schools.qs.iterator(chunk_size=500),
        row=lambda s: [s.name, s.division.name, s.get_level_display(), s.grade_range,
                       s.enrolment, s.address, s.active],
    )


@login_required
def school_detail(request, pk):
    school = get_school_for_user(request.user, pk)
    return render(request, "schools/school_detail.html", {"school": school})


@login_required
def division_detail(request, pk):
    division = get_division_for_user(request.user, pk)
    schools = School.objects.visible_to(request.user).filter(division=division)
    return render(request, "schools/division_detail.html", {
        "division": division,
        "schools": schools,
        "levels": [
            {**row, "label": School.Level(row["level"]).label} for row in schools.level_counts()
        ],
    })
