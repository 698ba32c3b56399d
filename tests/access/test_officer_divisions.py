"""Officers are scoped by division, not by police service (issue 12, finding 3).

One police service serves two divisions (Winnipeg and Pembina Trails, as in the program). The
Pembina Trails coordinator:

- never reaches an officer assigned only in Winnipeg: every page, form, export and filter choice
  about them is a 404 or leaves them out, and every write is refused with nothing written;
- sees the officers of the service who have no current assignment, and may give them a first
  assignment at a Pembina Trails school (but not change their record: that needs a current
  assignment in the division);
- sees an officer who moved from Pembina Trails to Winnipeg, with only the Pembina Trails
  assignments and their history, and may change nothing about them.

The rule is OfficerQuerySet.visible_to / manageable_by / assignable_by (officers/models.py).
"""

import datetime

import pytest
from django.urls import reverse

from accounts.models import Role
from officers.models import Assignment, TermExtension, TrainingRecord
from tests.factories import AssignmentFactory, SchoolDivisionFactory, SchoolFactory, user_with_role
from tests.officers.factories import TrainingRecordFactory, course, officer_for

EXTENSION = {"new_end": "2031-06-30", "reason": "Continuity for the school year"}


@pytest.fixture
def pembina(division):
    """A second division served by the same police service as `division` (Winnipeg)."""
    return SchoolDivisionFactory(name="Pembina Trails School Division", code="PTSD",
                                 province=division.province, police_service=division.police_service)


@pytest.fixture
def pembina_school(pembina):
    return SchoolFactory(division=pembina, name="Vincent Massey Collegiate")


@pytest.fixture
def pembina_coordinator(pembina, pembina_school):
    """The Pembina Trails coordinator (the division has a school: a division without one is no one's scope)."""
    return user_with_role(Role.COORDINATOR, division=pembina, username="ptcoordinator")


@pytest.fixture
def winnipeg_officer(sro):
    """The shared SRO's officer: assigned at a Winnipeg school only, of the service serving both."""
    return sro.officer


@pytest.fixture
def unassigned_officer(division):
    return officer_for(division)


@pytest.fixture
def moved_officer(division, school, pembina_school):
    """Served Vincent Massey (Pembina Trails) until 2023, at Kelvin (Winnipeg) since."""
    officer = officer_for(division)
    AssignmentFactory(officer=officer, school=pembina_school, start=datetime.date(2020, 9, 1),
                      end=datetime.date(2023, 6, 30))
    AssignmentFactory(officer=officer, school=school, start=datetime.date(2023, 9, 1))
    TrainingRecordFactory(officer=officer, course=course("vtra-level-1"), completed_on=datetime.date(2024, 2, 1))
    return officer


def _officer_urls(officer):
    assignment = officer.assignments.order_by("-start").first()
    return [
        reverse("officers:officer_detail", args=[officer.pk]),
        reverse("officers:officer_history", args=[officer.pk]),
        reverse("officers:officer_history_export", args=[officer.pk]),
        reverse("officers:assignment_create", args=[officer.pk]),
        reverse("officers:term_extension_create", args=[officer.pk]),
        reverse("officers:training_record_create", args=[officer.pk]),
        reverse("officers:assignment_end", args=[assignment.pk]),
        reverse("officers:assignment_reassign", args=[assignment.pk]),
    ]


def _snapshot():
    return (TermExtension.objects.count(), TrainingRecord.objects.count(),
            list(Assignment.objects.order_by("pk").values_list("pk", "end")))


def _writes(officer, school):
    """Each write about `officer`, with valid data, as (url, data)."""
    assignment = officer.assignments.order_by("-start").first()
    return [
        (reverse("officers:term_extension_create", args=[officer.pk]), EXTENSION),
        (reverse("officers:training_record_create", args=[officer.pk]),
         {"course": course("nasro-basic").pk, "completed_on": "2024-05-01"}),
        (reverse("officers:assignment_create", args=[officer.pk]), {"school": school.pk, "start": "2025-09-02"}),
        (reverse("officers:assignment_end", args=[assignment.pk]), {"end": "2025-06-30"}),
        (reverse("officers:assignment_reassign", args=[assignment.pk]),
         {"to_officer": officer.pk, "on_date": "2025-09-02"}),
    ]


# An officer assigned only in another division of the same police service -------------------------

@pytest.mark.parametrize("index", range(8))
def test_every_page_about_an_officer_of_another_division_is_404(client, pembina_coordinator, winnipeg_officer,
                                                                 index):
    client.force_login(pembina_coordinator)
    assert client.get(_officer_urls(winnipeg_officer)[index]).status_code == 404


@pytest.mark.parametrize("index", range(5))
def test_no_write_reaches_an_officer_of_another_division(client, pembina_coordinator, winnipeg_officer,
                                                         pembina_school, index):
    client.force_login(pembina_coordinator)
    before = _snapshot()
    url, data = _writes(winnipeg_officer, pembina_school)[index]
    assert client.post(url, data).status_code == 404
    assert _snapshot() == before


def test_the_division_coordinator_makes_the_same_writes(client, coordinator, winnipeg_officer, school):
    """The control: the same posts by the Winnipeg coordinator go through."""
    client.force_login(coordinator)
    for url, data in _writes(winnipeg_officer, school)[:2]:
        assert client.post(url, data).status_code == 302
    assert (TermExtension.objects.count(), TrainingRecord.objects.count()) == (1, 1)


