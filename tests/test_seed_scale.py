"""seed_scale: generated data of the size asked, realistic where it matters, safe to run twice, and
the summaries it fills equal the rows added up. A tiny size keeps the test quick."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Sum

from accounts.models import User
from activities.models import Activity, ActivitySummary
from audit.models import AuditEvent
from common.scale import BENCH_USERS, SIZES, Size
from evaluations.models import Answer, SurveyResponse, SurveyTally
from incidents.models import Incident, PersonInvolved
from officers.models import Officer
from schools.models import School

TINY = Size(divisions=2, schools=6, officers=3, activities=600, incidents=40, responses=80, audit_events=50)


@pytest.fixture
def seeded(db, monkeypatch, settings):
    monkeypatch.setitem(SIZES, "tiny", TINY)
    settings.DEBUG = True
    call_command("seed_scale", "--size", "tiny", "--seed", "3", stdout=StringIO())


def test_it_generates_the_size_asked(seeded):
    assert (School.objects.count(), Officer.objects.count(), Incident.objects.count(),
            AuditEvent.objects.count()) == (6, 3, 40, 50)
    assert 500 <= Activity.objects.count() <= 600
    assert 40 <= PersonInvolved.objects.count() <= 160
    assert 70 <= SurveyResponse.objects.count() <= 90
    assert set(User.objects.filter(username__in=BENCH_USERS.values()).values_list("username", flat=True)) == set(
        BENCH_USERS.values())


def test_activities_fall_on_school_days(seeded):
    days = set(Activity.objects.values_list("date", flat=True))
    assert all(day.weekday() < 5 and day.month not in (7, 8) for day in days)
    assert not any(day.month == 12 and day.day >= 22 for day in days)


def test_running_it_twice_changes_nothing(seeded):
    before = Activity.objects.count()
    out = StringIO()
    call_command("seed_scale", "--size", "tiny", stdout=out)
    assert "nothing to do" in out.getvalue()
    assert Activity.objects.count() == before


def test_it_refuses_to_run_with_debug_off(db, settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("seed_scale", "--size", "demo", stdout=StringIO())


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the summaries are PostgreSQL's")
def test_the_summaries_it_fills_equal_the_rows_added_up(seeded):
    assert ActivitySummary.objects.aggregate(n=Sum("entries"), m=Sum("minutes")) == Activity.objects.aggregate(
        n=Count("pk"), m=Sum("minutes"))
    assert SurveyTally.objects.filter(key="r").aggregate(n=Sum("n"))["n"] == SurveyResponse.objects.count()
    questions = SurveyTally.objects.filter(key__startswith="q:").aggregate(n=Sum("n"))["n"]
    assert questions == Answer.objects.count()


def test_no_incident_breaks_the_review_rules(seeded):
    assert not Incident.objects.filter(status="closed", disposition="").exists()
    assert not Incident.objects.filter(status="draft", submitted_at__isnull=False).exists()
    assert Incident.objects.filter(occurred_at__date__gt=datetime.date.today()).count() == 0
