"""List pages, their filters and CSV exports, and the other pages that read the address's query:
hostile parameters never give a 500. The filter names are read from each FilterSet, so that a new
filter is covered without touching this file."""

import pytest
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from activities.filters import ActivityFilter
from audit.filters import AuditEventFilter
from evaluations.filters import InstrumentFilter, SurveyFilter
from incidents.filters import AccessLogFilter, AssessmentFilter, IncidentFilter
from officers.filters import OfficerFilter
from schools.filters import SchoolFilter

from .helpers import FAST, get_and_check
from .strategies import MISSING, NUL, nasty_text

pytestmark = pytest.mark.django_db

# (url name, role allowed to read it, the FilterSet behind it or the names of the parameters read)
PAGES = [
    ("activities:list", "coordinator", ActivityFilter),
    ("activities:export", "coordinator", ActivityFilter),
    ("activities:log", "sro", ["date", "school"]),
    ("activities:my_log", "sro", []),
    ("incidents:incident_list", "coordinator", IncidentFilter),
    ("incidents:incident_export", "coordinator", IncidentFilter),
    ("incidents:people_export", "principal", IncidentFilter),
    ("incidents:my_open", "sro", IncidentFilter),
    ("incidents:review_queue", "principal", []),
    ("incidents:assessment_list", "principal", AssessmentFilter),
    ("incidents:request_list", "principal", ["state"]),
    ("incidents:access_log", "coordinator", AccessLogFilter),
    ("incidents:access_log_export", "coordinator", AccessLogFilter),
    ("officers:officer_list", "coordinator", OfficerFilter),
    ("officers:officer_export", "coordinator", OfficerFilter),
    ("schools:school_list", "coordinator", SchoolFilter),
    ("schools:school_export", "coordinator", SchoolFilter),
    ("audit:event_list", "program_admin", AuditEventFilter),
    ("audit:event_export", "program_admin", AuditEventFilter),
    ("evaluations:instrument_list", "coordinator", InstrumentFilter),
    ("evaluations:survey_list", "coordinator", SurveyFilter),
    ("evaluations:survey_export", "coordinator", SurveyFilter),
    ("evaluations:results_list", "evaluator", SurveyFilter),
    ("evaluations:outcome_data", "evaluator", ["school_year"]),
    ("evaluations:outcome_export", "evaluator", ["school_year"]),
    ("evaluations:answer_start", None, ["code"]),
    ("costs:overview", "evaluator", ["fiscal_year"]),
    ("costs:overview_export", "coordinator", ["fiscal_year"]),
    ("report:index", "evaluator", []),
    ("report:program", "program_admin", ["year", "baseline"]),
]


def parameter_names(source) -> list[str]:
    names = list(source) if isinstance(source, list) else list(source.base_filters)
    return [*names, "page"]


def query(names):
    """Some of the page's parameters (and an unknown one), each hostile or repeated."""
    return st.dictionaries(
        st.one_of(st.sampled_from(names), nasty_text.filter(bool)),
        st.one_of(nasty_text, st.lists(nasty_text, min_size=2, max_size=3)),
        max_size=4,
    )


@pytest.mark.parametrize("url_name, who, source", PAGES, ids=[page[0] for page in PAGES])
def test_list_page_parameters(client, request, school, sro, url_name, who, source):
    user = request.getfixturevalue(who) if who else None
    url = reverse(url_name)
    names = parameter_names(source)

    @FAST
    @example(dict.fromkeys(names, "9" * 30))
    @example(dict.fromkeys(names, "²"))  # isdigit() is true, int() refuses it
    @example(dict.fromkeys(names, NUL))
    @example({NUL: "1"})  # found: a parameter's name was kept in the export's audit detail (JSON with \u0000)
    @given(query(names))
    def run(params):
        response = get_and_check(client, user, url, params)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)  # the rows are read as the file streams

    run()


@pytest.mark.parametrize("url_name", ["evaluations:survey_results", "evaluations:survey_results_export"])
def test_results_page_parameters(client, evaluator, survey, url_name):
    url = reverse(url_name, args=[survey.pk])

    @FAST
    @given(query(["division", "school"]))
    def run(params):
        get_and_check(client, evaluator, url, params)

    run()


def test_training_record_course_parameter(client, coordinator, sro):
    url = reverse("officers:training_record_create", args=[sro.officer.pk])

    @FAST
    @given(st.one_of(st.just(MISSING), nasty_text))
    def run(course):
        get_and_check(client, coordinator, url, {} if course is MISSING else {"course": course})

    run()
