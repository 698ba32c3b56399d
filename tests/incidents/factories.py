import datetime

import factory
from django.utils import timezone

from incidents.models import (
    Category,
    HelpRequest,
    Incident,
    IncidentEvent,
    Location,
    PersonInvolved,
    PersonRole,
    Severity,
    Status,
    ThreatAssessment,
)
from tests.factories import SchoolFactory, UserFactory

OCCURRED = timezone.make_aware(datetime.datetime(2025, 10, 14, 10, 30))


class IncidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Incident

    school = factory.SubFactory(SchoolFactory)
    occurred_at = OCCURRED
    reported_at = factory.LazyAttribute(lambda i: i.occurred_at + datetime.timedelta(minutes=20))
    location = Location.HALLWAY
    category = Category.BULLYING
    severity = Severity.LOW
    narrative = "Two students argued in the hallway; the SRO spoke with both."
    created_by = factory.SubFactory(UserFactory)
    status = Status.DRAFT
    submitted_at = factory.LazyAttribute(lambda i: None if i.status == Status.DRAFT else i.reported_at)



class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonInvolved

    incident = factory.SubFactory(IncidentFactory)
    role = PersonRole.SUBJECT
    name = factory.Sequence(lambda n: f"Jordan Youngperson{n}")
    age = 14
    grade = 9
    is_student = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IncidentEvent

    incident = factory.SubFactory(IncidentFactory)
    actor = factory.SubFactory(UserFactory)
    to_status = Status.SUBMITTED


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpRequest

    school = factory.SubFactory(SchoolFactory)
    raised_by = factory.SubFactory(UserFactory)
    subject = "Older youths loitering at the back doors"
    details = "Staff saw a group near the back doors at lunch on three days."


class AssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ThreatAssessment

    incident = factory.SubFactory(IncidentFactory, status=Status.SUBMITTED)
    assessed_on = datetime.date(2025, 10, 15)
    team_members = "SRO\nPrincipal\nCounsellor"
    data_gathered = "Social-media posts, interviews with two staff members."
    risk_level = "medium"
    immediate_steps = "Parents informed; locker checked."
    intervention_plan = "Weekly check-ins with the counsellor."
    follow_up_on = datetime.date(2025, 11, 15)
    created_by = factory.SubFactory(UserFactory)
