"""The quick log's own form carries the entry id too: a page posted twice logs once."""

import uuid

from django.urls import reverse

from activities.models import Activity, Category

URL = reverse("activities:log")


def form_data(school, on, client_id):
    return {"date": on.isoformat(), "school": school.pk, "category": Category.INFORMAL_CONTACT,
            "minutes_preset": "30", "action": "save", "client_id": client_id}


def test_each_page_carries_a_new_entry_id(client, sro):
    client.force_login(sro)
    first, second = client.get(URL).context["client_id"], client.get(URL).context["client_id"]
    assert isinstance(first, uuid.UUID) and first != second


def test_the_page_renders_its_entry_id_in_the_form(client, sro):
    client.force_login(sro)
    response = client.get(URL)
    assert f'<input type="hidden" name="client_id" value="{response.context["client_id"]}">' in response.text


def test_the_same_page_posted_twice_logs_once(client, sro, school, today):
    client.force_login(sro)
    data = form_data(school, today, str(uuid.uuid4()))
    client.post(URL, data)
    response = client.post(URL, data, follow=True)
    assert Activity.objects.count() == 1
    assert "This entry was already logged: it was not logged twice." in response.text


def test_a_form_without_an_id_logs_each_post(client, sro, school, today):
    client.force_login(sro)
    data = form_data(school, today, "")
    client.post(URL, data)
    client.post(URL, data)
    assert Activity.objects.count() == 2
    assert not Activity.objects.filter(client_id__isnull=False).exists()


def test_a_refused_post_keeps_its_entry_id(client, sro, school, today):
    client.force_login(sro)
    client_id = str(uuid.uuid4())
    response = client.post(URL, {**form_data(school, today, client_id), "category": ""})
    assert response.status_code == 200
    assert f'name="client_id" value="{client_id}"' in response.text


def test_the_page_gives_the_offline_script_its_user_and_addresses(client, sro):
    client.force_login(sro)
    html = client.get(URL).text
    assert f'data-user="{sro.pk}"' in html
    assert f'data-queue-url="{reverse("activities:log_queued")}"' in html
    assert 'id="offline-log-texts" type="application/json"' in html
    assert "Incidents and names are never kept on the phone." in html
    assert "No names of young people or anyone else" in html


def test_the_edit_page_has_no_offline_queue(client, sro, school, today):
    activity = Activity.objects.create(officer=sro.officer, school=school, date=today, minutes=30,
                                       category=Category.INFORMAL_CONTACT)
    client.force_login(sro)
    html = client.get(reverse("activities:edit", args=[activity.pk])).text
    assert "data-queue-url" not in html and 'name="client_id"' not in html
