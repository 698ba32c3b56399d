"""Reads across evaluation models: scoped fetches, lists, and survey results aggregated in the
database (a fixed number of queries whatever the number of schools or responses)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Avg, Count, DurationField, ExpressionWrapper, F, OuterRef, Q, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from accounts.models import Role
from common.dates import day_bounds
from common.suppression import INCIDENT_MINIMUM, SuppressedTable
from schools.models import School

from .filters import InstrumentFilter, SurveyFilter
from .models import (
    RESULTS_ROLES,
    SURVEY_ADMIN_ROLES,
    Answer,
    AttendanceRecord,
    CallForService,
    CodeBatch,
    Indicator,
    Instrument,
    ResponseCode,
    Survey,
    SurveyResponse,
    SurveyTally,
    school_year_start,
)
from .suppression import is_suppressed

# --- Fetch helpers ---------------------------------------------------------------------------


def get_instrument_for_user(user, pk) -> Instrument:
    return get_object_or_404(Instrument.objects.visible_to(user).select_related("owner"), pk=pk)


def get_survey_for_user(user, pk, *, roles=SURVEY_ADMIN_ROLES) -> Survey:
    """A survey running in at least one school the user sees through `roles`, or 404."""
    return get_object_or_404(
        Survey.objects.visible_to(user, roles=roles).select_related("instrument", "baseline__instrument"), pk=pk
    )


def get_batch_for_user(user, survey, pk) -> CodeBatch:
    """A code batch of `survey` for a school in the user's scope, or 404."""
    schools = School.objects.visible_to(user, roles=SURVEY_ADMIN_ROLES)
    return get_object_or_404(
        CodeBatch.objects.filter(survey=survey, school__in=schools).select_related("school", "school__division"),
        pk=pk,
    )


# --- Lists -----------------------------------------------------------------------------------


def instrument_list(*, user, filters=None) -> InstrumentFilter:
    queryset = Instrument.objects.visible_to(user).select_related("owner").annotate(
        question_count=Count("questions", distinct=True), survey_count=Count("surveys", distinct=True),
    ).order_by("-is_standard", "name", "audience", "pk")
    return InstrumentFilter(filters, queryset=queryset)


def _responses_in_scope(scope):
    """Each survey's responses at the schools in `scope`: on PostgreSQL added up from the survey's
    tallies (one row per school) rather than counted among hundreds of thousands of responses."""
    if connection.vendor == "postgresql":
        return Subquery(
            SurveyTally.objects.filter(survey=OuterRef("pk"), school__in=scope, key="r")
            .order_by().values("survey").annotate(total=Sum("n")).values("total")
        )
    return Subquery(
        SurveyResponse.objects.filter(survey=OuterRef("pk"), school__in=scope)
        .order_by().values("survey").annotate(n=Count("pk")).values("n")
    )


def survey_list(*, user, filters=None, roles=SURVEY_ADMIN_ROLES) -> SurveyFilter:
    """Surveys in the user's scope, each with the number of its schools and of its responses in
    that scope (never counting schools the user does not see)."""
    scope = School.objects.visible_to(user, roles=roles)
    queryset = (
        Survey.objects.visible_to(user, roles=roles)
        .select_related("instrument", "baseline")
        .annotate(
            # Subqueries, not a join: a join to the survey's schools would group every row and run the
            # response count once per school (10 s for a province's surveys).
            school_count=Coalesce(Subquery(
                Survey.schools.through.objects.filter(survey=OuterRef("pk"), school__in=scope).order_by()
                .values("survey").annotate(n=Count("pk")).values("n")), Value(0)),
            response_count=Coalesce(_responses_in_scope(scope), Value(0)),
        )
        .order_by("-school_year", "title", "pk")
    )
    return SurveyFilter(filters, queryset=queryset, user=user, roles=roles)


def survey_school_rows(*, survey, user) -> list[dict]:
    """For administering a survey: each school in scope with its codes and codes used."""
    scope = School.objects.visible_to(user, roles=SURVEY_ADMIN_ROLES)
    schools = survey.schools.filter(pk__in=scope.values("pk")).select_related("division")
    codes = {
        row["school"]: row
        for row in ResponseCode.objects.filter(survey=survey, school__in=scope).order_by()
        .values("school").annotate(codes=Count("pk"), used=Count("pk", filter=Q(used_on__isnull=False)))
    }
    return [{"school": s, "codes": codes.get(s.pk, {}).get("codes", 0), "used": codes.get(s.pk, {}).get("used", 0)}
            for s in schools]


