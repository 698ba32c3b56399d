"""Rows of evaluations/urls.py.

Who gets what (evaluations/models.py): instruments, surveys, code sheets and outcome imports are
for SURVEY_ADMIN_ROLES (coordinators, program administrators); survey results for RESULTS_ROLES
(those two, evaluators and school administrators: aggregates only, small groups suppressed);
outcome data for OUTCOME_ROLES (coordinators, program administrators, evaluators). A wrong role
is refused (403) before anything is fetched, so it gets 403 inside and outside alike and learns
nothing about what exists. The answer pages are public: a single-use code, no account.

Scope: a survey is "inside" when it runs in the role's school (World.school_for), "outside"
when it runs only in the school outside the role's scope. An instrument is not scoped by school:
a coordinator sees the standard ones and their own, so "inside" is one of the user's own and
"outside" one owned by another coordinator (the outsider); a program administrator sees all.
"""

import datetime

from tests.evaluations.factories import InstrumentFactory, SurveyFactory, make_codes

from .matrix import (
    COORDINATOR,
    EVALUATOR,
    INSIDE,
    PAGE,
    PRINCIPAL,
    PROGRAM_ADMIN,
    REDIRECT,
    Row,
    everyone,
    only,
    scoped,
)

SURVEY_ADMINS = {COORDINATOR, PROGRAM_ADMIN}
RESULTS_READERS = {EVALUATOR, COORDINATOR, PROGRAM_ADMIN, PRINCIPAL}
OUTCOME_READERS = {EVALUATOR, COORDINATOR, PROGRAM_ADMIN}


def survey_for(w, scope, role):
    return SurveyFactory(schools=[w.school_for(role, scope)])


def survey_pk(w, scope, role):
    return [survey_for(w, scope, role).pk]


def instrument_pk(w, scope, role):
    """Inside: an instrument of the user's own (of the coordinator for the roles that are refused
    anyway); outside: a private instrument of the coordinator of the other division."""
    if scope != INSIDE:
        return [InstrumentFactory(owner=w.outsider).pk]
    return [InstrumentFactory(owner=getattr(w, role) if role in SURVEY_ADMINS else w.coordinator).pk]


def code_sheet_args(w, scope, role):
    """A survey running in the role's school AND in the school outside their scope: the survey
    itself is visible either way; the code batch is for the inside or the outside school."""
    survey = SurveyFactory(schools=[w.school, w.school_for(role, scope)])
    batch = make_codes(survey, w.school_for(role, scope))[0].batch
    return [survey.pk, batch.pk]


def answer_code(w, scope, role):
    """Inside: an unused code of an open survey; outside: an unused code of a survey that has
    closed (used, unknown and not-yet-open codes get the very same page)."""
    if scope == INSIDE:
        survey = SurveyFactory(schools=[w.school])
    else:
        survey = SurveyFactory(schools=[w.school], opens_on=datetime.date(2000, 1, 1),
                               closes_on=datetime.date(2000, 6, 30))
    return [make_codes(survey, w.school)[0].code]


PUBLIC = everyone(PAGE, anonymous=PAGE)

ROWS = {
    # Public answer pages: anyone, signed in or not.
    "evaluations:answer_start": Row(expect=PUBLIC),
    "evaluations:answer_thanks": Row(expect=PUBLIC),
    "evaluations:answer": Row(
        args=answer_code, expect=PUBLIC,
        note="public: a valid code shows the questions (200); a closed, used, unknown or not-yet-open "
             "code gets one and the same 'this code cannot be used' page, also 200, by design: the page "
             "never says why (tests/evaluations/test_public_answer.py checks the pages are identical)",
    ),
    # Instruments.
    "evaluations:instrument_list": Row(expect=only(SURVEY_ADMINS)),
    "evaluations:instrument_create": Row(expect=only(SURVEY_ADMINS)),
    "evaluations:instrument_export": Row(expect=only(SURVEY_ADMINS)),
    "evaluations:instrument_detail": Row(args=instrument_pk, expect=scoped(SURVEY_ADMINS)),
    "evaluations:instrument_edit": Row(args=instrument_pk, expect=scoped(SURVEY_ADMINS),
                                       note="inside: the user's own instrument that no survey uses yet"),
    "evaluations:instrument_copy": Row(
        args=instrument_pk, method="post", expect=scoped(SURVEY_ADMINS, REDIRECT),
        note="POST only: the copy is made and the user is sent to edit it",
    ),
    # Surveys and their codes.
    "evaluations:survey_list": Row(expect=only(SURVEY_ADMINS)),
    "evaluations:survey_export": Row(expect=only(SURVEY_ADMINS)),
    "evaluations:survey_create": Row(expect=only(SURVEY_ADMINS)),
    "evaluations:survey_detail": Row(args=survey_pk, expect=scoped(SURVEY_ADMINS)),
    "evaluations:survey_edit": Row(args=survey_pk, expect=scoped(SURVEY_ADMINS)),
    "evaluations:codes_generate": Row(
        args=survey_pk, method="post", expect=scoped(SURVEY_ADMINS),
        note="POST only; an empty POST re-renders the survey page with the form's errors (200)",
    ),
    "evaluations:code_sheet": Row(
        args=code_sheet_args, expect=scoped(SURVEY_ADMINS),
        note="the survey runs in both schools; outside is the sheet of the school the user does not see",
    ),
    # Results: aggregates only.
    "evaluations:results_list": Row(expect=only(RESULTS_READERS)),
    "evaluations:results_list_export": Row(expect=only(RESULTS_READERS), note="the list's columns: no response count"),
    "evaluations:survey_results": Row(args=survey_pk, expect=scoped(RESULTS_READERS)),
    "evaluations:survey_results_export": Row(args=survey_pk, expect=scoped(RESULTS_READERS)),
    # Outcome data: each user's schools only; importing takes a survey administrator.
    "evaluations:outcome_data": Row(expect=only(OUTCOME_READERS)),
    "evaluations:outcome_export": Row(expect=only(OUTCOME_READERS)),
    "evaluations:outcome_upload": Row(
        method="post", expect=only(SURVEY_ADMINS),
        note="POST only; an empty POST re-renders the outcome page with the form's errors (200); "
             "evaluators read outcome data but do not import it",
    ),
}

