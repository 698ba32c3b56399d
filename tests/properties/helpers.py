"""Running one hypothesis example against a view, and checking that nothing broke.

Each example runs in a savepoint that is rolled back (and with an empty cache), so that every example
starts from the same database whatever the previous one wrote (the test's fixtures run once, before the first
example: hypothesis does not re-run function-scoped fixtures)."""

import contextlib
import os

from django.core.cache import cache
from django.db import transaction
from hypothesis import HealthCheck, settings

from common.input_limits import admin_query_beyond_any_key

from .strategies import NUL

# 25 examples a test keeps the suite fast; PROPERTY_EXAMPLES=500 searches deeper (the bugs found that
# way are pinned as explicit @example cases, so that the fast run keeps checking them).
# The same examples on every run (derandomized): CI must not pass or fail by chance.
# PROPERTY_RANDOM=1 draws new ones, for exploring; pin what it finds with @example.

FAST = settings(max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "25")), deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture], database=None,
                derandomize=os.environ.get("PROPERTY_RANDOM") != "1")

ALLOWED_STATUSES = {200, 302, 400}  # 400: an invalid workflow form re-shown on the incident page


@contextlib.contextmanager
def rolled_back():
    cache.clear()  # and the same cache: rate-limit counts of earlier examples do not carry over
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def snapshot(models) -> dict:
    """Every row of `models`, as plain values: equal before and after means nothing was written."""
    return {model._meta.label: list(model.objects.order_by("pk").values()) for model in models}


def assert_all_valid(models) -> None:
    """Every row of `models` passes the model's own validation (as read back from the database)."""
    for model in models:
        for obj in model.objects.all():
            obj.full_clean()


def assert_sound(response, before: dict, models) -> None:
    """Never a 500; a form re-shown wrote nothing; a redirect left only valid records."""
    assert response.status_code in ALLOWED_STATUSES, response.status_code
    if response.status_code == 302:
        assert_all_valid(models)
    else:
        assert snapshot(models) == before, "a refused form wrote to the database"


def post_and_check(client, user, url, data, models, **extra):
    """Sign `user` in (inside the example's savepoint), post `data` to `url`, check soundness.
    Returns the response, for tests that check more."""
    with rolled_back():
        if user is not None:
            client.force_login(user)
        before = snapshot(models)
        response = client.post(url, data, **extra)
        assert_sound(response, before, models)
        return response


def has_nul(params) -> bool:
    return any(NUL in key or any(NUL in value for value in (values if isinstance(values, list) else [values]))
               for key, values in params.items())


def get_and_check(client, user, url, params):
    """A GET with hostile query parameters: never a 500 (filters and list pages); a NUL character
    in the query, or in the administration site a number beyond any key, is refused with a 400
    (common.input_limits)."""
    with rolled_back():
        if user is not None:
            client.force_login(user)
        response = client.get(url, params)
        expected = {400} if has_nul(params) else {200, 302} | ({400} if url.startswith("/admin/") and admin_query_beyond_any_key(params) else set())
        assert response.status_code in expected, (url, params, response.status_code)
        return response


def assert_accepts(client, user, url, data, **extra):
    """The valid post is accepted (a redirect): the hostile examples start from data that works,
    so that they reach the code that writes."""
    with rolled_back():
        if user is not None:
            client.force_login(user)
        response = client.post(url, data, **extra)
        assert response.status_code == 302, _form_errors(response)


def _form_errors(response):
    """What the re-shown page's forms said, for the failure message."""
    context = getattr(response, "context", None) or {}
    return [form.errors for name in ("form", "formset", "upload_form") if (form := context.get(name)) is not None]