# --- Results ---------------------------------------------------------------------------------


@dataclass
class Cell:
    """One group's figures for one question or indicator (or all responses)."""

    n: int = 0  # responses (indicator, group) or answers (question)
    favourable: int = 0
    scored: int = 0  # answers that can be favourable or not
    total: float = 0.0
    valued: int = 0  # answers with a numeric value

    def add(self, other: "Cell"):
        self.n += other.n
        self.favourable += other.favourable
        self.scored += other.scored
        self.total += other.total
        self.valued += other.valued

    @property
    def suppressed(self) -> bool:
        return is_suppressed(self.n)

    @property
    def percent(self) -> float | None:
        """Percentage of favourable answers, None when suppressed or not a scaled question."""
        if self.suppressed or not self.scored:
            return None
        return round(100 * self.favourable / self.scored, 1)

    @property
    def mean(self) -> float | None:
        if self.suppressed or not self.valued:
            return None
        return round(self.total / self.valued, 2)

    @property
    def shown_n(self) -> int | None:
        return None if self.suppressed else self.n


def _change(current: Cell, baseline: Cell | None):
    if baseline is None or current.percent is None or baseline.percent is None:
        return None
    return round(current.percent - baseline.percent, 1)


@dataclass
class Group:
    kind: str  # "all", "division", "school"
    label: str
    school_ids: set = field(default_factory=set)
    division: object = None


