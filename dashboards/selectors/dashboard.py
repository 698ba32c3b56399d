"""A division's or a school's dashboard: its panels, in the order shown, for one scope."""

from __future__ import annotations

from functools import cache

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


def dashboard_panels(scope: DashboardScope, slugs=None) -> dict[str, Panel]:
    """The dashboard's panels (or only `slugs`), by slug. A fixed number of queries: one to three
    per panel, whatever the number of schools, activities, incidents or responses."""
    figures = cache(lambda: incidents.IncidentFigures(scope))
    allowed = panel_slugs(scope)
    return {slug: PANELS[slug][0](scope, figures) for slug in (slugs or allowed) if slug in allowed}
