from django.test import RequestFactory

from audit.models import AuditEvent
from audit.services import audit_export, audit_record, client_address


def test_audit_record_keeps_who_what_where_and_the_object(coordinator, school):
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    request.user = coordinator
    event = audit_record(request=request, event=AuditEvent.Event.EXPORT, outcome=AuditEvent.Outcome.SUCCESS,
                         obj=school)
    assert (event.user, event.username, event.source_address) == (coordinator, "coordinator", "192.0.2.7")
    assert (event.object_type, event.object_id) == ("schools.school", str(school.pk))


def test_audit_record_drops_passwords_and_names_from_the_detail(db):
    event = audit_record(event=AuditEvent.Event.SIGN_IN_FAILED, outcome=AuditEvent.Outcome.FAILURE,
                         detail={"password": "hunter2", "first_name": "Ava", "reason": "bad"})
    assert event.detail == {"reason": "bad"}


def test_client_address_ignores_forwarded_for_without_trusted_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert client_address(request) == "10.0.0.1"


def test_client_address_takes_the_address_the_trusted_proxy_saw(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1",
                                   HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.9")
    assert client_address(request) == "203.0.113.9"


def test_audit_export_records_the_filter_names_but_not_their_values(coordinator):
    request = RequestFactory().get("/", {"q": "Smith", "level": "high", "page": "2"})
    request.user = coordinator
    event = audit_export(request, "schools", count=3)
    assert event.detail == {"export": "schools", "filters": "level,q", "rows": 3}