class _SurveyFigures:
    """Counts of one survey per school, and per division (the sums of its schools' shown figures).

    A figure over several schools (all schools, a division) adds up only the schools' figures
    that are shown themselves: a school suppressed for a question or indicator is left out of
    every total of it. Otherwise the total minus the schools shown would give the suppressed
    school's figures back (15 responses in all, 12 at Kelvin: Sisler's 3 are no secret).

    On PostgreSQL the figures come from SurveyTally (kept current by triggers); when the schools are
    not listed one by one (a province), the database adds them up per division, so a few hundred rows
    come back instead of one per school and question. Elsewhere, three grouped queries over answers.
    """

    def __init__(self, survey, schools_by_division: dict, *, per_school: bool = True):
        self.survey = survey
        self.division_schools = schools_by_division
        self.division_of = {s: d for d, ids in schools_by_division.items() for s in ids}
        self.school_ids = set(self.division_of)
        self._unions: dict = {}
        self.loaded = False
        if connection.vendor == "postgresql" and not per_school:
            self._division_sums_from_tallies()
        else:
            self._load_per_school()

    # Where the figures come from ------------------------------------------------------------------

    def _load_per_school(self):
        if connection.vendor == "postgresql":
            self._from_tallies(self.survey, self.school_ids)
        else:
            self._from_answers(self.survey, self.school_ids)
        self.loaded = True
        self._division_sums_from_rows()

    def _from_tallies(self, survey, school_ids):
        """One query over the survey's tallies: a few rows per school."""
        self.responses, self.by_question, self.by_indicator = {}, {}, {}
        for school_id, key, n, favourable, scored, total, valued in SurveyTally.objects.filter(
            survey=survey, school__in=school_ids, n__gt=0,
        ).values_list("school", "key", "n", "favourable", "scored", "total", "valued"):
            kind, _sep, rest = key.partition(":")
            row = {"n": n, "n_favourable": favourable, "scored": scored, "total": total, "valued": valued}
            if kind == "r":
                self.responses[school_id] = n
            elif kind == "q":
                self.by_question[(school_id, int(rest))] = row
            elif kind == "i":
                self.by_indicator[(school_id, rest)] = row

    def _from_answers(self, survey, school_ids):
        """Three grouped queries over the answers (SQLite, where there are no tallies)."""
        self.responses = {
            row["school"]: row["n"]
            for row in SurveyResponse.objects.filter(survey=survey, school__in=school_ids).order_by()
            .values("school").annotate(n=Count("pk"))
        }
        answers = Answer.objects.filter(response__survey=survey, response__school__in=school_ids).order_by()
        sums = {"n_favourable": Count("pk", filter=Q(favourable=True)),
                "scored": Count("pk", filter=Q(favourable__isnull=False)),
                "total": Coalesce(Sum("value"), 0.0), "valued": Count("value")}
        self.by_question = {
            (row["response__school"], row["question"]): row
            for row in answers.values("response__school", "question").annotate(n=Count("pk"), **sums)
        }
        self.by_indicator = {
            (row["response__school"], row["question__indicator"]): row
            for row in answers.values("response__school", "question__indicator")
            .annotate(n=Count("response", distinct=True), **sums)
        }

    def _division_sums_from_rows(self):
        """Per division and key: the sums of the schools' figures that are shown, and the schools left out."""
        self.sums, self.left_out_by_division = {}, defaultdict(int)
        for kind, rows in (("q", self.by_question), ("i", self.by_indicator)):
            for (school_id, key), row in rows.items():
                if not is_suppressed(row["n"]):
                    self.sums.setdefault((self.division_of[school_id], kind, str(key)), Cell()).add(_as_cell(row))
        for school_id, n in self.responses.items():
            division = self.division_of[school_id]
            if is_suppressed(n):
                self.left_out_by_division[division] += n > 0
            else:
                self.sums.setdefault((division, "r", ""), Cell()).add(Cell(n=n))

    def _division_sums_from_tallies(self):
        """The same sums, added up by the database (one query)."""
        shown = Q(n__gte=settings.SURVEY_MIN_RESPONSES)
        self.sums, self.left_out_by_division = {}, defaultdict(int)
        rows = (SurveyTally.objects.filter(survey=self.survey, school__in=self.school_ids, n__gt=0)
                .exclude(key__startswith="f:").order_by()
                .values("school__division", "key")
                .annotate(shown_n=Sum("n", filter=shown, default=0), fav=Sum("favourable", filter=shown, default=0),
                          scored_sum=Sum("scored", filter=shown, default=0),
                          total_sum=Sum("total", filter=shown, default=0.0),
                          valued_sum=Sum("valued", filter=shown, default=0),
                          hidden=Count("pk", filter=~shown)))
        for row in rows:
            kind, _sep, key = row["key"].partition(":")
            division = row["school__division"]
            if kind == "r":
                self.left_out_by_division[division] += row["hidden"]
            if row["shown_n"]:
                self.sums[(division, kind, key)] = Cell(n=row["shown_n"], favourable=row["fav"],
                                                        scored=row["scored_sum"], total=row["total_sum"],
                                                        valued=row["valued_sum"])

    # Figures of a group of schools ----------------------------------------------------------------

    def _whole_divisions(self, school_ids) -> list | None:
        """The divisions whose schools (in this scope) make up exactly `school_ids`, or None."""
        key = frozenset(school_ids)
        if key not in self._unions:
            divisions = {self.division_of[s] for s in key if s in self.division_of}
            whole = sum(len(self.division_schools[d]) for d in divisions) == len(key)
            self._unions[key] = sorted(divisions) if whole else None
        return self._unions[key]

    def _cell(self, kind, school_ids, key) -> Cell:
        divisions = self._whole_divisions(school_ids)
        cell = Cell()
        if divisions is not None:
            for division in divisions:
                if (found := self.sums.get((division, kind, str(key)))) is not None:
                    cell.add(found)
            return cell
        if not self.loaded:
            self._load_per_school()
        rows = self.by_question if kind == "q" else self.by_indicator
        for school_id in school_ids:
            row = rows.get((school_id, key))
            if row and not is_suppressed(row["n"]):
                cell.add(_as_cell(row))
        return cell

    def responses_cell(self, school_ids) -> Cell:
        divisions = self._whole_divisions(school_ids)
        if divisions is not None:
            return Cell(n=sum(self.sums[(d, "r", "")].n for d in divisions if (d, "r", "") in self.sums))
        if not self.loaded:
            self._load_per_school()
        return Cell(n=sum(n for s in school_ids if not is_suppressed(n := self.responses.get(s, 0))))

    def left_out(self, school_ids) -> int:
        """How many of these schools have responses, but too few to be shown or counted."""
        divisions = self._whole_divisions(school_ids)
        if divisions is not None:
            return sum(self.left_out_by_division[d] for d in divisions)
        if not self.loaded:
            self._load_per_school()
        return sum(1 for s in school_ids if self.responses.get(s, 0) > 0 and is_suppressed(self.responses[s]))

    def question_cell(self, school_ids, question_id) -> Cell:
        return self._cell("q", school_ids, question_id)

    def indicator_cell(self, school_ids, indicator) -> Cell:
        return self._cell("i", school_ids, indicator)


