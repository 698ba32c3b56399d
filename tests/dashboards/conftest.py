"""The dashboards' tests run on a fixed day: 15 March 2026, in the school year 2025–26 (compared
with 2024–25)."""

import datetime

import pytest
from django.utils import timezone

NOW = timezone.make_aware(datetime.datetime(2026, 3, 15, 12, 0))


@pytest.fixture(autouse=True)
def _frozen_day(time_machine):
    time_machine.move_to(NOW, tick=False)


def at(year, month, day, hour=10, minute=0):
    """A local date and time (America/Winnipeg), aware."""
    return timezone.make_aware(datetime.datetime(year, month, day, hour, minute))
