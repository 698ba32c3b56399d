"""Survey codes cannot be guessed without limit (issue 12, finding 6): after 20 wrong codes in ten
minutes from one source address, every code attempt from it answers 429 with a plain message in the
page's language; correct codes never count, and other addresses are not slowed."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from .factories import make_codes

pytestmark = pytest.mark.django_db

ADDRESS = {"REMOTE_ADDR": "203.0.113.7"}
ELSEWHERE = {"REMOTE_ADDR": "198.51.100.20"}


def wrong(client, n, **extra):
    """`n` wrong codes, alternating the two ways in (the start form, which goes on to the code's own
    address, and that address typed directly)."""
    statuses = []
    for i in range(n):
        if i % 2:
            response = client.get(reverse("evaluations:answer", args=[f"ZZZZ{i:04d}"]), **extra)
        else:
            response = client.get(reverse("evaluations:answer_start"), {"code": f"WRONG-{i}"}, follow=True, **extra)
        statuses.append(response.status_code)
    return statuses


def test_twenty_wrong_codes_then_every_attempt_is_refused(client, code):
    assert wrong(client, 20, **ADDRESS) == [200] * 20
    refused = client.get(reverse("evaluations:answer", args=[code.code]), **ADDRESS)
    assert refused.status_code == 429  # the right code too: else guessing would go on
    assert "Too many tries" in refused.text
    assert int(refused["Retry-After"]) > 0
    assert client.get(reverse("evaluations:answer_start"), {"code": code.code}, **ADDRESS).status_code == 429
    # the form with no code typed is still the form
    assert client.get(reverse("evaluations:answer_start"), **ADDRESS).status_code == 200


def test_the_refusal_speaks_the_page_language(client, code):
    wrong(client, 20, **ADDRESS)
    response = client.get(reverse("evaluations:answer", args=[code.code]), HTTP_ACCEPT_LANGUAGE="fr", **ADDRESS)
    assert response.status_code == 429
    assert 'lang="fr"' in response.text and "Trop d’essais" in response.text


def test_other_addresses_are_not_slowed(client, code):
    wrong(client, 25, **ADDRESS)
    assert client.get(reverse("evaluations:answer", args=[code.code]), **ELSEWHERE).status_code == 200


def test_correct_codes_never_count(client, survey, school, questions):
    for one in make_codes(survey, school, count=30):
        assert client.get(reverse("evaluations:answer", args=[one.code]), **ADDRESS).status_code == 200
    assert wrong(client, 20, **ADDRESS) == [200] * 20  # the whole budget of wrong codes is still there


def test_the_count_lives_in_the_shared_cache(client, code):
    """Counted in Django's cache (Redis when REDIS_URL is set, shared by every app server): emptying it
    forgets the count."""
    wrong(client, 20, **ADDRESS)
    cache.clear()
    assert client.get(reverse("evaluations:answer", args=[code.code]), **ADDRESS).status_code == 200