def _as_cell(row) -> Cell:
    return Cell(n=row["n"], favourable=row["n_favourable"], scored=row["scored"], total=row["total"] or 0.0,
                valued=row["valued"])


def results_scope(*, survey, user):
    """The survey's schools that the user may see results for (with their divisions)."""
    scope = School.objects.visible_to(user, roles=RESULTS_ROLES)
    return list(survey.schools.filter(pk__in=scope.values("pk")).select_related("division").order_by(
        "division__name", "name"))


def survey_results(*, survey, user, school=None, division=None, schools=None, max_school_rows=None) -> dict:
    """Results of `survey` over the schools the user may see (narrowed to one school or one
    division), with the baseline survey over the same schools. Every figure of a group with
    fewer than the minimum number of responses is suppressed.

    With `max_school_rows`, a scope of more schools than that (a province) lists its divisions
    only, not each school (`schools_hidden` says how many were left out): the page stays small,
    and choosing a division lists its schools."""
    schools = results_scope(survey=survey, user=user) if schools is None else schools
    if school is not None:
        schools = [s for s in schools if s.pk == school.pk]
    elif division is not None:
        schools = [s for s in schools if s.division_id == division.pk]
    school_ids = frozenset(s.pk for s in schools)
    by_division = defaultdict(set)
    for s in schools:
        by_division[s.division_id].add(s.pk)
    show_divisions = user.has_role(Role.COORDINATOR, Role.EVALUATOR, Role.PROGRAM_ADMIN)
    schools_hidden = (max_school_rows is not None and school is None and division is None and show_divisions
                      and len(schools) > max_school_rows)
    current = _SurveyFigures(survey, by_division, per_school=not schools_hidden)
    baseline = (_SurveyFigures(survey.baseline, by_division, per_school=not schools_hidden)
                if survey.baseline_id else None)
    questions = list(survey.instrument.questions.all())
    baseline_questions = (
        # Matched on the English text, the same in every interface language.
        {_english_key(q): q.pk for q in survey.baseline.instrument.questions.all()} if baseline else {}
    )
    indicators = [i for i in Indicator if any(q.indicator == i and q.is_scaled for q in questions)]

    def base(cell_for, key):
        return None if baseline is None or key is None else cell_for(baseline)(school_ids, key)

    indicator_rows = []
    for indicator in indicators:
        cell = current.indicator_cell(school_ids, indicator)
        before = base(lambda f: f.indicator_cell, indicator)
        indicator_rows.append({"indicator": indicator, "cell": cell, "baseline": before,
                               "change": _change(cell, before)})
    question_rows = []
    for question in questions:
        cell = current.question_cell(school_ids, question.pk)
        before = base(lambda f: f.question_cell, baseline_questions.get(_english_key(question)))
        question_rows.append({"question": question, "cell": cell, "baseline": before,
                              "change": _change(cell, before)})

    groups = [Group("all", "", school_ids)]
    if show_divisions:
        by_division = defaultdict(set)
        divisions = {}
        for s in schools:
            by_division[s.division_id].add(s.pk)
            divisions[s.division_id] = s.division
        groups += [Group("division", divisions[d].name, ids, divisions[d]) for d, ids in by_division.items()]
    if not schools_hidden:
        groups += [Group("school", s.name, {s.pk}, s.division) for s in schools]
    group_rows = []
    for group in groups:
        responses = current.responses_cell(group.school_ids)
        group_rows.append({
            "group": group,
            "responses": responses,
            "baseline_responses": baseline.responses_cell(group.school_ids) if baseline else None,
            "indicators": [current.indicator_cell(group.school_ids, i) for i in indicators],
        })
    return {
        "schools": schools,
        "responses": current.responses_cell(school_ids),
        "schools_left_out": current.left_out(school_ids),
        "baseline_responses": baseline.responses_cell(school_ids) if baseline else None,
        "indicators": indicators,
        "indicator_rows": indicator_rows,
        "question_rows": question_rows,
        "group_rows": group_rows,
        "schools_hidden": len(schools) if schools_hidden else 0,
    }


