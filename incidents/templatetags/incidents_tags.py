from django import template

from accounts.models import Role
from incidents.models import PEOPLE_ROLES, ThreatAssessment
from incidents.redaction import ReadableTexts

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


@register.simple_tag
def readable(texts, obj, field: str):
    """The text of `obj`'s `field` that the reader may read (incidents.redaction.ReadableTexts `texts`,
    from the view): as written, or its proposed redaction while the text awaits the redaction review.
    Use it for every text that can wait on that review: ``{% readable texts incident "narrative" as t %}``
    then ``{{ t.text }}``, and ``{% if t.withheld %}`` the note of incidents/includes/withheld.html."""
    if not isinstance(texts, ReadableTexts):
        raise TypeError("readable needs the view's `texts` (incidents.redaction.readable_texts)")
    return texts.get(obj, field)
