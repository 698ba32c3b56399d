"""Texts awaiting the redaction review, as each reader sees them (incidents.redaction): after the retention
run, a text still naming "Jordan Smith" is read as written only by those who reach the incident through
PEOPLE_ROLES; a program administrator (or a user whose people role is in another division) gets the
proposed redaction, and "withheld" in every copy of the change history, on every page and in every export.
Once the review is confirmed, everyone reads the redacted text."""

import html
import re

import pytest
from django.urls import reverse

from accounts.models import Role
from incidents.models import HelpRequest, Incident, RedactionReview, Supplement, ThreatAssessment
from incidents.redaction import readable_texts
from incidents.retention import redaction_decide
from tests.factories import grant

from .factories import AssessmentFactory, HelpRequestFactory, PersonFactory
from .retention_helpers import NOW, closed_incident, run

pytestmark = [pytest.mark.django_db, pytest.mark.time_machine(NOW, tick=False)]

NAME = re.compile(r"jordan|smith", re.IGNORECASE)
WITHHELD_NOTE = "the text as written is withheld until the review"
WITHHELD_COPY = "[withheld until the redaction review]"


@pytest.fixture
def retained(settings, school, sro, principal):
    """An incident closed long ago whose texts name Jordan Smith (some copies of its history too),
    after the retention run: every text is on the redaction review."""
    settings.INCIDENTS_RETENTION_YEARS = 5
    incident = closed_incident(school, created_by=sro, narrative="Jordan pushed a student.",
                               school_response_note="Called the parents of Jordan Smith.",
                               school_response_by=principal, school_response_at=NOW)
    # A later version of the narrative: the change history keeps both copies, both naming Jordan.
    incident.narrative = "Jordan Smith pushed a student in the hallway."
    incident.save()
    PersonFactory(incident=incident, name="Jordan Smith")
    Supplement.objects.create(incident=incident, author=sro, text="Smith apologised to the student.")
    AssessmentFactory(incident=incident, created_by=sro, data_gathered="Jordan's notebook; two interviews.",
                      outcome="Jordan Smith is doing well.")
    HelpRequestFactory(school=school, raised_by=principal, subject="Please talk to Jordan Smith",
                       details="Jordan Smith pushed a student.", state=HelpRequest.State.CONVERTED,
                       handled_by=sro, handled_at=NOW, incident=incident)
    run()
    assert RedactionReview.objects.filter(incident=incident).pending().count() == 7
    return incident


@pytest.fixture
def admin_and_coordinator_elsewhere(program_admin, other_division):
    """A program administrator who also coordinates another division: a people role, but not here."""
    return grant(program_admin, Role.COORDINATOR, division=other_division)


def page_text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode("utf-8-sig")


def history_urls(incident):
    return [reverse("incidents:incident_history", args=[incident.pk]),
            reverse("incidents:incident_history_export", args=[incident.pk])]


def confirm_all(incident, reviewer):
    for review in RedactionReview.objects.filter(incident=incident).pending():
        redaction_decide(review=review, actor=reviewer, version=review.version, text=review.proposed_text)


# The rule ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("who", "reads_as_written"), [
    ("sro", True), ("principal", True), ("coordinator", True), ("program_admin", False),
    ("admin_and_coordinator_elsewhere", False),
])
def test_only_the_people_roles_of_the_incident_read_a_text_awaiting_review(request, retained, who,
                                                                           reads_as_written):
    texts = readable_texts(request.getfixturevalue(who), incidents=[retained.pk])
    for review in RedactionReview.objects.filter(incident=retained):
        model, pk, field = review.text_key()
        shown = texts.get(model.objects.get(pk=pk), field)
        assert shown.withheld is not reads_as_written, (review.target, who)
        assert bool(NAME.search(shown.text)) is reads_as_written, (review.target, who, shown.text)


