"""One activity: visible to its author and to the roles whose scope holds its school."""

import pytest
from django.urls import reverse

from .factories import log


@pytest.fixture
def entry(sro, school, yesterday):
    return log(sro, school, date=yesterday, note="Lunch-hour visit")


def detail(client, user, activity):
    client.force_login(user)
    return client.get(reverse("activities:detail", args=[activity.pk]))


@pytest.mark.parametrize("role_user", ["sro", "principal", "coordinator", "program_admin"])
def test_it_is_shown_in_scope(client, entry, role_user, request):
    response = detail(client, request.getfixturevalue(role_user), entry)
    assert response.status_code == 200
    assert "Lunch-hour visit" in response.text


def test_the_outsider_gets_404(client, outsider, entry):
    assert detail(client, outsider, entry).status_code == 404


def test_another_sro_gets_404(client, other_sro, entry):
    assert detail(client, other_sro, entry).status_code == 404


def test_an_evaluator_gets_403(client, evaluator, entry):
    assert detail(client, evaluator, entry).status_code == 403


def test_the_author_is_offered_change_while_open(client, sro, entry):
    assert reverse("activities:edit", args=[entry.pk]) in detail(client, sro, entry).text


def test_anonymous_is_sent_to_sign_in(client, entry):
    assert client.get(reverse("activities:detail", args=[entry.pk])).status_code == 302
