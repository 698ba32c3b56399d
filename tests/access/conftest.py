import pytest


@pytest.fixture(autouse=True)
def _access_tests_use_the_test_database(db):
    """The matrix asks for the database only through World (getfixturevalue), which pytest-django
    cannot see when it collects. It sets up the test databases that the collected tests declare,
    so a run of matrix tests alone (``-k officers``) would otherwise get no test database and run
    against DATABASE_URL itself. Declaring ``db`` here for every test of this folder prevents that."""
