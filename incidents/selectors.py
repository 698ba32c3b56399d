"""Reads: every list and fetch goes through the scoped querysets of models.py."""

from itertools import chain

from django.db.models import Case, Exists, OuterRef, Value, When
from django.shortcuts import get_object_or_404

from accounts.models import Role
from common.history import history_entries

from .filters import AccessLogFilter, AssessmentFilter, IncidentFilter
from .models import (
    HISTORY_ROLES,
    PEOPLE_ROLES,
    HelpRequest,
    Incident,
    PersonalInfoAccess,
    PersonInvolved,
    Status,
    Supplement,
    ThreatAssessment,
)
from .redaction import readable_texts

LIST_RELATED = ("school", "school__division", "created_by")


def get_incident_for_user(user, pk) -> Incident:
    """An incident the user may see, or 404."""
    return get_object_or_404(Incident.objects.visible_to(user).select_related(*LIST_RELATED), pk=pk)


def incident_list(*, user, filters=None, base=None) -> IncidentFilter:
    """The incidents the user may see (or `base`, already scoped), filtered. Returns the FilterSet."""
    queryset = base if base is not None else Incident.objects.visible_to(user)
    return IncidentFilter(filters, queryset=queryset.select_related(*LIST_RELATED), user=user)


def review_queue(*, user):
    """Incidents awaiting review by this school administrator, oldest submission first."""
    return (
        Incident.objects.visible_to(user, roles=[Role.SCHOOL_ADMIN]).awaiting_review()
        .select_related(*LIST_RELATED).order_by("submitted_at", "pk")
    )


def sro_open_incidents(*, user):
    """The SRO's open incidents: at their schools or written by them, not closed. Follow-ups first."""
    follow_up_first = Case(When(status=Status.FOLLOW_UP, then=Value(0)), default=Value(1))
    return (Incident.objects.visible_to(user, roles=[Role.SRO]).open()
            .order_by(follow_up_first, "-occurred_at", "-pk"))


def incident_timeline(incident: Incident) -> list:
    """Status changes and supplements, in time order. Runs two queries."""
    events = incident.events.select_related("actor")
    supplements = incident.supplements.select_related("author")
    return sorted(chain(events, supplements), key=lambda item: (item.at, item.pk))


def people_for(user, incident: Incident):
    """People involved in `incident` that `user` may see: none at all for other roles."""
    return PersonInvolved.objects.visible_to(user).filter(incident=incident)


def get_person_for_user(user, incident: Incident, pk) -> PersonInvolved:
    return get_object_or_404(people_for(user, incident), pk=pk)


def people_export_rows(*, user, incidents):
    """People involved in `incidents` (already filtered) that `user` may see."""
    return (
        PersonInvolved.objects.visible_to(user).filter(incident__in=incidents.values("pk"))
        .select_related("incident", "incident__school").order_by("incident__occurred_at", "incident_id", "pk")
    )


def with_incident_visible(queryset, user):
    """Annotate rows that point at an incident (requests for help, access-log rows) with
    `incident_visible`: whether the user may open that incident (a draft is its author's alone
    until submitted), so that a page links to it only then. No query of its own."""
    visible = Incident.objects.visible_to(user).filter(pk=OuterRef("incident_id"))
    return queryset.annotate(incident_visible=Exists(visible))


# Requests for help ------------------------------------------------------------------------------

def help_request_list(*, user, state=None):
    requests = with_incident_visible(HelpRequest.objects.visible_to(user), user).select_related("school", "raised_by")
    if state:
        requests = requests.filter(state=state)
    return requests


def get_help_request_for_user(user, pk) -> HelpRequest:
    return get_object_or_404(
        with_incident_visible(HelpRequest.objects.visible_to(user), user).select_related(
            "school", "raised_by", "handled_by", "incident"),
        pk=pk,
    )


# Threat assessments -----------------------------------------------------------------------------

def assessment_list(*, user, filters=None) -> AssessmentFilter:
    queryset = ThreatAssessment.objects.visible_to(user).select_related("incident", "incident__school")
    return AssessmentFilter(filters, queryset=queryset, user=user, roles=PEOPLE_ROLES)


def get_assessment_for_user(user, pk) -> ThreatAssessment:
    return get_object_or_404(
        ThreatAssessment.objects.visible_to(user).select_related(
            "incident", "incident__school", "incident__created_by", "created_by"),
        pk=pk,
    )


# The personal-information access log ----------------------------------------------------------

def access_log(*, user, filters=None) -> AccessLogFilter:
    """Access rows the user may read (see PersonalInfoAccessQuerySet.visible_to), filtered; the
    FilterSet's `.qs` is the list. Rows show the user's username, never a young person's name."""
    queryset = with_incident_visible(PersonalInfoAccess.objects.visible_to(user), user).select_related("user")
    return AccessLogFilter(filters, queryset=queryset)


def get_incident_for_history(user, pk) -> Incident:
    """An incident whose history the user may read (through HISTORY_ROLES), or 404."""
    return get_object_or_404(Incident.objects.visible_to(user, roles=HISTORY_ROLES), pk=pk)


def incident_history_sources(*, user, incident: Incident) -> tuple[list, object, bool]:
    """What the change history of the incident is made of, for the page and the streamed export:
    the historical querysets (the incident, its supplements and, for users who may see the people
    involved (PEOPLE_ROLES), its people and threat assessments), the rule withholding the texts waiting
    on the redaction review that the user may not read (incidents.redaction), and whether the people's
    history is included. Runs two queries."""
    querysets = [Incident.history.filter(id=incident.pk), Supplement.history.filter(incident_id=incident.pk)]
    with_people = Incident.objects.visible_to(user, roles=PEOPLE_ROLES).filter(pk=incident.pk).exists()
    if with_people:
        querysets += [PersonInvolved.history.filter(incident_id=incident.pk),
                      ThreatAssessment.history.filter(incident_id=incident.pk)]
    texts = readable_texts(user, incidents=[incident.pk])
    return querysets, texts.history_value, with_people


def incident_history(*, user, incident: Incident) -> tuple[list, bool]:
    """The change history of the incident (see incident_history_sources), newest first, with the
    texts the user may not read withheld in every copy. Returns (entries, whether the people's
    history is included)."""
    querysets, withheld, with_people = incident_history_sources(user=user, incident=incident)
    return history_entries(*querysets, withheld=withheld), with_people
