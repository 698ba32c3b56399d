"""The main menu: one list, each entry shown only to the roles that may use it.

Features add their entries here; the template renders what the user's roles allow.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from incidents.models import INCIDENT_ROLES, PEOPLE_ROLES, RETENTION_REVIEW_ROLES

ALL_ROLES = frozenset(Role.values)


@dataclass(frozen=True)
class NavItem:
    label: str
    url_name: str
    icon: str
    roles: frozenset[str]
    # Entries of one group share a drop-down menu when a user sees more than one of them.
    group: str = ""

    def visible_for(self, user) -> bool:
        return bool(user.roles.intersection(self.roles))


NAV_ITEMS = [
    NavItem(_("Home"), "home", "house", ALL_ROLES),
    NavItem(_("Schools"), "schools:school_list", "building", ALL_ROLES - {Role.SRO}),
    NavItem(_("My schools"), "schools:school_list", "building", frozenset({Role.SRO})),
    NavItem(_("Officers"), "officers:officer_list", "person-badge",
            frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="officers"),
    NavItem(_("Terms ending"), "officers:terms_ending", "hourglass-split",
            frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="officers"),
    NavItem(_("My profile"), "officers:my_profile", "person-vcard", frozenset({Role.SRO}), group="officers"),
    NavItem(_("Log activity"), "activities:log", "plus-circle", frozenset({Role.SRO}), group="activities"),
    NavItem(_("My log"), "activities:my_log", "journal-text", frozenset({Role.SRO}), group="activities"),
    NavItem(_("Activities"), "activities:list", "list-check",
            frozenset({Role.SCHOOL_ADMIN, Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="activities"),
    NavItem(_("My open incidents"), "incidents:my_open", "clipboard-check", frozenset({Role.SRO}), group="incidents"),
    NavItem(_("Review queue"), "incidents:review_queue", "inbox", frozenset({Role.SCHOOL_ADMIN}), group="incidents"),
    NavItem(_("Incidents"), "incidents:incident_list", "exclamation-octagon", INCIDENT_ROLES, group="incidents"),
    NavItem(_("Requests for help"), "incidents:request_list", "megaphone", PEOPLE_ROLES, group="incidents"),
    NavItem(_("Redaction review"), "incidents:redaction_list", "eraser", RETENTION_REVIEW_ROLES, group="incidents"),
    NavItem(_("Surveys"), "evaluations:survey_list", "clipboard-check",
            frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="evaluations"),
    NavItem(_("Results"), "evaluations:results_list", "bar-chart",
            frozenset({Role.EVALUATOR, Role.COORDINATOR, Role.PROGRAM_ADMIN, Role.SCHOOL_ADMIN}), group="evaluations"),
    NavItem(_("Outcome data"), "evaluations:outcome_data", "graph-up",
            frozenset({Role.EVALUATOR, Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="evaluations"),
    NavItem(_("Costs"), "costs:overview", "cash-coin",
            frozenset({Role.EVALUATOR, Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="evaluations"),
    NavItem(_("Outcome report"), "report:index", "file-earmark-bar-graph",
            frozenset({Role.EVALUATOR, Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="evaluations"),
    NavItem(_("Audit log"), "audit:event_list", "shield-lock", frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN}),
            group="oversight"),
    NavItem(_("Access log"), "incidents:access_log", "person-lock",
            frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN}), group="oversight"),
]


def navigation(request):
    user = request.user
    if not user.is_authenticated:
        return {"nav_items": [], "nav_groups": []}
    items, seen = [], set()
    for item in NAV_ITEMS:
        if item.url_name in seen or not item.visible_for(user):
            continue
        seen.add(item.url_name)
        items.append({"label": item.label, "url": reverse(item.url_name), "icon": item.icon,
                      "group": item.group, "active": request.resolver_match is not None
                      and request.resolver_match.view_name == item.url_name})
    return {"nav_items": items, "nav_groups": _grouped(items), "show_admin_link": user.is_staff}


GROUP_LABELS = {
    "officers": _("Officers"),
    "activities": _("Activities"),
    "incidents": _("Incidents"),
    "evaluations": _("Evaluation"),
    "oversight": _("Oversight"),
}


def _grouped(items):
    """Menu entries in order, with the entries of one group folded into a drop-down when
    there are several of them (a single entry stays a plain link)."""
    menu, by_group = [], {}
    for item in items:
        group = item["group"]
        if not group:
            menu.append({"items": [item]})
            continue
        if group not in by_group:
            by_group[group] = {"label": GROUP_LABELS[group], "items": []}
            menu.append(by_group[group])
        by_group[group]["items"].append(item)
    for entry in menu:
        entry["active"] = any(item["active"] for item in entry["items"])
    return menu
