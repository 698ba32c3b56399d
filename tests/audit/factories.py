import factory

from audit.models import AuditEvent


class AuditEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditEvent

    user = None
    username = factory.LazyAttribute(lambda e: e.user.username if e.user else "someone")
    event = AuditEvent.Event.SIGN_IN
    outcome = AuditEvent.Outcome.SUCCESS
    source_address = "192.0.2.10"
