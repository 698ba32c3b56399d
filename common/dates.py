"""Local days as instants: a period of local dates compared with stored times as two instants, so the
database reads an index instead of converting every row's time to a local date."""

import datetime

from django.utils import timezone


def start_of_day(day: datetime.date) -> datetime.datetime:
    """The first instant of `day`, in the portal's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def day_bounds(first: datetime.date, last: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The first instant of `first` and the first instant after `last`: `time >= start and time < end`."""
    return start_of_day(first), start_of_day(last + datetime.timedelta(days=1))
