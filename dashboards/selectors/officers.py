"""The officers serving the scope's schools: training compliance per course, terms ending."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from officers.dates import add_months
from officers.models import MANAGER_ROLES, Assignment, Officer
from officers.selectors import active_courses
from officers.training import TrainingState, officer_training_rows

from ..panels import Cell, Chart, Panel, Row
from ..scope import DashboardScope

STATES = [TrainingState.COMPLETE, TrainingState.DUE, TrainingState.OVERDUE, TrainingState.MISSING]


def serving_officers(scope: DashboardScope, today):
    """Officers with a current assignment at one of the scope's schools (schools the user sees
    through the scope's roles)."""
    assigned = (Assignment.objects.current(on=today).visible_to(scope.user, roles=scope.roles)
                .filter(school__in=scope.school_ids).values("officer_id"))
    return Officer.objects.filter(pk__in=assigned)


def _officer_list_link(scope: DashboardScope, **params) -> str:
    """The officer list (managers only) filtered to the scope's division or school."""
    if not scope.links or not scope.user.has_role(*MANAGER_ROLES):
        return ""
    where = {"school": scope.school.pk} if scope.school else {"division": scope.division.pk}
    return scope.link(reverse("officers:officer_list"), **where, **params) if not scope.level else ""


def training_panel(scope: DashboardScope) -> Panel:
    """Per active course, how many serving officers are complete, due, overdue or missing. Three
    queries (courses, officers, their training records), whatever the number of officers."""
    today = timezone.localdate()
    courses = active_courses()
    officers = serving_officers(scope, today).prefetch_related("training_records")
    counts = {course.pk: dict.fromkeys(STATES, 0) for course in courses}
    for officer in officers:
        for status in officer_training_rows(officer, courses, on=today):
            counts[status.course.pk][status.state] += 1
    panel = Panel(slug="training", title=_("Training compliance (officers)"), label_header=_("Course"),
                  columns=[str(state.label) for state in STATES],
                  chart=Chart("bar", columns=[0, 1, 2, 3], horizontal=True),
                  note=_("Officers with a current assignment at these schools, on %(day)s.") % {
                      "day": formats.date_format(today)})
    for course in courses:
        cells = []
        for state in STATES:
            n = counts[course.pk][state]
            href = _officer_list_link(scope, course=course.pk, training=state.value) if n else ""
            cells.append(Cell(n, href=href))
        panel.rows.append(Row(str(course), cells))
    return panel


def terms_ending_panel(scope: DashboardScope) -> Panel:
    """Serving officers whose term (extensions included) ends within SRO_TERM_ENDING_MONTHS, soonest
    first; names only for those who manage officers. One query."""
    today = timezone.localdate()
    months = settings.SRO_TERM_ENDING_MONTHS
    officers = sorted(
        serving_officers(scope, today).with_term_end().terms_ending_between(today, add_months(today, months))
        .select_related("user"),
        key=lambda officer: (officer.term_end, officer.name),
    )
    managers = scope.links and scope.user.has_role(*MANAGER_ROLES)
    panel = Panel(slug="terms-ending", title=_("Terms ending within %(months)s months") % {"months": months},
                  label_header=_("Officer"), columns=[_("Term ends")],
                  more_href=_officer_list_link(scope, term=str(months)))
    for officer in officers:
        href = reverse("officers:officer_detail", args=[officer.pk]) if managers else ""
        panel.rows.append(Row(officer.name, [Cell(officer.term_end.isoformat(), kind="text")], href=href))
    return panel
