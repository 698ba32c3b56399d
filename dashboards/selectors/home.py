"""What each role's section of the home page shows: its work, each count a link to its list."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Min, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import Role
from activities.models import Activity, Category
from incidents.models import HelpRequest, Status, ThreatAssessment, scoped_incident_q
from incidents.selectors import review_queue, sro_open_incidents
from schools.models import School

from ..periods import SchoolYear, week_of
from ..scope import DashboardScope
from . import activities
from .common import hours


@dataclass
class Figure:
    label: str
    value: int
    href: str
    urgent: bool = False


def sro_week(user) -> dict:
    """The SRO's week: hours by category (their own log) and what waits for them. Four queries."""
    today = timezone.localdate()
    monday, sunday = week_of(today)
    labels = dict(Category.choices)
    by_category = [
        {"label": labels[row["category"]], "hours": hours(row["minutes"]), "entries": row["n"]}
        for row in Activity.objects.written_by(user).filter(date__range=(monday, sunday)).order_by()
        .values("category").annotate(minutes=Sum("minutes"), n=Count("pk")).order_by("-minutes")
    ]
    incidents = sro_open_incidents(user=user).aggregate(
        drafts=Count("pk", filter=Q(status=Status.DRAFT)), sent_back=Count("pk", filter=Q(status=Status.FOLLOW_UP)))
    due = ThreatAssessment.objects.visible_to(user).due(today).count()
    waiting = HelpRequest.objects.visible_to(user).filter(state=HelpRequest.State.OPEN).count()
    my_open = reverse("incidents:my_open")
    counts = [
        Figure(_("Drafts"), incidents["drafts"], f"{my_open}?status={Status.DRAFT}"),
        Figure(_("Incidents sent back for follow-up"), incidents["sent_back"], f"{my_open}?status={Status.FOLLOW_UP}",
               urgent=bool(incidents["sent_back"])),
        Figure(_("Threat-assessment follow-ups due"), due, reverse("incidents:assessment_list") + "?due=true",
               urgent=bool(due)),
        Figure(_("Requests for help waiting"), waiting, reverse("incidents:request_list") + "?state=open",
               urgent=bool(waiting)),
    ]
    return {"monday": monday, "sunday": sunday, "by_category": by_category,
            "total_hours": sum((row["hours"] for row in by_category), start=hours(0)),
            "counts": counts, "log_url": reverse("activities:my_log")}


def school_admin_home(user) -> dict:
    """The school administrator's schools: incidents waiting for review (oldest first, late marked),
    requests raised, follow-ups due, and the SROs' work this school year. Nine queries."""
    now = timezone.now()
    late_before = now - datetime.timedelta(days=settings.INCIDENTS_REVIEW_DAYS)
    queue = review_queue(user=user)
    summary = queue.aggregate(n=Count("pk"), oldest=Min("submitted_at"),
                              late=Count("pk", filter=Q(submitted_at__lt=late_before)))
    waiting = list(queue[:10])
    for incident in waiting:
        incident.age_days = (now - incident.submitted_at).days
        incident.late = incident.submitted_at < late_before
    roles = frozenset({Role.SCHOOL_ADMIN})
    schools = list(School.objects.visible_to(user, roles=roles).select_related("division").order_by("name"))
    requests = HelpRequest.objects.visible_to(user).filter(
        school__in=[s.pk for s in schools], state=HelpRequest.State.OPEN).count()
    due = ThreatAssessment.objects.filter(scoped_incident_q(user, roles=roles, prefix="incident__")).due().count()
    scope = DashboardScope(user=user, year=SchoolYear.current(), schools=schools, roles=roles,
                           list_filters={"school": schools[0].pk} if len(schools) == 1 else {})
    counts = [
        Figure(_("Requests for help open"), requests, reverse("incidents:request_list") + "?state=open"),
        Figure(_("Threat-assessment follow-ups due"), due, reverse("incidents:assessment_list") + "?due=true",
               urgent=bool(due)),
    ]
    return {
        "schools": schools, "review": summary, "waiting": waiting,
        "oldest_days": (now - summary["oldest"]).days if summary["oldest"] else None,
        "review_url": reverse("incidents:review_queue"), "review_days": settings.INCIDENTS_REVIEW_DAYS,
        "counts": counts, "year": scope.year,
        "panels": [activities.contact_hours_panel(scope), activities.presentations_panel(scope)],
    }
