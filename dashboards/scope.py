"""What a dashboard covers, for whom: the one place that turns a request into a scope.

Every figure of a dashboard reads the other apps' scoped querysets (``visible_to(user, roles=...)``)
through ``DashboardScope.roles`` and narrows them to ``DashboardScope.school_ids``, which come
from ``School.objects.visible_to`` too. A division or school outside the user's scope is a 404
(the fetch helpers below); a role without a dashboard is a 403 (the views' ``role_required``).

Evaluators see aggregates only: their scope is ``aggregates_only``, so every count goes through
``common.suppression``, no figure links to a list of records, and no name is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import get_object_or_404

from accounts.models import Role
from schools.models import School, SchoolDivision

from .periods import SchoolYear

# Who opens a division dashboard, and through which roles they see it in full.
DIVISION_DASHBOARD_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN, Role.EVALUATOR})
DIVISION_FULL_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN})
# Who opens a school dashboard (evaluators: the division's aggregates only, no school on its own).
SCHOOL_DASHBOARD_ROLES = frozenset({Role.SCHOOL_ADMIN, Role.COORDINATOR, Role.PROGRAM_ADMIN})
AGGREGATE_ROLES = frozenset({Role.EVALUATOR})


def get_division_for_dashboard(user, pk) -> tuple[SchoolDivision, bool]:
    """The division, if the user sees a school of it through a dashboard role, or 404; and whether
    they see it only as an evaluator (aggregates only). Two queries."""
    division = get_object_or_404(
        SchoolDivision.objects.visible_to(user, roles=DIVISION_DASHBOARD_ROLES).select_related(
            "province", "police_service"),
        pk=pk,
    )
    full = SchoolDivision.objects.visible_to(user, roles=DIVISION_FULL_ROLES).filter(pk=division.pk).exists()
    return division, not full


def get_school_for_dashboard(user, pk) -> School:
    """The school, if the user sees it through a school-dashboard role, or 404. One query."""
    return get_object_or_404(
        School.objects.visible_to(user, roles=SCHOOL_DASHBOARD_ROLES).select_related(
            "division", "division__province"),
        pk=pk,
    )


@dataclass
class DashboardScope:
    """The schools a set of figures covers, the school year, and how the user may see them."""

    user: object
    year: SchoolYear
    schools: list[School]
    roles: frozenset
    aggregates_only: bool = False
    division: SchoolDivision | None = None
    school: School | None = None
    level: str = ""
    # Every school of `division` is in the scope (no school or level chosen, none hidden from the
    # user): its figures may come from per-division summaries.
    whole_division: bool = False
    # The filters of the lists behind the figures (division, school, level), for drill-down links.
    list_filters: dict = field(default_factory=dict)

    @property
    def school_ids(self) -> list[int]:
        return [school.pk for school in self.schools]

    @property
    def enrolment(self) -> int:
        return sum(school.enrolment for school in self.schools)

    @property
    def links(self) -> bool:
        """Whether figures link to the lists of records behind them (never for aggregates only)."""
        return not self.aggregates_only

    def link(self, url: str, **params) -> str:
        """`url` with the scope's list filters and `params` (empty values dropped); "" when this
        scope does not link."""
        if not self.links:
            return ""
        query = {**self.list_filters, **params}
        query = {key: value for key, value in query.items() if value not in (None, "")}
        return f"{url}?{urlencode(query)}" if query else url


def division_scope(user, division, year, *, aggregates_only, school_id=None, level="", schools=None) -> DashboardScope:
    """The scope of a division dashboard. `schools` (the division's schools the user sees) is
    loaded here when not given (one query)."""
    roles = AGGREGATE_ROLES if aggregates_only else DIVISION_FULL_ROLES
    if schools is None:
        schools = list(School.objects.visible_to(user, roles=roles).filter(division=division).order_by("name"))
    chosen = [s for s in schools if (not level or s.level == level) and (school_id is None or s.pk == school_id)]
    school = chosen[0] if school_id is not None and chosen else None
    filters = {"division": division.pk, "level": level}
    if school is not None:
        filters = {"school": school.pk}
    whole = not level and school_id is None and len(chosen) == School.objects.filter(division=division).count()
    return DashboardScope(user=user, year=year, schools=chosen, roles=roles, aggregates_only=aggregates_only,
                          division=division, school=school, level=level, list_filters=filters, whole_division=whole)


def school_scope(user, school, year) -> DashboardScope:
    return DashboardScope(user=user, year=year, schools=[school], roles=SCHOOL_DASHBOARD_ROLES,
                          division=school.division, school=school, list_filters={"school": school.pk})