def test_an_officer_of_another_division_is_in_no_list_export_or_choice(client, pembina_coordinator,
                                                                       winnipeg_officer, pembina_school):
    client.force_login(pembina_coordinator)
    badge = winnipeg_officer.badge_number
    officer_list = client.get(reverse("officers:officer_list"))
    assert winnipeg_officer not in officer_list.context["filter"].qs
    assert winnipeg_officer not in officer_list.context["filter"].filters["officer"].queryset
    assert badge not in client.get(reverse("officers:officer_export")).getvalue().decode()
    chosen = client.get(reverse("officers:officer_list"), {"officer": winnipeg_officer.pk})
    assert chosen.context["filter"].errors  # not a valid choice: the same answer as for no such officer
    pembina_officer = officer_for(pembina_school.division)
    here = AssignmentFactory(officer=pembina_officer, school=pembina_school)
    reassign = client.get(reverse("officers:assignment_reassign", args=[here.pk]))
    assert winnipeg_officer not in reassign.context["form"].fields["to_officer"].queryset


# An officer of the service without a current assignment ---------------------------------------------

def test_an_unassigned_officer_of_the_service_is_visible_and_assignable(client, pembina_coordinator,
                                                                        unassigned_officer, pembina_school):
    client.force_login(pembina_coordinator)
    assert unassigned_officer in client.get(reverse("officers:officer_list")).context["filter"].qs
    page = client.get(reverse("officers:officer_detail", args=[unassigned_officer.pk]))
    assert page.status_code == 200
    assert reverse("officers:assignment_create", args=[unassigned_officer.pk]) in page.text
    response = client.post(reverse("officers:assignment_create", args=[unassigned_officer.pk]),
                           {"school": pembina_school.pk, "start": "2025-09-02"})
    assert response.status_code == 302
    assert unassigned_officer.assignments.get().school == pembina_school


def test_an_unassigned_officer_is_a_choice_when_handing_a_school_over(client, pembina_coordinator,
                                                                      unassigned_officer, pembina_school):
    here = AssignmentFactory(officer=officer_for(pembina_school.division), school=pembina_school)
    client.force_login(pembina_coordinator)
    form = client.get(reverse("officers:assignment_reassign", args=[here.pk])).context["form"]
    assert unassigned_officer in form.fields["to_officer"].queryset


@pytest.mark.parametrize("index", range(2))
def test_the_record_of_an_unassigned_officer_is_not_changed_before_an_assignment(
        client, pembina_coordinator, unassigned_officer, pembina_school, index):
    client.force_login(pembina_coordinator)
    url, data = [(reverse("officers:term_extension_create", args=[unassigned_officer.pk]), EXTENSION),
                 (reverse("officers:training_record_create", args=[unassigned_officer.pk]),
                  {"course": course("nasro-basic").pk, "completed_on": "2024-05-01"})][index]
    before = _snapshot()
    assert client.post(url, data).status_code == 404
    assert _snapshot() == before


# An officer who moved from the division to another ----------------------------------------------------

def test_an_officer_who_moved_away_is_shown_with_only_the_divisions_assignments(client, pembina_coordinator,
                                                                                moved_officer, school):
    client.force_login(pembina_coordinator)
    page = client.get(reverse("officers:officer_detail", args=[moved_officer.pk]))
    assert page.status_code == 200
    assert [a.school.name for a in page.context["assignments"]] == ["Vincent Massey Collegiate"]
    assert school.name not in page.text
    assert page.context["records_withheld"] and page.context["extensions"] == []
    for name in ("officers:assignment_create", "officers:term_extension_create", "officers:training_record_create"):
        assert reverse(name, args=[moved_officer.pk]) not in page.text


def test_the_history_of_an_officer_who_moved_away_holds_only_the_divisions_assignments(
        client, pembina_coordinator, moved_officer, school):
    client.force_login(pembina_coordinator)
    entries = client.get(reverse("officers:officer_history", args=[moved_officer.pk])).context["entries"]
    assert {entry.model.__name__ for entry in entries} == {"Assignment"}
    export = client.get(reverse("officers:officer_history_export", args=[moved_officer.pk])).getvalue().decode()
    assert "Vincent Massey Collegiate" in export and school.name not in export


def test_nothing_about_an_officer_who_moved_away_can_be_changed(client, pembina_coordinator, moved_officer,
                                                                pembina_school):
    client.force_login(pembina_coordinator)
    past = moved_officer.assignments.get(school=pembina_school)
    before = _snapshot()
    for url, data in [
        (reverse("officers:term_extension_create", args=[moved_officer.pk]), EXTENSION),
        (reverse("officers:training_record_create", args=[moved_officer.pk]),
         {"course": course("nasro-basic").pk, "completed_on": "2024-05-01"}),
        (reverse("officers:assignment_create", args=[moved_officer.pk]),
         {"school": pembina_school.pk, "start": "2025-09-02"}),
        (reverse("officers:assignment_end", args=[past.pk]), {"end": "2023-01-31"}),
    ]:
        assert client.post(url, data).status_code == 404, url
    assert _snapshot() == before
