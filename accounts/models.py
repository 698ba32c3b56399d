from functools import cached_property

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schools.models import School


class Role(models.TextChoices):
    SRO = "sro", _("School resource officer")
    SCHOOL_ADMIN = "school_admin", _("School administrator")
    COORDINATOR = "coordinator", _("Division coordinator")
    EVALUATOR = "evaluator", _("Evaluator")
    PROGRAM_ADMIN = "program_admin", _("Program administrator")


# Roles whose scope is one or more divisions, or one or more schools.
DIVISION_ROLES = frozenset({Role.COORDINATOR, Role.EVALUATOR})
SCHOOL_ROLES = frozenset({Role.SCHOOL_ADMIN})
# The SRO's scope is not granted here: it is the schools of their current assignments.
UNSCOPED_ROLES = frozenset({Role.SRO, Role.PROGRAM_ADMIN})

# Roles that may see records about individual young people (never evaluators).
PERSONAL_INFO_ROLES = frozenset({Role.SRO, Role.SCHOOL_ADMIN, Role.COORDINATOR, Role.PROGRAM_ADMIN})


class User(AbstractUser):
    """A person who signs in. What they may do and see comes from their role grants."""

    class Meta:
        ordering = ["last_name", "first_name", "username"]
        # Lists sorted by officer name (the activity list) walk the users in this order.
        indexes = [models.Index(fields=["last_name", "id"], name="user_last_name_order_idx")]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username

    @cached_property
    def grants(self) -> list["RoleGrant"]:
        """Runs one query, once per request (the user object lives for one request)."""
        return list(self.role_grants.all())

    @cached_property
    def roles(self) -> frozenset[str]:
        return frozenset(grant.role for grant in self.grants)

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    @property
    def is_program_admin(self) -> bool:
        return Role.PROGRAM_ADMIN in self.roles

    def school_scope_q(self, *, roles=None, prefix: str = "") -> Q:
        """A filter on School (or on a path to it, given `prefix` such as ``"school__"``)
        matching the schools this user may see through `roles` (default: all their roles).

        This is the single source of truth for scope. It matches nothing for a user
        without a matching role.
        """
        wanted = self.roles if roles is None else self.roles.intersection(roles)
        if Role.PROGRAM_ADMIN in wanted:
            return Q()
        division_ids = {g.division_id for g in self.grants if g.role in wanted and g.role in DIVISION_ROLES}
        school_ids = {g.school_id for g in self.grants if g.role in wanted and g.role in SCHOOL_ROLES}
        query = Q(**{f"{prefix}pk__in": []})
        if division_ids:
            query |= Q(**{f"{prefix}division_id__in": division_ids})
        if school_ids:
            query |= Q(**{f"{prefix}pk__in": school_ids})
        if Role.SRO in wanted:
            query |= Q(**{f"{prefix}pk__in": _current_assignment_school_ids(self)})
        return query

    def visible_school_ids(self, roles=None) -> list[int]:
        """The ids of the schools `School.objects.visible_to(self, roles=roles)` gives, read once per
        request (the user object lives for one request), for filters that need the ids themselves."""
        known = self.__dict__.setdefault("_visible_school_ids", {})
        key = None if roles is None else frozenset(roles)
        if key not in known:
            known[key] = list(School.objects.visible_to(self, roles=roles).order_by("pk").values_list("pk", flat=True))
        return known[key]

    # The audit log (the audit app, a floor below, asks the user these two questions).
    @property
    def can_read_audit_log(self) -> bool:
        return self.has_role(Role.COORDINATOR, Role.PROGRAM_ADMIN)

    def audit_subject_q(self, *, field: str = "user") -> Q:
        """A filter on audit events (through their user `field`) matching those this user may
        read: all of them for a program administrator; for a coordinator, the events of the
        people who hold a role in their divisions (a grant on the division or one of its schools,
        or an SRO's current assignment to one of its schools); nothing for anyone else."""
        if self.is_program_admin:
            return Q()
        divisions = {g.division_id for g in self.grants if g.role == Role.COORDINATOR}
        if not divisions:
            return Q(**{f"{field}__in": []})
        today = timezone.localdate()
        granted = User.objects.filter(
            Q(role_grants__division_id__in=divisions) | Q(role_grants__school__division_id__in=divisions)
        ).values("pk")
        # One filter() call: all conditions apply to the same assignment row.
        assigned = User.objects.filter(
            Q(officer__assignments__school__division_id__in=divisions),
            Q(officer__assignments__start__lte=today),
            Q(officer__assignments__end__isnull=True) | Q(officer__assignments__end__gte=today),
        ).values("pk")
        return Q(**{f"{field}__in": granted}) | Q(**{f"{field}__in": assigned})


def _current_assignment_school_ids(user):
    """Ids of the schools the user is assigned to today, as a subquery (no duplicate rows)."""
    today = timezone.localdate()
    # One filter() call, so that all three conditions apply to the same assignment row.
    return School.objects.filter(
        Q(assignments__officer__user=user),
        Q(assignments__start__lte=today),
        Q(assignments__end__isnull=True) | Q(assignments__end__gte=today),
    ).values("pk")


class RoleGrant(models.Model):
    """One role held by a user, with its scope: a division, a school, or nothing."""

    user = models.ForeignKey(
        User, on_delete=models.CASCADE, related_name="role_grants", verbose_name=_("user")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    division = models.ForeignKey(
        "schools.SchoolDivision", on_delete=models.CASCADE, null=True, blank=True,
        related_name="role_grants", verbose_name=_("school division"),
    )
    school = models.ForeignKey(
        "schools.School", on_delete=models.CASCADE, null=True, blank=True,
        related_name="role_grants", verbose_name=_("school"),
    )

    class Meta:
        ordering = ["user", "role"]
        verbose_name = _("role grant")
        verbose_name_plural = _("role grants")
        constraints = [
            models.CheckConstraint(
                name="rolegrant_scope_matches_role",
                condition=(
                    Q(role__in=sorted(DIVISION_ROLES), division__isnull=False, school__isnull=True)
                    | Q(role__in=sorted(SCHOOL_ROLES), school__isnull=False, division__isnull=True)
                    | Q(role__in=sorted(UNSCOPED_ROLES), school__isnull=True, division__isnull=True)
                ),
                violation_error_message=_(
                    "Coordinators and evaluators need a division, school administrators a "
                    "school; SROs and program administrators take neither."
                ),
            ),
            models.UniqueConstraint(
                fields=["user", "role", "division"],
                condition=Q(division__isnull=False),
                name="rolegrant_unique_division",
            ),
            models.UniqueConstraint(
                fields=["user", "role", "school"],
                condition=Q(school__isnull=False),
                name="rolegrant_unique_school",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(division__isnull=True, school__isnull=True),
                name="rolegrant_unique_unscoped",
            ),
        ]

    def __str__(self):
        scope = self.division or self.school
        label = self.get_role_display()
        return f"{label} — {scope}" if scope else str(label)
