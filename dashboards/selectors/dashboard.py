"""A division's or a school's dashboard: its panels, in the order shown, for one scope."""

from __future__ import annotations

import functools
import hashlib

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from ..panels import Panel
from ..scope import DashboardScope
from . import activities, incidents, officers, outcomes

# slug: (builder, shown to aggregates-only scopes). Builders take the scope and a function giving
# the incident counts shared by three panels (one query, run once, only when needed).
PANELS = {
    "contact-hours": (lambda scope, figures: activities.contact_hours_panel(scope), True),
    "presentations": (lambda scope, figures: activities.presentations_panel(scope), True),
    "incidents-by-category": (lambda scope, figures: incidents.category_panel(scope, figures()), True),
    "incidents-by-month": (lambda scope, figures: incidents.month_panel(scope, figures()), True),
    "incidents-by-category-and-month": (
        lambda scope, figures: incidents.category_month_panel(scope, figures()), True),
    "dispositions": (lambda scope, figures: incidents.disposition_panel(scope), True),
    "response-times": (lambda scope, figures: incidents.response_time_panel(scope), True),
    # Workflow and officers: records and names, not for evaluators.
    "reviews-open": (lambda scope, figures: incidents.review_panel(scope), False),
    "follow-ups-overdue": (lambda scope, figures: incidents.overdue_followups_panel(scope), False),
    "training": (lambda scope, figures: officers.training_panel(scope), False),
    "terms-ending": (lambda scope, figures: officers.terms_ending_panel(scope), False),
    "survey-indicators": (lambda scope, figures: outcomes.survey_panel(scope), True),
    "attendance": (lambda scope, figures: outcomes.attendance_panel(scope), True),
}

# How the page groups the panels under headings.
SECTIONS = [
    ("work", ["contact-hours", "presentations"]),
    ("incidents", ["incidents-by-category", "incidents-by-month", "incidents-by-category-and-month",
                   "dispositions", "response-times"]),
    ("follow-up", ["reviews-open", "follow-ups-overdue"]),
    ("officers", ["training", "terms-ending"]),
    ("outcomes", ["survey-indicators", "attendance"]),
]


def panel_slugs(scope: DashboardScope) -> list[str]:
    return [slug for slug, (_build, for_aggregates) in PANELS.items() if for_aggregates or not scope.aggregates_only]


# A dashboard's panels are kept in the shared cache for a few minutes: about 30 queries and 0.2 s of
# CPU at a province's size, for pages that coordinators come back to after each drill-down. The
# figures depend only on the scope's schools, roles and filters (every panel's queries are scoped
# by them; no dashboard role reaches records through anything else, such as an SRO's own drafts),
# so two people with the same scope share them.
PANELS_SECONDS = 300


def panels_cache_key(scope: DashboardScope) -> str:
    fingerprint = repr((sorted(scope.school_ids), sorted(scope.roles), scope.aggregates_only, scope.year.label,
                        sorted(scope.list_filters.items()), scope.division and scope.division.pk,
                        scope.school and scope.school.pk, get_language(), timezone.localdate().isoformat()))
    return "dashboards:panels:" + hashlib.sha256(fingerprint.encode()).hexdigest()


def dashboard_panels(scope: DashboardScope, slugs=None) -> dict[str, Panel]:
    """The dashboard's panels (or only `slugs`), by slug: from the shared cache, or computed in a
    fixed number of queries (one to three per panel, whatever the number of schools, activities,
    incidents or responses) and kept for PANELS_SECONDS."""
    allowed = panel_slugs(scope)
    key = panels_cache_key(scope)
    panels = cache.get(key)
    if panels is None and slugs:
        return _compute(scope, [slug for slug in slugs if slug in allowed])
    if panels is None:
        panels = _compute(scope, allowed)
        cache.set(key, panels, PANELS_SECONDS)
    return {slug: panels[slug] for slug in (slugs or allowed) if slug in allowed}


def _compute(scope: DashboardScope, slugs) -> dict[str, Panel]:
    figures = functools.cache(lambda: incidents.IncidentFigures(scope))
    return {slug: PANELS[slug][0](scope, figures) for slug in slugs}
