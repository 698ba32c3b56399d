"""An SRO changes or deletes their own entry while it is open; after that it is locked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, Category

from .factories import log


def old(days=30):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def entry(sro, school, yesterday):
    return log(sro, school, date=yesterday, minutes=30, category=Category.INFORMAL_CONTACT)


def edit_data(entry, **changes):
    return {"date": entry.date.isoformat(), "school": entry.school_id, "minutes_preset": 60,
            "category": Category.LAW_ENFORCEMENT, **changes}


def test_the_edit_form_shows_the_entry(client, sro, entry):
    client.force_login(sro)
    form = client.get(reverse("activities:edit", args=[entry.pk])).context["form"]
    assert (form["category"].value(), form["minutes_preset"].value()) == (Category.INFORMAL_CONTACT, 30)


def test_a_duration_that_is_no_preset_shows_as_typed(client, sro, school, yesterday):
    activity = log(sro, school, date=yesterday, minutes=50)
    client.force_login(sro)
    form = client.get(reverse("activities:edit", args=[activity.pk])).context["form"]
    assert (form["minutes_preset"].value(), form["minutes"].value()) == (None, 50)


def test_an_open_entry_can_be_changed(client, sro, entry):
    client.force_login(sro)
    response = client.post(reverse("activities:edit", args=[entry.pk]), edit_data(entry))
    assert response.url == reverse("activities:my_log")
    entry.refresh_from_db()
    assert (entry.category, entry.minutes) == (Category.LAW_ENFORCEMENT, 60)
    assert entry.updated_at > entry.created_at


def test_a_change_is_validated_like_a_new_entry(client, sro, entry, today):
    client.force_login(sro)
    response = client.post(reverse("activities:edit", args=[entry.pk]),
                           edit_data(entry, date=(today + datetime.timedelta(days=3)).isoformat()))
    assert response.context["form"].errors == {"date": ["The date cannot be in the future."]}
    entry.refresh_from_db()
    assert entry.category == Category.INFORMAL_CONTACT


def test_a_locked_entry_cannot_be_changed(client, sro, school, yesterday):
    locked = log(sro, school, date=yesterday, created_at=old())
    client.force_login(sro)
    response = client.post(reverse("activities:edit", args=[locked.pk]), edit_data(locked), follow=True)
    assert "This entry is locked" in response.text
    locked.refresh_from_db()
    assert locked.category == Category.INFORMAL_CONTACT


def test_the_edit_page_of_a_locked_entry_sends_back_to_the_log(client, sro, school, yesterday):
    locked = log(sro, school, date=yesterday, created_at=old())
    client.force_login(sro)
    assert client.get(reverse("activities:edit", args=[locked.pk])).url == reverse("activities:my_log")


def test_an_unlocked_entry_can_be_changed_again(client, sro, school, yesterday, coordinator):
    unlocked = log(sro, school, date=yesterday, created_at=old(), unlocked_by=coordinator, unlocked_at=timezone.now())
    client.force_login(sro)
    client.post(reverse("activities:edit", args=[unlocked.pk]), edit_data(unlocked))
    unlocked.refresh_from_db()
    assert unlocked.category == Category.LAW_ENFORCEMENT


def test_the_edit_window_follows_the_setting(client, sro, school, yesterday, settings):
    settings.ACTIVITY_EDIT_DAYS = 40
    entry = log(sro, school, date=yesterday, created_at=old(30))
    client.force_login(sro)
    assert client.get(reverse("activities:edit", args=[entry.pk])).status_code == 200


def test_delete_asks_for_confirmation_first(client, sro, entry):
    client.force_login(sro)
    response = client.get(reverse("activities:delete", args=[entry.pk]))
    assert "Delete this entry?" in response.text
    assert Activity.objects.filter(pk=entry.pk).exists()


def test_an_open_entry_can_be_deleted(client, sro, entry):
    client.force_login(sro)
    response = client.post(reverse("activities:delete", args=[entry.pk]))
    assert response.url == reverse("activities:my_log")
    assert not Activity.objects.filter(pk=entry.pk).exists()


def test_a_locked_entry_cannot_be_deleted(client, sro, school, yesterday):
    locked = log(sro, school, date=yesterday, created_at=old())
    client.force_login(sro)
    client.post(reverse("activities:delete", args=[locked.pk]))
    assert Activity.objects.filter(pk=locked.pk).exists()


@pytest.mark.parametrize("name", ["activities:edit", "activities:delete"])
def test_another_sros_entry_is_404(client, sro, other_sro, other_school, yesterday, name):
    theirs = log(other_sro, other_school, date=yesterday)
    client.force_login(sro)
    assert client.post(reverse(name, args=[theirs.pk])).status_code == 404
    assert Activity.objects.filter(pk=theirs.pk, category=Category.INFORMAL_CONTACT).exists()


@pytest.mark.parametrize("name", ["activities:edit", "activities:delete"])
@pytest.mark.parametrize("role_user", ["principal", "coordinator", "evaluator", "program_admin", "outsider"])
def test_other_roles_get_403(client, entry, name, role_user, request):
    client.force_login(request.getfixturevalue(role_user))
    assert client.post(reverse(name, args=[entry.pk])).status_code == 403
    assert Activity.objects.filter(pk=entry.pk, category=Category.INFORMAL_CONTACT).exists()


@pytest.mark.parametrize("name", ["activities:edit", "activities:delete"])
def test_anonymous_is_sent_to_sign_in(client, entry, name):
    assert client.get(reverse(name, args=[entry.pk])).status_code == 302
