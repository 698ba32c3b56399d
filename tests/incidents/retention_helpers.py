"""Shared by the retention tests: a frozen "today", and incidents closed at a given time."""

import datetime
import io
import zoneinfo

from django.core.management import call_command

from incidents.models import Status

from .factories import EventFactory, IncidentFactory

WINNIPEG = zoneinfo.ZoneInfo("America/Winnipeg")
# Frozen "now" of the tests: 1 June 2031, noon in Winnipeg. With 5 retention years, incidents closed
# before the start of 1 June 2026 are due.
NOW = datetime.datetime(2031, 6, 1, 12, 0, tzinfo=WINNIPEG)
CUTOFF = datetime.datetime(2026, 6, 1, 0, 0, tzinfo=WINNIPEG)
DAY = datetime.timedelta(days=1)
JUST_DUE = CUTOFF - DAY  # closed 5 years and a day ago
NOT_YET_DUE = CUTOFF + DAY  # closed 5 years less a day ago
OCCURRED = datetime.datetime(2025, 10, 14, 10, 30, tzinfo=WINNIPEG)


def closed_incident(school, *, closed_at=JUST_DUE, occurred_at=OCCURRED, **fields):
    """An incident closed (by its review workflow's last step) at `closed_at`."""
    incident = IncidentFactory(school=school, occurred_at=occurred_at, status=Status.CLOSED,
                               disposition="informal_warning", **fields)
    EventFactory(incident=incident, from_status=Status.UNDER_REVIEW, to_status=Status.CLOSED, at=closed_at)
    return incident


def run(*args) -> str:
    out = io.StringIO()
    call_command("deidentify_people", *args, stdout=out)
    return out.getvalue()
