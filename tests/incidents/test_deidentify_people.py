"""The retention period: people involved in old closed incidents lose their name and date of birth."""

import datetime
import io
from unittest import mock

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from incidents.models import PersonInvolved, Status

from .factories import IncidentFactory, PersonFactory

TODAY = datetime.date(2031, 6, 1)
OLD = timezone.make_aware(datetime.datetime(2025, 10, 14, 10, 30))  # more than 5 years before TODAY
RECENT = timezone.make_aware(datetime.datetime(2027, 10, 14, 10, 30))


def run(*args):
    out = io.StringIO()
    with mock.patch("django.utils.timezone.localdate", return_value=TODAY):
        call_command("deidentify_people", *args, stdout=out)
    return out.getvalue()


def closed(occurred_at, school):
    return IncidentFactory(school=school, occurred_at=occurred_at, status=Status.CLOSED, disposition="informal_warning")


def test_people_of_old_closed_incidents_lose_name_and_birth_date_but_keep_their_age(school):
    person = PersonFactory(incident=closed(OLD, school), name="Robin Privateperson", age=None,
                           date_of_birth=datetime.date(2011, 3, 4), grade=8)
    run()
    person.refresh_from_db()
    assert (person.name, person.date_of_birth, person.age, person.grade) == ("", None, 14, 8)
    assert person.deidentified_at is not None


def test_recent_or_open_incidents_keep_their_people(school):
    recent = PersonFactory(incident=closed(RECENT, school))
    still_open = PersonFactory(incident=IncidentFactory(school=school, occurred_at=OLD, status=Status.UNDER_REVIEW))
    run()
    assert PersonInvolved.objects.filter(pk__in=[recent.pk, still_open.pk], deidentified_at__isnull=True).count() == 2


def test_running_twice_changes_nothing_more(school):
    PersonFactory(incident=closed(OLD, school))
    assert "1 person(s) de-identified" in run()
    assert "0 person(s) de-identified" in run()


def test_a_dry_run_changes_nothing(school):
    person = PersonFactory(incident=closed(OLD, school))
    assert "1 person(s) due" in run("--dry-run")
    person.refresh_from_db()
    assert person.deidentified_at is None


def test_the_incident_page_says_de_identified(client, coordinator, school):
    incident = closed(OLD, school)
    PersonFactory(incident=incident, name="Robin Privateperson")
    run()
    client.force_login(coordinator)
    response = client.get(reverse("incidents:incident_detail", args=[incident.pk]))
    assert "(de-identified)" in response.text
    assert "Robin" not in response.text