# --- Outcome data ----------------------------------------------------------------------------


def school_year_months(year: str) -> tuple[datetime.date, datetime.date]:
    start = school_year_start(year)
    return datetime.date(start, 9, 1), datetime.date(start + 1, 6, 30)


def _outcome_querysets(user, school_year):
    first, last = school_year_months(school_year)
    attendance = AttendanceRecord.objects.visible_to(user).filter(month__range=(first, last))
    start, end = day_bounds(first, last)
    calls = CallForService.objects.visible_to(user).filter(received_at__gte=start, received_at__lt=end)
    return attendance, calls


RESPONSE_TIME = ExpressionWrapper(F("on_scene_at") - F("received_at"), output_field=DurationField())


def outcome_per_school(*, user, school_year: str, school_ids=None) -> dict:
    """Attendance and calls for service per school in the user's scope for one school year
    (September to June), aggregated in the database: {school_id: {...}}."""
    attendance, calls = _outcome_querysets(user, school_year)
    if school_ids is not None:
        attendance = attendance.filter(school__in=school_ids)
        calls = calls.filter(school__in=school_ids)
    per_school = defaultdict(dict)
    for row in attendance.order_by().values("school").annotate(
        enrolled=Sum("enrolled_days"), absent=Sum("absent_days"), months=Count("pk")
    ):
        rate = 100 * (row["enrolled"] - row["absent"]) / row["enrolled"] if row["enrolled"] else None
        per_school[row["school"]].update(attendance_rate=rate, months=row["months"])
    for row in calls.order_by().values("school", "unit_type").annotate(n=Count("pk"), avg=Avg(RESPONSE_TIME)):
        per_school[row["school"]][row["unit_type"]] = {"n": row["n"], "minutes": _minutes(row["avg"])}
    return per_school


def outcome_totals(*, user, school_year: str) -> dict:
    """Calls and mean response time (received → on scene) by unit type over the user's scope."""
    _attendance, calls = _outcome_querysets(user, school_year)
    return {
        row["unit_type"]: {"n": row["n"], "minutes": _minutes(row["avg"])}
        for row in calls.order_by().values("unit_type").annotate(n=Count("pk"), avg=Avg(RESPONSE_TIME))
    }


CALL_UNITS = ("sro", "patrol")


def suppress_calls(per_school: dict, totals: dict) -> None:
    """For aggregates-only readers (evaluators), in place: calls-for-service counts of 1 to 4 per
    school and unit are hidden through common.suppression (with the cells and totals from which
    they could be worked out), and so is the mean response time of every hidden count. A hidden
    figure becomes ``{"n": None, "minutes": None, "suppressed": True}``. `per_school` must hold
    every school of the user's scope with calls (not one page), so that the totals shown protect
    them all."""
    keys = list(per_school)
    counts = {(school, unit): per_school[school].get(unit, {}).get("n", 0) for school in keys for unit in CALL_UNITS}
    table = SuppressedTable(counts, keys, CALL_UNITS, minimum=INCIDENT_MINIMUM, row_totals=False)
    hidden = {"n": None, "minutes": None, "suppressed": True}
    for school in keys:
        for unit in CALL_UNITS:
            if table.is_hidden(school, unit):
                per_school[school][unit] = dict(hidden)
    for unit in CALL_UNITS:
        if unit in totals and table.column_total(unit) is None:
            totals[unit] = dict(hidden)


def _minutes(value):
    if value is None:
        return None
    if isinstance(value, datetime.timedelta):
        return round(value.total_seconds() / 60, 1)
    return round(float(value) / 60_000_000, 1)  # microseconds, on databases without intervals


def _english_key(question) -> str:
    return (question.text_en or question.text).casefold()
