from django import template

from accounts.models import Role
from incidents.models import PEOPLE_ROLES, ThreatAssessment

register = template.Library()


@register.simple_tag
def incident_roles(user) -> dict:
    """Which incident pages this user's roles open (for the section menu)."""
    return {
        "sro": user.has_role(Role.SRO),
        "admin": user.has_role(Role.SCHOOL_ADMIN),
        "people": user.has_role(*PEOPLE_ROLES),
    }


@register.simple_tag
def overdue_assessment_count(user) -> int:
    """Overdue threat-assessment follow-ups in the user's scope. Runs one query."""
    if not user.has_role(*PEOPLE_ROLES):
        return 0
    return ThreatAssessment.objects.visible_to(user).overdue().count()
