"""Activity factories. An activity's officer and school default to a consistent pair: an
officer assigned to the school (in the school's division's police service)."""

import datetime

import factory

from activities.models import Activity, Category
from tests.factories import AssignmentFactory, OfficerFactory, SchoolFactory


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity
        skip_postgeneration_save = True

    school = factory.SubFactory(SchoolFactory)
    officer = factory.SubFactory(
        OfficerFactory, police_service=factory.SelfAttribute("..school.division.police_service")
    )
    date = datetime.date(2026, 10, 5)
    minutes = 30
    category = Category.INFORMAL_CONTACT

    @factory.post_generation
    def assigned(self, create, extracted, **kwargs):
        """Give a new officer an assignment to the school (skipped when `assigned=False`, or
        when the officer already has one)."""
        if not create or extracted is False:
            return
        if not self.officer.assignments.filter(school=self.school).exists():
            AssignmentFactory(officer=self.officer, school=self.school, start=datetime.date(2020, 9, 1))


def log(user, school, **kwargs) -> Activity:
    """An entry of the SRO `user` at `school` (saved as is: no rules checked)."""
    return ActivityFactory(officer=user.officer, school=school, **kwargs)
