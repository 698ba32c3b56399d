from django.http import Http404
from django.test import override_settings
from django.urls import include, path, reverse

from audit.models import AuditEvent
from tests.factories import SchoolFactory


def test_a_404_on_an_object_outside_scope_is_recorded_then_rendered(client, outsider, school):
    client.force_login(outsider)
    response = client.get(reverse("schools:school_detail", args=[school.pk]))
    assert response.status_code == 404
    event = AuditEvent.objects.get(event=AuditEvent.Event.ACCESS_REFUSED)
    assert (event.user, event.outcome) == (outsider, "denied")
    assert event.detail["status"] == 404
    assert event.detail["view"] == "schools:school_detail"


def test_a_404_for_an_anonymous_visitor_leaves_no_address_behind(client, db):
    def missing(request):
        raise Http404

    urlconf = type("urls", (), {"urlpatterns": [path("public/", missing), path("", include("sro_portal.urls"))]})
    with override_settings(ROOT_URLCONF=urlconf):
        assert client.get("/public/").status_code == 404
    assert not AuditEvent.objects.exists()


def test_a_403_for_the_wrong_role_is_recorded(client, evaluator):
    client.force_login(evaluator)
    assert client.get(reverse("audit:event_list")).status_code == 403
    assert AuditEvent.objects.get(event=AuditEvent.Event.ACCESS_REFUSED).detail["status"] == 403


def test_signed_in_pages_are_not_stored_by_browsers(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("home"))["Cache-Control"] == "no-store, private"


def test_an_admin_change_is_mirrored_without_the_object_name(client, superuser, school):
    client.force_login(superuser)
    url = reverse("admin:schools_school_change", args=[school.pk])
    data = {"division": school.division_id, "name": "Renamed School", "level": "high", "lowest_grade": 9,
            "highest_grade": 12, "address": "", "enrolment": 10, "active": "on"}
    assert client.post(url, data).status_code == 302
    event = AuditEvent.objects.get(event=AuditEvent.Event.ADMIN_ACTION)
    assert (event.object_type, event.object_id, event.detail["action"]) == ("schools.school", str(school.pk), "change")
    assert "Renamed" not in str(event.detail)


def test_a_bulk_delete_in_the_admin_is_mirrored_row_by_row(client, superuser, division):
    schools = [SchoolFactory(division=division) for _ in range(3)]
    client.force_login(superuser)
    client.post(reverse("admin:schools_school_changelist"), {
        "action": "delete_selected", "_selected_action": [s.pk for s in schools], "post": "yes"})
    deleted = AuditEvent.objects.filter(event=AuditEvent.Event.ADMIN_ACTION, detail__action="delete")
    assert sorted(deleted.values_list("object_id", flat=True)) == sorted(str(s.pk) for s in schools)


def test_an_admin_password_reset_is_recorded_as_a_password_change(client, superuser, coordinator):
    client.force_login(superuser)
    client.post(reverse("admin:auth_user_password_change", args=[coordinator.pk]),
                {"password1": "a-new-long-passphrase", "password2": "a-new-long-passphrase"})
    event = AuditEvent.objects.get(event=AuditEvent.Event.PASSWORD_CHANGED)
    assert (event.user, event.object_id) == (superuser, str(coordinator.pk))