def test_a_program_admin_who_coordinates_this_division_reads_them(retained, program_admin, division):
    grant(program_admin, Role.COORDINATOR, division=division)
    assert not readable_texts(program_admin, incidents=[retained.pk])


def test_the_rule_costs_one_query_for_any_number_of_incidents(retained, program_admin, school,
                                                              django_assert_num_queries):
    others = [closed_incident(school, narrative=f"Jordan Smith ran ({n}).") for n in range(5)]
    for other in others:
        PersonFactory(incident=other, name="Jordan Smith")
    run()
    readable_texts(program_admin, incidents=[retained.pk])  # the user's role grants, loaded once per user
    with django_assert_num_queries(1):
        texts = readable_texts(program_admin, incidents=Incident.objects.values("pk"))
    assert all(texts.get(other, "narrative").withheld for other in [retained, *others])


# Pages and exports ------------------------------------------------------------------------------

def test_the_program_admin_reads_the_proposal_on_the_incident_page(client, program_admin, retained):
    client.force_login(program_admin)
    text = client.get(retained.get_absolute_url()).text
    assert not NAME.search(text)
    assert "[redacted] pushed a student in the hallway." in text
    assert "Called the parents of [redacted]." in text
    assert "[redacted] apologised to the student." in text
    assert WITHHELD_NOTE in text


@pytest.mark.parametrize("who", ["program_admin", "admin_and_coordinator_elsewhere"])
def test_the_history_and_its_export_withhold_every_copy(client, request, retained, who):
    client.force_login(request.getfixturevalue(who))
    for url in history_urls(retained):
        response = client.get(url)
        assert response.status_code == 200, url
        text = page_text(response)
        assert not NAME.search(text), url
        assert WITHHELD_COPY in text, url


def test_the_coordinator_still_reads_and_reviews_the_texts(client, coordinator, retained):
    client.force_login(coordinator)
    assert "Jordan Smith pushed a student in the hallway." in client.get(retained.get_absolute_url()).text
    review = RedactionReview.objects.get(incident=retained, target=RedactionReview.Target.NARRATIVE)
    page = client.get(review.get_absolute_url()).text
    assert "Jordan Smith pushed a student in the hallway." in page and "Keep the text as it is" in page
    history = client.get(history_urls(retained)[0]).text
    assert "Jordan pushed a student." in history and WITHHELD_COPY not in history


def test_a_program_admin_may_not_keep_a_text_they_cannot_read(client, program_admin, retained):
    review = RedactionReview.objects.get(incident=retained, target=RedactionReview.Target.NARRATIVE)
    client.force_login(program_admin)
    page = client.get(review.get_absolute_url()).text
    assert not NAME.search(page) and "Keep the text as it is" not in page
    response = client.post(review.get_absolute_url(), {"text": "x", "version": review.version, "action": "keep"})
    assert response.status_code == 403
    review.refresh_from_db()
    assert review.is_pending


def test_after_the_review_everyone_reads_the_redacted_text(client, coordinator, program_admin, retained):
    confirm_all(retained, coordinator)
    client.force_login(program_admin)
    page = client.get(retained.get_absolute_url()).text
    assert "[redacted] pushed a student in the hallway." in page and WITHHELD_NOTE not in page
    for url in history_urls(retained):
        text = page_text(client.get(url))
        assert not NAME.search(text) and WITHHELD_COPY not in text, url
        assert "[redacted] pushed a student in the hallway." in text, url


# Every page and export a program administrator reaches ------------------------------------------

LINK = re.compile(r'href="(/[^"#]*)"')
# Not followed: static files, the sign-out and language forms' targets.
NOT_FOLLOWED = ("/static/", "/i18n/", "/accounts/logout")
MAX_PAGES = 600


