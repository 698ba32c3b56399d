"""Requests for help: the school raises one; its SRO takes it as a draft incident or declines it."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from incidents import services
from incidents.models import HelpRequest, Incident, Status

from .factories import HelpRequestFactory


@pytest.fixture
def help_request(school, principal):
    return HelpRequestFactory(school=school, raised_by=principal)


FORM = {
    "occurred_at": "2025-10-14T10:30", "reported_at": "2025-10-14T10:45", "location": "grounds",
    "category": "trespass", "severity": "low", "narrative": "Youths at the back doors.",
}


def test_the_principal_raises_a_request_for_their_school(client, principal, school):
    client.force_login(principal)
    response = client.post(reverse("incidents:request_create"),
                           {"school": school.pk, "subject": "Loitering", "details": "Every lunch."})
    help_request = HelpRequest.objects.get()
    assert response.url == reverse("incidents:request_detail", args=[help_request.pk])
    assert (help_request.raised_by, help_request.state) == (principal, HelpRequest.State.OPEN)


def test_a_request_for_another_school_is_refused(client, principal, other_school):
    client.force_login(principal)
    response = client.post(reverse("incidents:request_create"),
                           {"school": other_school.pk, "subject": "Loitering", "details": "Every lunch."})
    assert "Select a valid choice" in response.text
    assert not HelpRequest.objects.exists()


def test_the_sro_takes_a_request_as_a_linked_draft_incident(client, sro, help_request, school):
    client.force_login(sro)
    response = client.post(reverse("incidents:request_convert", args=[help_request.pk]), {**FORM, "school": school.pk})
    incident = Incident.objects.get()
    assert response.url == reverse("incidents:incident_detail", args=[incident.pk])
    help_request.refresh_from_db()
    assert (help_request.state, help_request.incident, help_request.handled_by) == ("converted", incident, sro)
    assert incident.status == Status.DRAFT


def test_the_take_form_is_prefilled_from_the_request(client, sro, help_request):
    client.force_login(sro)
    response = client.get(reverse("incidents:request_convert", args=[help_request.pk]))
    assert help_request.details in response.text


def test_the_sro_declines_with_a_reason(client, sro, help_request):
    client.force_login(sro)
    client.post(reverse("incidents:request_decline", args=[help_request.pk]), {"reason": "A school matter."})
    help_request.refresh_from_db()
    assert (help_request.state, help_request.decline_reason) == ("declined", "A school matter.")


def test_declining_without_a_reason_is_refused(client, sro, help_request):
    client.force_login(sro)
    response = client.post(reverse("incidents:request_decline", args=[help_request.pk]), {"reason": ""})
    assert response.status_code == 400
    help_request.refresh_from_db()
    assert help_request.state == HelpRequest.State.OPEN


def test_a_handled_request_cannot_be_handled_again(sro, help_request):
    services.help_request_decline(help_request=help_request, actor=sro, reason="No.")
    stale = HelpRequest.objects.get(pk=help_request.pk)
    stale.state = HelpRequest.State.OPEN
    with pytest.raises(ValidationError, match="already handled"):
        services.help_request_decline(help_request=stale, actor=sro, reason="Again.")


def test_a_handled_request_offers_no_buttons_and_refuses_taking(client, sro, help_request):
    services.help_request_decline(help_request=help_request, actor=sro, reason="No.")
    client.force_login(sro)
    assert "Take as an incident" not in client.get(reverse("incidents:request_detail", args=[help_request.pk])).text
    assert client.get(reverse("incidents:request_convert", args=[help_request.pk])).status_code == 403


def test_the_list_shows_open_requests_by_default(client, sro, help_request, school, principal):
    declined = HelpRequestFactory(school=school, raised_by=principal, subject="Old one", state="declined",
                                  decline_reason="No.", handled_at=help_request.raised_at)
    client.force_login(sro)
    response = client.get(reverse("incidents:request_list"))
    assert help_request.subject in response.text and declined.subject not in response.text
    assert declined.subject in client.get(reverse("incidents:request_list"), {"state": "all"}).text


def test_the_list_has_no_request_out_of_scope(client, outsider, help_request):
    client.force_login(outsider)
    assert help_request.subject not in client.get(reverse("incidents:request_list"), {"state": "all"}).text


@pytest.mark.parametrize("count", [2, 20])
def test_the_request_list_runs_a_fixed_number_of_queries(client, coordinator, school, principal, count,
                                                         django_assert_num_queries):
    HelpRequestFactory.create_batch(count, school=school, raised_by=principal)
    client.force_login(coordinator)
    # One of them: the subjects waiting on the redaction review, for every row at once.
    with django_assert_num_queries(7):
        client.get(reverse("incidents:request_list"))
