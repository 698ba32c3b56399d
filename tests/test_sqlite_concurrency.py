"""The embedded default database (SQLite) serves a write while a long export reads (issue 12, finding 7:
a long CSV export and a write gave "database is locked" 500s). Two connections to one SQLite file, each
opened with the project's settings.SQLITE_OPTIONS, as two requests of `make run` would be."""

import threading

import pytest
from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.db.utils import OperationalError

ROWS = 5000


@pytest.fixture(autouse=True)
def own_database_files(django_db_blocker):
    """These tests open their own SQLite files, not the test database."""
    with django_db_blocker.unblock():
        yield


def connection_to(path, options):
    wrapper = DatabaseWrapper({
        "ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": dict(options),
        "ATOMIC_REQUESTS": False, "AUTOCOMMIT": True, "CONN_MAX_AGE": 0, "CONN_HEALTH_CHECKS": False,
        "TIME_ZONE": None, "USER": "", "PASSWORD": "", "HOST": "", "PORT": "", "TEST": {},
    }, alias=f"sqlite-{id(options)}")
    wrapper.ensure_connection()
    return wrapper


@pytest.fixture
def database_file(tmp_path):
    path = tmp_path / "portal.sqlite3"
    setup = connection_to(path, settings.SQLITE_OPTIONS)
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE activity (id INTEGER PRIMARY KEY, note TEXT)")
        cursor.executemany("INSERT INTO activity (note) VALUES (%s)", [(f"row {i}",) for i in range(ROWS)])
    setup.close()
    return path


def export_while(path, options, write):
    """Stream every row (as a CSV export does: one open read, fetched in chunks) and call `write` with
    the export halfway through; return the rows read."""
    reader = connection_to(path, options)
    read = 0
    with reader.cursor() as cursor:
        cursor.execute("SELECT id, note FROM activity ORDER BY id")
        while chunk := cursor.fetchmany(500):
            read += len(chunk)
            if read == 2500:
                write()
    reader.close()
    return read


def test_the_project_configures_sqlite_for_concurrent_use():
    assert settings.SQLITE_OPTIONS["transaction_mode"] == "IMMEDIATE"
    assert settings.SQLITE_OPTIONS["timeout"] >= 5
    assert "journal_mode=WAL" in settings.SQLITE_OPTIONS["init_command"]


def test_a_write_succeeds_during_a_streamed_export(database_file):
    writer = connection_to(database_file, settings.SQLITE_OPTIONS)

    def write():
        with writer.cursor() as cursor:
            cursor.execute("BEGIN IMMEDIATE")
            cursor.execute("INSERT INTO activity (note) VALUES ('logged during the export')")
            cursor.execute("COMMIT")

    assert export_while(database_file, settings.SQLITE_OPTIONS, write) == ROWS  # the export saw its snapshot
    with writer.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM activity")
        assert cursor.fetchone()[0] == ROWS + 1
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    writer.close()


def test_without_the_options_the_same_write_fails(database_file):
    """The check above is not vacuous: with SQLite's defaults (rollback journal, no wait) and the file
    back in that mode, the write during the export is refused."""
    plain = {"timeout": 0.1}
    reset = connection_to(database_file, plain)
    with reset.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode=DELETE")
    reset.close()
    writer = connection_to(database_file, plain)

    def write():
        with writer.cursor() as cursor:
            cursor.execute("BEGIN")
            cursor.execute("INSERT INTO activity (note) VALUES ('logged during the export')")
            cursor.execute("COMMIT")

    with pytest.raises(OperationalError, match="locked"):
        export_while(database_file, plain, write)
    writer.close()


def test_two_writers_wait_for_each_other_instead_of_failing(database_file):
    """Two requests writing at once: the second waits for the first (busy timeout, IMMEDIATE) and both
    land."""
    first = connection_to(database_file, settings.SQLITE_OPTIONS)
    second_done = threading.Event()
    errors = []

    def second_request():
        other = connection_to(database_file, settings.SQLITE_OPTIONS)
        try:
            with other.cursor() as cursor:
                cursor.execute("BEGIN IMMEDIATE")
                cursor.execute("INSERT INTO activity (note) VALUES ('second')")
                cursor.execute("COMMIT")
        except OperationalError as error:  # pragma: no cover - reported below
            errors.append(error)
        finally:
            other.close()
            second_done.set()

    with first.cursor() as cursor:
        cursor.execute("BEGIN IMMEDIATE")
        cursor.execute("INSERT INTO activity (note) VALUES ('first')")
        thread = threading.Thread(target=second_request)
        thread.start()
        assert not second_done.wait(0.5)  # the second is waiting for the first's lock
        cursor.execute("COMMIT")
    thread.join(10)
    assert errors == [] and second_done.is_set()
    with first.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM activity WHERE note IN ('first', 'second')")
        assert cursor.fetchone()[0] == 2
    first.close()