def walk(client, start):
    """Every page reachable by links from `start` (and the URLs of `start`), once each: (url, status, text)."""
    queue, seen = list(start), set()
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or url.startswith(NOT_FOLLOWED):
            continue
        # The administration site's sorting and filter links make many copies of the same pages.
        if url.startswith("/admin/") and "?" in url:
            continue
        seen.add(url)
        response = client.get(url)
        text = page_text(response) if response.status_code == 200 else ""
        yield url, response.status_code, text
        if "html" in response.get("Content-Type", ""):
            queue += [html.unescape(link) for link in LINK.findall(text)]


@pytest.mark.parametrize("who", ["program_admin", "admin_and_coordinator_elsewhere"])
def test_no_page_or_export_names_the_person(client, request, retained, who):
    client.force_login(request.getfixturevalue(who))
    incident = retained.get_absolute_url()
    start = ["/", incident, *history_urls(retained), reverse("incidents:incident_export"),
             reverse("incidents:redaction_list")]
    visited = {}
    for url, status, text in walk(client, start):
        assert status < 500, url
        assert not NAME.search(text), f"{url} names the person"
        visited[url] = status
    reviews = [review.get_absolute_url() for review in RedactionReview.objects.visible_to(request.getfixturevalue(who))]
    must_see = [incident, *history_urls(retained), reverse("incidents:incident_export"),
                reverse("incidents:incident_list"), reverse("incidents:redaction_list"), *reviews, "/admin/"]
    assert reviews and all(visited.get(url) == 200 for url in must_see), {url: visited.get(url) for url in must_see}
    assert len(visited) > 40


# Filters ----------------------------------------------------------------------------------------

def test_no_list_filters_on_a_text_that_can_await_the_review():
    """A filter over such a text would tell, by whether a row matches, what the withheld words are."""
    import django_filters
    from django.apps import apps

    for config in apps.get_app_configs():
        try:
            __import__(f"{config.name}.filters")
        except ModuleNotFoundError:
            continue
    texts = {(Incident, "narrative"), (Incident, "school_response_note"), (Supplement, "text"),
             *((ThreatAssessment, field) for field in RedactionReview.ASSESSMENT_FIELDS.values()),
             *((HelpRequest, field) for field in RedactionReview.HELP_REQUEST_FIELDS.values())}

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    checked = 0
    for filterset in subclasses(django_filters.FilterSet):
        model = filterset._meta.model
        for name, declared in filterset.base_filters.items():
            target, parts = model, (declared.field_name or name).split("__")
            for part in parts:
                field = target._meta.get_field(part) if target and part in {
                    f.name for f in target._meta.get_fields()} else None
                if field is None:
                    break
                if field.is_relation:
                    target = field.related_model
                elif (target, field.name) in texts:
                    pytest.fail(f"{filterset.__name__}.{name} filters on {target.__name__}.{field.name}")
            checked += 1
    assert checked > 20


# A name left in earlier versions only -----------------------------------------------------------

def test_a_text_whose_earlier_version_named_the_person_awaits_the_review_too(client, settings, school, sro,
                                                                             coordinator, program_admin):
    settings.INCIDENTS_RETENTION_YEARS = 5
    incident = closed_incident(school, created_by=sro, narrative="Jordan Smith pushed a student.")
    incident.narrative = "A student was pushed."  # the history keeps the copy naming Jordan
    incident.save()
    PersonFactory(incident=incident, name="Jordan Smith")
    run()
    review = RedactionReview.objects.get(incident=incident, target=RedactionReview.Target.NARRATIVE)
    assert (review.proposed_text, review.matches) == ("A student was pushed.", 1)
    client.force_login(program_admin)
    for url in history_urls(incident):
        assert not NAME.search(page_text(client.get(url))), url
    client.force_login(coordinator)
    assert "an earlier version of it in the change history does" in client.get(review.get_absolute_url()).text
    client.post(review.get_absolute_url(), {"text": review.proposed_text, "version": review.version,
                                            "action": "confirm"})
    assert not Incident.history.filter(id=incident.pk, narrative__icontains="Jordan").exists()
