"""Every URL pattern of the project, for anonymous users and every role, inside and outside
their scope: the expected page, 403, 404 or sign-in redirect. See matrix.py for the rows."""

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from .matrix import ANONYMOUS, INSIDE, LOGIN, MATRIX, OUTSIDE, REDIRECT, ROLES, World

# Not in the matrix, and why:
SKIPPED_NAMESPACES = {
    # Django's admin: open to is_staff users only, with Django's model permissions; the
    # admin's own tests and ours (tests/audit, tests/accounts) cover what we changed.
    "admin",
}
SKIPPED_NAMES = {
    # Django's i18n view (POST a language, redirect back): no data, no scope.
    "set_language",
}


def url_names(patterns=None, namespace=""):
    """Every named URL pattern, with its namespaces ("schools:school_detail")."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace in SKIPPED_NAMESPACES:
                continue
            prefix = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, prefix)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}" if pattern.name else f"{namespace}<unnamed {pattern.pattern}>"


def test_every_url_pattern_has_a_row_in_the_matrix():
    names = set(url_names()) - SKIPPED_NAMES
    assert sorted(names - MATRIX.keys()) == [], "URL patterns without a row in tests/access/rows_*.py"
    assert sorted(MATRIX.keys() - names) == [], "rows for URL patterns that do not exist"


CASES = [
    pytest.param(name, role, scope, id=f"{name}-{role}-{scope}")
    for name, row in sorted(MATRIX.items())
    for role in ROLES
    for scope in ([INSIDE, OUTSIDE] if row.scoped and role != ANONYMOUS else [INSIDE])
]


@pytest.mark.parametrize(("name", "role", "scope"), CASES)
def test_access(client, request, name, role, scope):
    row = MATRIX[name]
    world = World(request)
    world.school, world.other_school, world.outside_school  # noqa: B018 - the same cast for every case
    if role != ANONYMOUS:
        client.force_login(getattr(world, role))
    url = reverse(name, args=row.args(world, scope, role) if row.args else None)
    response = getattr(client, row.method)(url)
    expected = row.outcome(role, scope)
    if expected == LOGIN:
        assert response.status_code == 302 and response.url.startswith(reverse("login")), response
    elif expected == REDIRECT:
        assert response.status_code == 302, response
    else:
        assert response.status_code == expected, response


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_a_post_without_a_csrf_token_is_refused(request, name):
    row = MATRIX[name]
    world = World(request)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.program_admin)
    url = reverse(name, args=row.args(world, INSIDE, "program_admin") if row.args else None)
    assert client.post(url).status_code == 403


def test_signing_in_without_a_csrf_token_is_refused(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "This form has expired" in response.text  # our page, without technical details


def test_changing_language_without_a_csrf_token_is_refused(db):
    assert Client(enforce_csrf_checks=True).post(reverse("set_language"), {"language": "fr"}).status_code == 403


@pytest.mark.parametrize("role", ["sro", "principal", "coordinator", "evaluator"])
def test_the_admin_site_is_closed_to_users_who_are_not_staff(client, request, role):
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
