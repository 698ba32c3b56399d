"""Factories for the officers app. Officers belong to the police service of the division whose
schools they are assigned to."""

import datetime

import factory

from officers.models import Course, TermExtension, TrainingRecord
from tests.factories import AssignmentFactory, OfficerFactory, UserFactory


def officer_for(division, **kwargs):
    """An officer of the police service serving `division`."""
    return OfficerFactory(police_service=division.police_service, **kwargs)


def course(code):
    """A course of the catalogue (created by the data migration)."""
    return Course.objects.get(code=code)


class TermExtensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TermExtension

    officer = factory.SubFactory(OfficerFactory)
    new_end = datetime.date(2026, 8, 31)
    reason = "School year continuity"
    created_by = factory.SubFactory(UserFactory)


class TrainingRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TrainingRecord

    officer = factory.SubFactory(OfficerFactory)
    course = factory.LazyFunction(lambda: Course.objects.get(code="nasro-basic"))
    completed_on = datetime.date(2021, 3, 1)


__all__ = ["AssignmentFactory", "OfficerFactory", "TermExtensionFactory", "TrainingRecordFactory",
           "course", "officer_for"]
