"""One code, two people at the same moment: exactly one response."""

import threading

import pytest
from django.db import connection, connections

from evaluations import services
from evaluations.models import SurveyResponse

from .factories import make_codes


def test_a_stale_lookup_cannot_reuse_a_code_claimed_meanwhile(survey, school, questions):
    code = make_codes(survey, school)[0]
    first = services.code_lookup(code=code.code)
    second = services.code_lookup(code=code.code)  # both saw the code unused
    services.response_submit(code=first, answers={questions[0]: 4})
    with pytest.raises(services.CodeUnavailable):
        services.response_submit(code=second, answers={questions[0]: 2})
    assert SurveyResponse.objects.count() == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_requests_with_one_code_at_the_same_moment_save_exactly_one_response(
    survey, school, questions, monkeypatch
):
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers with a file lock; the race is tested on PostgreSQL (CI).")
    code = make_codes(survey, school)[0]
    both_looked_up = threading.Barrier(2, timeout=10)
    original_claim = services._claim

    def claim_together(found, today):
        both_looked_up.wait()  # each request has read the code as unused, in its own transaction
        return original_claim(found, today)

    monkeypatch.setattr(services, "_claim", claim_together)
    outcomes = []

    def one_request(answer):
        try:
            found = services.code_lookup(code=code.code)
            services.response_submit(code=found, answers={questions[0]: answer})
            outcomes.append("saved")
        except services.CodeUnavailable:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one_request, args=(value,)) for value in (2, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert sorted(outcomes) == ["refused", "saved"]
    assert SurveyResponse.objects.count() == 1
