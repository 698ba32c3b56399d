from django.urls import reverse

from audit.models import AuditEvent


def test_the_school_export_is_recorded_with_its_row_count(client, coordinator, school, other_school, outside_school):
    client.force_login(coordinator)
    response = client.get(reverse("schools:school_export"), {"level": "high"})
    b"".join(response.streaming_content)
    event = AuditEvent.objects.get(event=AuditEvent.Event.EXPORT)
    assert (event.user, event.detail["export"], event.detail["rows"]) == (coordinator, "schools", 1)
    assert event.detail["filters"] == "level"
