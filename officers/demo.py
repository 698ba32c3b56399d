"""Demo officer: the `sro` user, assigned to ten Winnipeg School Division schools."""

import datetime

from accounts.models import User
from schools.models import PoliceService, School

from .models import Assignment, Officer

DEMO_ASSIGNMENT_START = datetime.date(2023, 9, 1)


def seed(ctx):
    wps = PoliceService.objects.get(name="Winnipeg Police Service")
    officer, _ = Officer.objects.get_or_create(
        user=User.objects.get(username="sro"),
        defaults={
            "badge_number": "4102",
            "rank": "Constable",
            "police_service": wps,
            "joined_service_on": datetime.date(2012, 5, 14),
            "became_sro_on": DEMO_ASSIGNMENT_START,
        },
    )
    # Include the demo principal's school, so the SRO's incidents reach the principal's queue.
    principal_school = School.objects.get(role_grants__user__username="principal")
    others = School.objects.filter(division__code="WSD").exclude(pk=principal_school.pk)
    schools = [principal_school, *others.order_by("name")[:9]]
    for school in schools:
        Assignment.objects.get_or_create(
            officer=officer, school=school, start=DEMO_ASSIGNMENT_START
        )
