import pytest


@pytest.fixture(autouse=True)
def _test_database(db):
    """Every matrix test uses the test database, even when it is the only test selected.

    The matrix builds its cast lazily (World: request.getfixturevalue), so without this pytest-django
    sees no test needing a database, creates none, and the cast is written to the DATABASE_URL database.
    """
