"""The demo log: every officer with assignments, only on their assigned school days, with the
program's seasonal patterns; deterministic and idempotent."""

import datetime
import io
from collections import Counter

from django.db.models import Sum
from django.test import TestCase
from django.utils import timezone

from activities import demo
from activities.models import Activity, Category
from schools.management.commands.seed_demo import DemoContext
from tests.factories import AssignmentFactory, OfficerFactory, SchoolFactory


def run_seed():
    demo.seed(DemoContext(password="unused", stdout=io.StringIO()))


class DemoLogTests(TestCase):
    """Seeded once for the class (a few thousand rows): each test reads the same log."""

    @classmethod
    def setUpTestData(cls):
        schools = SchoolFactory.create_batch(3)
        cls.current = OfficerFactory(user__username="current")
        for school in schools[:2]:
            AssignmentFactory(officer=cls.current, school=school, start=datetime.date(2023, 9, 1))
        cls.moved = OfficerFactory(user__username="moved")
        AssignmentFactory(officer=cls.moved, school=schools[0], start=datetime.date(2022, 9, 1),
                          end=datetime.date(2024, 6, 30))
        AssignmentFactory(officer=cls.moved, school=schools[2], start=datetime.date(2024, 9, 1))
        cls.unassigned = OfficerFactory(user__username="unassigned")
        run_seed()

    def test_every_officer_with_assignments_gets_several_school_years(self):
        for officer in (self.current, self.moved):
            dates = Activity.objects.filter(officer=officer).values_list("date", flat=True)
            assert min(dates) < datetime.date(2023, 9, 15) and max(dates) >= datetime.date(2025, 6, 1), officer
        assert not Activity.objects.filter(officer=self.unassigned).exists()

    def test_entries_fall_only_on_days_the_officer_served_the_school(self):
        moved = Activity.objects.filter(officer=self.moved)
        first_school, later_school = (a.school for a in self.moved.assignments.order_by("start"))
        assert not moved.filter(school=first_school, date__gt=datetime.date(2024, 6, 30)).exists()
        assert not moved.filter(school=later_school, date__lt=datetime.date(2024, 9, 1)).exists()
        assert not Activity.objects.filter(date__lt=datetime.date(2023, 9, 1)).exists()

    def test_only_weekdays_of_the_school_year_up_to_yesterday(self):
        dates = set(Activity.objects.values_list("date", flat=True))
        assert all(d.weekday() < 5 for d in dates)
        assert not any(d.month in (7, 8) for d in dates)
        assert max(dates) < timezone.localdate()
        assert datetime.date(2024, 12, 25) not in dates and datetime.date(2024, 11, 11) not in dates

    def test_every_entry_obeys_the_rules(self):
        for activity in Activity.objects.select_related("school")[::100]:
            activity.full_clean()

    def test_more_presentations_in_autumn_and_spring(self):
        presentations = Activity.objects.filter(category=Category.PRESENTATION)
        per_month = Counter(presentations.values_list("date__month", flat=True))
        days = Counter(d.month for d in set(Activity.objects.values_list("date", flat=True)))
        rate = {m: per_month[m] / days[m] for m in days}
        assert min(rate[m] for m in (10, 11, 4, 5)) > max(rate[m] for m in (9, 12, 1, 6))

    def test_most_time_goes_to_informal_contact_and_law_enforcement(self):
        minutes = dict(Activity.objects.order_by().values_list("category").annotate(total=Sum("minutes")))
        top_two = sorted(minutes, key=minutes.get, reverse=True)[:2]
        assert set(top_two) == {Category.INFORMAL_CONTACT, Category.LAW_ENFORCEMENT}

    def test_entries_are_stamped_on_their_day_so_old_ones_are_locked(self):
        oldest = Activity.objects.order_by("date").first()
        assert oldest.created_at.date() == oldest.date
        assert oldest.is_locked()

    def test_seeding_twice_adds_nothing(self):
        before = Activity.objects.count()
        run_seed()
        assert Activity.objects.count() == before

    def test_the_log_is_deterministic(self):
        def fingerprint():
            return list(Activity.objects.order_by("officer__user__username", "date", "created_at").values_list(
                "officer__user__username", "school__name", "date", "minutes", "category", "topic", "students",
                "note"))

        before = fingerprint()
        Activity.objects.all().delete()
        run_seed()
        assert fingerprint() == before
