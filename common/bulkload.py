"""Fast bulk inserts for generated data (seed_scale): PostgreSQL's COPY FROM STDIN, which loads a
few hundred thousand rows a second, and Django's bulk_create on any other database (SQLite for
`make run`). A ground-floor helper: it knows models only through Django's meta API.
"""

import datetime
import decimal
import json
import uuid
from collections.abc import Iterable, Sequence

from django.db import connections

BATCH = 5_000  # rows per bulk_create batch (SQLite's variable limit allows it for our widths)


def _copy_text(value) -> str:
    """One value in COPY's text format: \\N is NULL; backslash, tab and line ends are escaped."""
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, int | float | decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value)
    return (str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))


class _LineReader:
    """A file-like object that COPY reads from, filled lazily from an iterable of rows, so that
    memory stays flat however many rows are loaded."""

    def __init__(self, rows: Iterable[Sequence]):
        self._rows = iter(rows)
        self._buffer = ""
        self.count = 0

    def read(self, size: int = -1) -> str:
        while size < 0 or len(self._buffer) < size:
            chunk = []
            for row in self._rows:
                chunk.append("\t".join(_copy_text(value) for value in row))
                self.count += 1
                if len(chunk) >= 1000:
                    break
            if not chunk:
                break
            self._buffer += "\n".join(chunk) + "\n"
        if size < 0:
            out, self._buffer = self._buffer, ""
        else:
            out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out



def bulk_load(model, fields: Sequence[str], rows: Iterable[Sequence], *, using: str = "default") -> int:
    """Insert `rows` (tuples of values in the order of `fields`, which are model field names or
    attnames such as ``school_id``) into `model`'s table. No save(), no signals, no history rows:
    for generated data only. Returns the number of rows inserted."""
    connection = connections[using]
    meta = model._meta
    # get_field knows a foreign key by its name and by its attname (``school`` or ``school_id``).
    columns = [meta.get_field(name).column for name in fields]
    if connection.vendor == "postgresql":
        reader = _LineReader(rows)
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {connection.ops.quote_name(meta.db_table)} ({quoted}) FROM STDIN", reader, size=1 << 16
            )
        return reader.count
    attnames = [meta.get_field(name).attname for name in fields]
    count = 0
    batch = []
    for row in rows:
        batch.append(model(**dict(zip(attnames, row, strict=True))))
        if len(batch) >= BATCH:
            model._default_manager.using(using).bulk_create(batch)
            count += len(batch)
            batch = []
    if batch:
        model._default_manager.using(using).bulk_create(batch)
        count += len(batch)
    return count


def reserve_ids(model, count: int, *, using: str = "default") -> int:
    """Reserve `count` consecutive primary keys of `model` (an auto-increment key) and return the
    first, so that generated parents and children can be loaded with known keys."""
    connection = connections[using]
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            sequence = cursor.fetchone()[0]
            # nextval gives the first; setval moves the sequence past the block in one step.
            cursor.execute("SELECT nextval(%s)", [sequence])
            first = cursor.fetchone()[0]
            cursor.execute("SELECT setval(%s, %s)", [sequence, first + count - 1])
            return first
        # A model's own table and column names, quoted by the backend: no outside value.
        cursor.execute(f"SELECT COALESCE(MAX({connection.ops.quote_name(column)}), 0) FROM "  # noqa: S608  # nosec B608
                       f"{connection.ops.quote_name(table)}")
        return cursor.fetchone()[0] + 1
