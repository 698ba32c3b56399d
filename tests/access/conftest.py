import pytest


@pytest.fixture(autouse=True)
def _test_database(db):
    """The matrix builds its cast lazily (World asks for fixtures by name), so pytest-django sees
    no test here that needs the database and, when these tests run on their own (``pytest
    tests/access``), sets up no test database: the cast would then be written to the database of
    DATABASE_URL itself. Asking for ``db`` here makes every test of this folder declare it."""
