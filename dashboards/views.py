"""Home, landing and dashboards. Thin: scope.py decides what a user sees, selectors compute."""

import hashlib

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.decorators import role_required
from accounts.models import Role
from audit.services import audit_export
from common.csvexport import csv_response
from costs import fiscal
from costs.selectors import division_cost_summary, program_cost_summary
from schools.models import School

from .forms import DashboardFilterForm
from .periods import SchoolYear
from .scope import (
    AGGREGATE_ROLES,
    DIVISION_DASHBOARD_ROLES,
    DIVISION_FULL_ROLES,
    SCHOOL_DASHBOARD_ROLES,
    division_scope,
    get_division_for_dashboard,
    get_school_for_dashboard,
    school_scope,
)
from .selectors.dashboard import PANELS_SECONDS, SECTIONS, dashboard_panels, panel_slugs, panels_cache_key
from .selectors.home import school_admin_home, sro_week
from .selectors.overview import PROGRAM_OVERVIEW_SECONDS, division_overview, program_divisions

SECTION_TITLES = {
    "work": _("The SROs' work"),
    "incidents": _("Incidents"),
    "follow-up": _("Reviews and follow-ups"),
    "officers": _("Officers"),
    "outcomes": _("Outcome indicators"),
}


@login_required
def landing(request):
    """Where signing in leads: an officer straight to the quick log (their main page), everyone
    else to their home. A person with other roles too lands on the home, which has an SRO section."""
    if request.user.roles == {Role.SRO}:
        return redirect("activities:log")
    return redirect("home")


@login_required
def home(request):
    """Each role's work, one section per role held."""
    user, year = request.user, SchoolYear.current()
    context = {"grants": user.grants, "year": year}
    if user.has_role(Role.SRO):
        context["sro"] = sro_week(user)
    if user.has_role(Role.SCHOOL_ADMIN):
        context["school_admin"] = school_admin_home(user)
    if user.has_role(Role.COORDINATOR):
        context["coordinator"] = division_overview(user=user, roles=frozenset({Role.COORDINATOR}), year=year)
    if user.has_role(Role.EVALUATOR):
        context["evaluator"] = division_overview(user=user, roles=AGGREGATE_ROLES, year=year, aggregates_only=True)
    if user.has_role(Role.PROGRAM_ADMIN):
        context["program"] = program_divisions(user=user, year=year)
    return render(request, "home.html", context)


@role_required(Role.PROGRAM_ADMIN)
def program_overview(request):
    form = DashboardFilterForm(request.GET or None)
    year = form.school_year()
    panel = program_divisions(user=request.user, year=year)
    costs = program_cost_summary(user=request.user, fiscal_year=fiscal.for_school_year(year.start_year))
    return render(request, "dashboards/program.html", {"form": form, "year": year, "panel": panel,
                                                       "costs": costs, "printed": timezone.localtime(),
                                                       "refresh_minutes": PROGRAM_OVERVIEW_SECONDS // 60})


def _division_scope(request, pk):
    division, aggregates_only = get_division_for_dashboard(request.user, pk)
    roles = AGGREGATE_ROLES if aggregates_only else DIVISION_FULL_ROLES
    schools = list(School.objects.visible_to(request.user, roles=roles).filter(division=division).order_by("name"))
    # Evaluators get the division's aggregates only: no school or level on its own, so that no
    # small count can be worked out by taking one view's figures from another's.
    form = DashboardFilterForm(request.GET or None, schools=None if aggregates_only else schools)
    scope = division_scope(request.user, division, form.school_year(), aggregates_only=aggregates_only,
                           school_id=form.value("school"), level=form.value("level", ""), schools=schools)
    return form, scope


def _sections(panels):
    return [
        {"key": key, "title": SECTION_TITLES[key], "panels": [panels[slug] for slug in slugs if slug in panels]}
        for key, slugs in SECTIONS if any(slug in panels for slug in slugs)
    ]


def _division_costs(request, scope):
    """The division's cost panel: for the whole division only, since costs are split by school
    and division, not by level; the fiscal year is the one the school year starts in."""
    if scope.division is None or scope.school is not None or scope.level:
        return None
    return division_cost_summary(user=request.user, division=scope.division,
                                 fiscal_year=fiscal.for_school_year(scope.year.start_year))


def _panels_html(request, scope, csv_url, query):
    """The panels, rendered: kept in the shared cache beside their figures (same scope, language and
    day, same lifetime), since rendering their 500-odd cells takes longer than reading the figures.
    The page's address (filters) is part of the key: the CSV links carry it."""
    key = f"{panels_cache_key(scope)}:html:{hashlib.sha256(query.encode()).hexdigest()}"
    html = cache.get(key)
    if html is None:
        html = render_to_string("dashboards/includes/sections.html", {
            "sections": _sections(dashboard_panels(scope)), "csv_url": csv_url, "query": query}, request)
        cache.set(key, html, PANELS_SECONDS)
    return html


def _render_dashboard(request, form, scope, *, title, csv_url_name, csv_args):
    csv_url = reverse(csv_url_name, args=[*csv_args, "SLUG"]).replace("SLUG.csv", "")
    query = request.GET.urlencode()
    return render(request, "dashboards/dashboard.html", {
        "form": form, "scope": scope, "title": title, "panels_html": _panels_html(request, scope, csv_url, query),
        "csv_url": csv_url, "query": query, "printed": timezone.localtime(),
        "costs": _division_costs(request, scope), "refresh_minutes": PANELS_SECONDS // 60,
    })


@role_required(*DIVISION_DASHBOARD_ROLES)
def division_dashboard(request, pk):
    form, scope = _division_scope(request, pk)
    return _render_dashboard(request, form, scope, title=scope.division.name,
                             csv_url_name="dashboards:division_csv", csv_args=[pk])


@role_required(*SCHOOL_DASHBOARD_ROLES)
def school_dashboard(request, pk):
    school = get_school_for_dashboard(request.user, pk)
    form = DashboardFilterForm(request.GET or None)
    scope = school_scope(request.user, school, form.school_year())
    return _render_dashboard(request, form, scope, title=school.name, csv_url_name="dashboards:school_csv",
                             csv_args=[pk])


def _panel_csv(request, scope, slug, name):
    if slug not in panel_slugs(scope):
        raise Http404
    panel = dashboard_panels(scope, [slug])[slug]
    rows = panel.csv_rows()
    audit_export(request, f"dashboard:{name}:{slug}", count=len(rows))
    return csv_response(filename=f"{name}-{slug}-{scope.year.label.replace('–', '-')}",
                        header=panel.csv_header(), rows=rows, row=lambda row: row)


@role_required(*DIVISION_DASHBOARD_ROLES)
def division_csv(request, pk, panel):
    """Exactly the table of one panel of the division dashboard, with the same filters."""
    _form, scope = _division_scope(request, pk)
    return _panel_csv(request, scope, panel, "division")


@role_required(*SCHOOL_DASHBOARD_ROLES)
def school_csv(request, pk, panel):
    school = get_school_for_dashboard(request.user, pk)
    scope = school_scope(request.user, school, DashboardFilterForm(request.GET or None).school_year())
    return _panel_csv(request, scope, panel, "school")
