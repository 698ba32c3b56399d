"""What the generated data sets of `manage.py seed_scale` share: their sizes, the calendar of school
days, a seeded random generator per part, and a progress line per phase. Each app's ``scale.py``
generates its own rows from a ScaleContext (the command runs them floor by floor)."""

import datetime
import random
import sys
import time
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Size:
    divisions: int
    schools: int
    officers: int
    activities: int
    incidents: int
    responses: int  # survey responses (answers: about 13 each)
    audit_events: int


# city ≈ Winnipeg; province: the size issue 14 measured; national: ten provinces (paper estimate).
SIZES = {
    "demo": Size(divisions=3, schools=40, officers=8, activities=20_000, incidents=1_000, responses=2_000,
                 audit_events=2_500),
    "city": Size(divisions=6, schools=300, officers=60, activities=300_000, incidents=15_000, responses=30_000,
                 audit_events=37_500),
    "province": Size(divisions=40, schools=1_900, officers=440, activities=2_000_000, incidents=100_000,
                     responses=200_000, audit_events=250_000),
    "national": Size(divisions=400, schools=19_000, officers=4_400, activities=20_000_000, incidents=1_000_000,
                     responses=2_000_000, audit_events=2_500_000),
}

# Users of every role that the benchmark signs in as (password: the seed's password).
BENCH_USERS = {
    "program_admin": "scale_admin",
    "coordinator_largest": "scale_coord_big",
    "coordinator": "scale_coord",
    "school_admin": "scale_principal",
    "evaluator": "scale_evaluator",
    "sro": "scale_sro",
}
# A published, bench-only two-step key (hex) for the users that must give a code. Never a real key.
SCALE_TOTP_KEY = "5343414c452d62656e63682d6f6e6c792d6b6579"


@dataclass
class ScaleContext:
    size_name: str
    size: Size
    seed: int
    today: datetime.date
    password_hash: str
    stdout: object = sys.stdout
    # Filled by the floors below for the floors above.
    data: dict = field(default_factory=dict)

    def rng_for(self, name: str) -> random.Random:
        """An independent generator per part: changing one part's data never changes another's."""
        return random.Random(f"{self.seed}:{name}")

    @property
    def period_start(self) -> datetime.date:
        """Activity and incidents cover the two school years before this one and this one so far."""
        year = self.today.year if self.today.month >= 9 else self.today.year - 1
        return datetime.date(year - 2, 9, 1)

    def aware(self, day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
        """A local time on `day`, as an aware datetime (the portal's time zone)."""
        return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=self.tz)

    @property
    def tz(self):
        from django.utils import timezone

        return timezone.get_current_timezone()

    def school_days(self) -> list[datetime.date]:
        return school_days(self.period_start, self.today)

    def progress(self, phase: str, total: int) -> "Progress":
        return Progress(phase, total, self.stdout)


def school_days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Weekdays in term time between `first` and `last`: September to June, without the winter
    break (22 December – 5 January) and a spring break (the last full week of March)."""
    days = []
    day = first
    while day <= last:
        if day.weekday() < 5 and day.month not in (7, 8) and not _on_break(day):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def _on_break(day: datetime.date) -> bool:
    if (day.month == 12 and day.day >= 22) or (day.month == 1 and day.day <= 5):
        return True
    return day.month == 3 and 23 <= day.day <= 29


class Progress:
    """A progress line for one phase: a bar redrawn in place on a terminal, a line per tenth
    otherwise (logs), and the rows per second at the end."""

    def __init__(self, phase: str, total: int, stdout):
        self.phase, self.total, self.stdout = phase, max(total, 1), stdout
        self.done = 0
        self.started = time.monotonic()
        self._shown_tenth = -1
        self._tty = getattr(getattr(stdout, "_out", stdout), "isatty", lambda: False)()

    def advance(self, count: int = 1):
        self.done += count
        tenth = min(10, 10 * self.done // self.total)
        if self._tty:
            filled = 30 * min(self.done, self.total) // self.total
            self.stdout.write(f"\r  {self.phase:<22} [{'#' * filled}{'.' * (30 - filled)}] {self.done:>10,}",
                              ending="")
            self.stdout.flush()
        elif tenth != self._shown_tenth:
            self._shown_tenth = tenth
            self.stdout.write(f"  {self.phase:<22} {10 * tenth:>3}% {self.done:>10,}")

    def finish(self, count: int | None = None):
        if count is not None:
            self.done = count
        seconds = time.monotonic() - self.started
        rate = self.done / seconds if seconds else 0
        prefix = "\r" if self._tty else ""
        self.stdout.write(f"{prefix}  {self.phase:<22} {self.done:>10,} rows in {seconds:6.1f} s ({rate:,.0f}/s)"
                          + " " * 20)

    def wrap(self, rows, every: int = 10_000):
        """Count the rows of an iterable as they are consumed (by a COPY, for instance)."""
        pending = 0
        for row in rows:
            yield row
            pending += 1
            if pending == every:
                self.advance(pending)
                pending = 0
        self.advance(pending)
