"""The retention period, with time frozen: people involved in incidents closed more than
INCIDENTS_RETENTION_YEARS years ago lose their name, date of birth and exact age (an age band at the
incident stays), the texts naming them go on the review list, and each run is logged without names."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from audit.models import AuditEvent
from incidents.models import AgeBand, PersonInvolved, RedactionReview, Status, Supplement
from incidents.retention import incidents_due, name_pattern, redact, retention_cutoff

from .factories import EventFactory, IncidentFactory, PersonFactory
from .retention_helpers import CUTOFF, JUST_DUE, NOT_YET_DUE, NOW, closed_incident, run

HOUR = datetime.timedelta(hours=1)
pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]


@pytest.fixture(autouse=True)
def five_years(settings):
    settings.INCIDENTS_RETENTION_YEARS = 5


def test_the_cutoff_is_the_start_of_the_day_n_years_ago():
    assert retention_cutoff(datetime.date(2031, 6, 1), 5) == CUTOFF
    assert retention_cutoff(datetime.date(2032, 2, 29), 5).date() == datetime.date(2027, 2, 28)


def test_closed_more_than_n_years_ago_is_deidentified_less_is_kept(school):
    due = PersonFactory(incident=closed_incident(school, closed_at=JUST_DUE), name="Robin Privateperson",
                        age=None, date_of_birth=datetime.date(2011, 3, 4), grade=8)
    kept = PersonFactory(incident=closed_incident(school, closed_at=NOT_YET_DUE), name="Kim Keeper")
    assert "1 person(s) in 1 incident(s) de-identified" in run()
    due.refresh_from_db()
    kept.refresh_from_db()
    assert (due.name, due.date_of_birth, due.age, due.age_band, due.grade) == ("", None, None, "12_14", 8)
    assert due.deidentified_at == NOW
    assert (kept.name, kept.deidentified_at) == ("Kim Keeper", None)


def test_the_period_counts_from_the_closing_not_from_the_occurrence(school):
    # Occurred 10 years ago, but closed only 4 years ago: kept.
    long_ago = NOW - datetime.timedelta(days=3650)
    person = PersonFactory(incident=closed_incident(school, occurred_at=long_ago, closed_at=NOT_YET_DUE))
    run()
    person.refresh_from_db()
    assert person.deidentified_at is None and person.name


def test_reopened_and_closed_again_counts_from_the_last_closing(school):
    incident = closed_incident(school, closed_at=JUST_DUE)
    EventFactory(incident=incident, from_status=Status.CLOSED, to_status=Status.UNDER_REVIEW, at=JUST_DUE + HOUR)
    EventFactory(incident=incident, from_status=Status.UNDER_REVIEW, to_status=Status.CLOSED, at=NOT_YET_DUE)
    person = PersonFactory(incident=incident)
    run()
    person.refresh_from_db()
    assert person.deidentified_at is None


def test_only_closed_incidents_are_due(school):
    reopened = closed_incident(school, closed_at=JUST_DUE)
    EventFactory(incident=reopened, from_status=Status.CLOSED, to_status=Status.UNDER_REVIEW, at=JUST_DUE + HOUR)
    reopened.status = Status.UNDER_REVIEW
    reopened.save()
    open_person = PersonFactory(incident=reopened)
    # Closed, but with no closing step in its history: its closing date is unknown, so it is kept.
    no_history = PersonFactory(incident=IncidentFactory(school=school, status=Status.CLOSED,
                                                        disposition="informal_warning"))
    run()
    assert PersonInvolved.objects.filter(pk__in=[open_person.pk, no_history.pk],
                                         deidentified_at__isnull=True).count() == 2
    assert list(incidents_due(CUTOFF)) == []


@pytest.mark.parametrize(("born", "age", "band"), [
    (datetime.date(2014, 10, 15), None, AgeBand.UNDER_12),  # 11 the day before their 12th birthday
    (datetime.date(2013, 10, 14), None, AgeBand.FROM_12_TO_14),  # 12 on the day
    (datetime.date(2010, 10, 15), None, AgeBand.FROM_12_TO_14),  # 14
    (datetime.date(2010, 10, 14), None, AgeBand.FROM_15_TO_17),  # 15
    (datetime.date(2007, 10, 15), None, AgeBand.FROM_15_TO_17),  # 17
    (datetime.date(2007, 10, 14), None, AgeBand.ADULT),  # 18
    (None, 11, AgeBand.UNDER_12),
    (None, 16, AgeBand.FROM_15_TO_17),
    (None, 40, AgeBand.ADULT),
    (None, None, ""),
])
def test_the_age_band_is_the_age_at_the_incident(school, born, age, band):
    person = PersonFactory(incident=closed_incident(school), date_of_birth=born, age=age)
    run()
    person.refresh_from_db()
    assert (person.age_band, person.age, person.date_of_birth) == (band, None, None)


def test_running_twice_changes_nothing_more_and_reports_zero(school):
    incident = closed_incident(school, narrative="Robin Privateperson pushed a student.")
    person = PersonFactory(incident=incident, name="Robin Privateperson")
    assert "1 person(s) in 1 incident(s) de-identified" in run()
    person.refresh_from_db()
    first = (person.deidentified_at, person.age_band)
    with time_machine.travel(NOW + datetime.timedelta(days=1), tick=False):
        output = run()
    assert "0 person(s) in 0 incident(s) de-identified" in output and "0 text(s)" in output
    person.refresh_from_db()
    assert (person.deidentified_at, person.age_band) == first
    assert RedactionReview.objects.count() == 1


def test_a_text_already_waiting_gets_its_proposal_updated_not_a_second_entry(school, sro, principal):
    incident = closed_incident(school, narrative="Robin and Kim argued.")
    PersonFactory(incident=incident, name="Robin Privateperson")
    run()
    # Reopened and closed again long ago, with a person added meanwhile (the texts were not reviewed yet).
    EventFactory(incident=incident, from_status=Status.CLOSED, to_status=Status.UNDER_REVIEW, at=JUST_DUE + HOUR)
    EventFactory(incident=incident, from_status=Status.UNDER_REVIEW, to_status=Status.CLOSED,
                 at=JUST_DUE + 2 * HOUR)
    PersonFactory(incident=incident, name="Kim Other")
    review = RedactionReview.objects.get()
    assert "1 person(s) in 1 incident(s) de-identified" in run()
    updated = RedactionReview.objects.get()
    assert updated.pk == review.pk
    assert (updated.proposed_text, updated.matches, updated.version) == ("[redacted] and [redacted] argued.", 2,
                                                                          review.version + 1)


def test_a_dry_run_changes_nothing(school):
    incident = closed_incident(school, narrative="Robin was there.")
    person = PersonFactory(incident=incident, name="Robin Privateperson")
    assert "1 person(s) in 1 incident(s) due" in run("--dry-run")
    person.refresh_from_db()
    assert person.deidentified_at is None and person.name == "Robin Privateperson"
    assert not RedactionReview.objects.exists()


def test_texts_naming_the_people_are_flagged_with_a_proposal_without_the_names(school, sro):
    incident = closed_incident(school, narrative="Two students argued in the hallway.",
                               school_response_note="Called ROBIN's mother.")
    PersonFactory(incident=incident, name="Robin Privateperson")
    PersonFactory(incident=incident, name="Alex Mary-Jones", role="victim")
    naming = Supplement.objects.create(incident=incident, author=sro, text="Spoke with privateperson and Mary.")
    silent = Supplement.objects.create(incident=incident, author=sro, text="Follow-up with the counsellor. Robinson.")
    run()
    reviews = {(review.target, review.supplement_id): review for review in RedactionReview.objects.all()}
    assert set(reviews) == {("school_response_note", None), ("supplement", naming.pk)}
    assert reviews[("school_response_note", None)].proposed_text == "Called [redacted]'s mother."
    assert reviews[("supplement", naming.pk)].proposed_text == "Spoke with [redacted] and [redacted]."
    assert reviews[("supplement", naming.pk)].matches == 2
    # The texts themselves wait for the coordinator.
    naming.refresh_from_db()
    assert naming.text == "Spoke with privateperson and Mary." and silent.pk not in {
        review.supplement_id for review in reviews.values()}


def test_the_run_is_in_the_audit_log_with_counts_and_no_names(school, sro):
    incident = closed_incident(school, narrative="Robin Privateperson pushed Alex.")
    PersonFactory(incident=incident, name="Robin Privateperson")
    PersonFactory(incident=incident, name="Alex Example")
    Supplement.objects.create(incident=incident, author=sro, text="Alex's father came.")
    run()
    event = AuditEvent.objects.get(event=AuditEvent.Event.RETENTION)
    assert event.outcome == AuditEvent.Outcome.SUCCESS
    assert event.detail == {"cutoff": "2026-06-01", "incidents": 1, "people": 2, "texts_flagged": 2,
                            "history_rows_scrubbed": 2, "dry_run": False, "retention_years": 5}
    stored = repr(list(AuditEvent.objects.values())) + repr(list(RedactionReview.objects.values()))
    assert "Robin" not in stored and "Alex" not in stored and "Privateperson" not in stored


def test_the_incident_page_shows_the_band_and_not_the_name(client, coordinator, school):
    incident = closed_incident(school)
    PersonFactory(incident=incident, name="Robin Privateperson", age=13)
    run()
    client.force_login(coordinator)
    response = client.get(reverse("incidents:incident_detail", args=[incident.pk]))
    assert "(de-identified)" in response.text and "12 to 14" in response.text
    assert "Robin" not in response.text


# Matching names -------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("robin and PRIVATEPERSON", "[redacted] and [redacted]"),
    ("Robin Privateperson left.", "[redacted] left."),
    ("Robinson is someone else; so is Robins.", "Robinson is someone else; so is Robins."),
    ("Robin's bag, (Robin).", "[redacted]'s bag, ([redacted])."),
    ("Anne-Marie and Anne and Marie-Claire", "[redacted] and [redacted] and [redacted]-Claire"),
    ("J. was there", "J. was there"),  # an initial alone is not searched for
    ("ÉLODIE met Émond", "[redacted] met [redacted]"),
])
def test_names_match_as_whole_words_in_any_case(text, expected):
    pattern = name_pattern(["Robin  Privateperson", "Anne-Marie Dupont", "J. Smith", "élodie émond"])
    assert redact(text, pattern)[0] == expected


def test_no_names_no_pattern():
    assert name_pattern(["", " "]) is None
    assert redact("Robin", None) == ("Robin", 0)

