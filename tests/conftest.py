"""The cast shared by the tests: two divisions, a user of each role in the first, and an
outsider coordinator in the second."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import translation

from accounts.models import Role

from .factories import SchoolDivisionFactory, SchoolFactory, sro_for, user_with_role


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate-limit counts live there), as with the database."""
    cache.clear()


@pytest.fixture(autouse=True)
def english_to_start():
    """Each test starts in English. A page asked for in French leaves French active in the thread
    after the request, and text kept in two languages (modeltranslation: `name` is the current
    language's column) would then be written to the French columns by the next test's factories."""
    translation.activate("en")
    yield
    translation.deactivate()


def _reads_the_demo(item):
    return "seeded_demo" in getattr(item, "fixturenames", ())


def pytest_collection_modifyitems(config, items):
    """The tests that read the seeded demo run first, in their collected order, so that a test process
    seeds it once (`seeded_demo` below) on a database that no live-server test has flushed yet (a
    flush takes the rows data migrations made, such as the course catalogue the seed refers to).
    pytest-xdist hands each worker its tests in this order."""
    on_demo = [item for item in items if _reads_the_demo(item)]
    if on_demo:
        items[:] = on_demo + [item for item in items if not _reads_the_demo(item)]
    _journeys_first_among_live_server_tests(items)


def _on_live_server(item):
    return "live_server" in getattr(item, "fixturenames", ())


def _journeys_first_among_live_server_tests(items):
    """pytest-django runs the tests on a live server after the others, together. The browser journeys
    (10-20 s each) start that group, so that the two workers end on short tests, together."""
    first = next((index for index, item in enumerate(items) if _on_live_server(item)), None)
    if first is None:
        return
    journeys = [item for item in items[first:]
                if _on_live_server(item) and item.module.__name__.rpartition(".")[2].startswith("test_journey")]
    rest = [item for item in items[first:] if item not in journeys]
    items[first:] = journeys + rest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """The demo's transaction is rolled back after the last test that reads it, before any test on an
    empty database: its fixture is session-scoped, so it is finished here by hand."""
    yield
    if _reads_the_demo(item) and (nextitem is None or not _reads_the_demo(nextitem)):
        item._fixtureinfo.name2fixturedefs["seeded_demo"][-1].finish(item._request)


@pytest.fixture(scope="session")
def seeded_demo(django_db_setup, django_db_blocker):
    """The whole demo data set (`seed_demo`, about ten seconds), loaded once per test process and
    rolled back after the last test that reads it; returns what the command printed. Request it with `db`:
    each test then runs in a savepoint of this transaction (pytest-django's TestCase), so what one
    test changes is gone before the next. The tests asking for it run before all the others and the
    transaction ends after the last of them (the hooks above). A test that needs its own seed on an
    empty database uses `db` alone."""
    with django_db_blocker.unblock(), transaction.atomic():
        out = StringIO()
        with override_settings(DEBUG=True):
            call_command("seed_demo", stdout=out)
        # Each test's end checks the deferred constraints (TestCase: SET CONSTRAINTS ALL IMMEDIATE in
        # its savepoint), which on PostgreSQL re-checks every foreign key the seed wrote and is then
        # rolled back with the savepoint: about 2 s a test. Checked here, once, they stay checked.
        connection.check_constraints()
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def division(db):
    return SchoolDivisionFactory(name="Winnipeg School Division", code="WSD")


@pytest.fixture
def school(division):
    return SchoolFactory(division=division, name="Kelvin High School", level="high",
                         lowest_grade=9, highest_grade=12)


@pytest.fixture
def other_school(division):
    """A school of the same division that the SRO and principal do not serve."""
    return SchoolFactory(division=division, name="Sisler High School")


@pytest.fixture
def other_division(db):
    return SchoolDivisionFactory(name="Calgary Board of Education", code="CBE")


@pytest.fixture
def outside_school(other_division):
    return SchoolFactory(division=other_division, name="Outside School")


@pytest.fixture
def sro(school):
    return sro_for(school, username="sro")


@pytest.fixture
def principal(school):
    return user_with_role(Role.SCHOOL_ADMIN, school=school, username="principal")


@pytest.fixture
def coordinator(division):
    return user_with_role(Role.COORDINATOR, division=division, username="coordinator")


@pytest.fixture
def evaluator(division):
    return user_with_role(Role.EVALUATOR, division=division, username="evaluator")


@pytest.fixture
def program_admin(db):
    return user_with_role(Role.PROGRAM_ADMIN, username="programadmin", is_staff=True)


@pytest.fixture
def outsider(other_division):
    """A coordinator of another division: for them, our division does not exist."""
    return user_with_role(Role.COORDINATOR, division=other_division, username="outsider")
