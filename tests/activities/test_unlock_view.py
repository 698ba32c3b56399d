"""Coordinators unlock an entry whose edit window has passed (POST only); who and when are kept."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import sro_for

from .factories import log


@pytest.fixture
def locked(sro, school, yesterday):
    return log(sro, school, date=yesterday, created_at=timezone.now() - datetime.timedelta(days=30))


def unlock_url(activity):
    return reverse("activities:unlock", args=[activity.pk])


def test_a_coordinator_unlocks_and_who_and_when_are_recorded(client, coordinator, locked):
    client.force_login(coordinator)
    response = client.post(unlock_url(locked))
    assert response.url == reverse("activities:detail", args=[locked.pk])
    locked.refresh_from_db()
    assert locked.unlocked_by == coordinator
    assert timezone.now() - locked.unlocked_at < datetime.timedelta(minutes=1)
    assert not locked.is_locked()


def test_after_an_unlock_the_sro_may_edit(client, coordinator, sro, locked):
    client.force_login(coordinator)
    client.post(unlock_url(locked))
    client.force_login(sro)
    assert client.get(reverse("activities:edit", args=[locked.pk])).status_code == 200


def test_a_program_admin_may_unlock(client, program_admin, locked):
    client.force_login(program_admin)
    client.post(unlock_url(locked))
    locked.refresh_from_db()
    assert locked.unlocked_by == program_admin


def test_an_open_entry_is_left_as_it_is(client, coordinator, sro, school, yesterday):
    entry = log(sro, school, date=yesterday)
    client.force_login(coordinator)
    response = client.post(unlock_url(entry), follow=True)
    assert "This entry is not locked." in response.text
    entry.refresh_from_db()
    assert entry.unlocked_at is None


def test_unlock_refuses_get(client, coordinator, locked):
    client.force_login(coordinator)
    assert client.get(unlock_url(locked)).status_code == 405
    locked.refresh_from_db()
    assert locked.unlocked_at is None


def test_the_outsider_gets_404(client, outsider, locked):
    client.force_login(outsider)
    assert client.post(unlock_url(locked)).status_code == 404


@pytest.mark.parametrize("role_user", ["sro", "principal", "evaluator"])
def test_other_roles_get_403(client, role_user, locked, request):
    client.force_login(request.getfixturevalue(role_user))
    assert client.post(unlock_url(locked)).status_code == 403
    locked.refresh_from_db()
    assert locked.unlocked_at is None


def test_the_detail_page_offers_unlock_to_the_coordinator_only(client, coordinator, principal, locked):
    client.force_login(coordinator)
    assert unlock_url(locked) in client.get(reverse("activities:detail", args=[locked.pk])).text
    client.force_login(principal)
    assert unlock_url(locked) not in client.get(reverse("activities:detail", args=[locked.pk])).text


def test_the_detail_page_shows_who_unlocked(client, coordinator, locked):
    client.force_login(coordinator)
    client.post(unlock_url(locked))
    assert f"Unlocked by {coordinator}" in client.get(reverse("activities:detail", args=[locked.pk])).text


def test_an_sro_who_is_also_coordinator_elsewhere_cannot_unlock_their_own_entry(client, school, other_division, yesterday):
    from accounts.models import Role
    from tests.factories import grant

    user = grant(sro_for(school), Role.COORDINATOR, division=other_division)
    entry = log(user, school, date=yesterday, created_at=timezone.now() - datetime.timedelta(days=30))
    client.force_login(user)
    assert client.post(unlock_url(entry)).status_code == 404
