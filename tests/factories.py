"""factory_boy factories. Foreign keys stay consistent: a school's division, an officer's
police service and an assignment's school all belong to the same province's program."""

import datetime

import factory

from accounts.models import Role, RoleGrant, User
from officers.models import Assignment, Officer
from schools.models import PoliceService, Province, School, SchoolDivision


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Province
        django_get_or_create = ["code"]

    code = "MB"
    name = "Manitoba"


class PoliceServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PoliceService

    name = factory.Sequence(lambda n: f"Police Service {n}")
    province = factory.SubFactory(ProvinceFactory)


class SchoolDivisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchoolDivision

    name = factory.Sequence(lambda n: f"Division {n}")
    code = factory.Sequence(lambda n: f"D{n}")
    province = factory.SubFactory(ProvinceFactory)
    police_service = factory.SubFactory(
        PoliceServiceFactory, province=factory.SelfAttribute("..province")
    )


class SchoolFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = School

    division = factory.SubFactory(SchoolDivisionFactory)
    name = factory.Sequence(lambda n: f"School {n}")
    level = School.Level.ELEMENTARY
    lowest_grade = 0
    highest_grade = 6
    enrolment = 300


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"User{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("a-long-test-password")


class RoleGrantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleGrant

    user = factory.SubFactory(UserFactory)
    role = Role.COORDINATOR


class OfficerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Officer

    user = factory.SubFactory(UserFactory)
    badge_number = factory.Sequence(lambda n: f"{1000 + n}")
    rank = "Constable"
    police_service = factory.SubFactory(PoliceServiceFactory)
    joined_service_on = datetime.date(2010, 1, 1)
    became_sro_on = datetime.date(2020, 9, 1)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    officer = factory.SubFactory(OfficerFactory)
    school = factory.SubFactory(SchoolFactory)
    start = datetime.date(2020, 9, 1)
    end = None


def grant(user, role, *, division=None, school=None):
    RoleGrant.objects.create(user=user, role=role, division=division, school=school)
    # A user object caches its grants; drop the cache so the new grant takes effect.
    user.__dict__.pop("grants", None)
    user.__dict__.pop("roles", None)
    return user


def user_with_role(role, *, division=None, school=None, **kwargs):
    return grant(UserFactory(**kwargs), role, division=division, school=school)


def sro_for(*schools, start=datetime.date(2020, 9, 1), **kwargs):
    """A user with the SRO role, an officer profile and current assignments to `schools`."""
    user = user_with_role(Role.SRO, **kwargs)
    service = schools[0].division.police_service if schools else PoliceServiceFactory()
    officer = OfficerFactory(user=user, police_service=service)
    for school in schools:
        AssignmentFactory(officer=officer, school=school, start=start)
    return user
