"""Streamed CSV exports: rows are written as the database yields them, never built in memory.

Two engines behind one function, `csv_response`:

- rows turned into cells in Python by `row` (any database, any export), read in chunks from a
  server-side cursor (`queryset.iterator()`), written out in blocks of about 64 KB;
- given `columns` (SQL expressions, one per cell) and a queryset on PostgreSQL: the database writes
  the CSV itself, `COPY (SELECT …) TO STDOUT`, streamed block by block through a bounded queue, at
  several hundred thousand rows a second with flat memory.

Every export ends with one line that states its row count ("End of export: 1,234 rows"), so that a
file cut short (a dropped connection, a killed worker) never looks complete. Cells starting with
=, +, -, @, tab or carriage return (and not numbers) get a leading apostrophe, in both engines, so a
spreadsheet never runs them as formulas (CSV injection).

A pure utility with no app imports, so every app may use it.
"""

import csv
import io
import queue
import threading
import time
from collections.abc import Callable, Iterable, Sequence

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.db.models import CharField, F, Func, QuerySet, TextField, Value
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import ngettext

BLOCK = 64 * 1024  # bytes handed to the server at a time: few system calls, little memory
QUEUE_BLOCKS = 16  # at most this many blocks wait between the database and the client (about 1 MB)
# What Python's float() takes as a number (the Python engine's test), for the SQL engine.
NUMBER_RE = r"^\s*[-+]?([0-9][0-9_]*(\.[0-9_]*)?|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$"


class _Echo:
    def write(self, value):
        return value


def _escape_formula(value):
    # Spreadsheet programs run cells that start with these as formulas (CSV injection).
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r") and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def end_line(count: int) -> str:
    """The last line of every export: its row count, in the reader's language."""
    return ngettext("End of export: %(count)s row", "End of export: %(count)s rows", count) % {
        "count": f"{count:,}"}


def csv_response(
    *, filename: str, header: Sequence[str], rows: Iterable, row: Callable[[object], Sequence] | None = None,
    columns: Sequence | None = None,
) -> StreamingHttpResponse:
    """Stream `rows` as CSV, each turned into cells by `row`. Iterate the queryset with
    `.iterator()` so that large exports are not loaded in memory.

    With `columns` (one expression or field path per cell, in the header's order) and `rows` a
    queryset on PostgreSQL, the database writes the CSV (COPY): for exports of plain columns, labels
    and dates that SQL can produce (see `choice_label`, `local_minute`). Elsewhere `row` is used."""
    if columns is not None and isinstance(rows, QuerySet) and connections[rows.db].vendor == "postgresql" \
            and _has_sql(rows):
        body = _copy_lines(header, rows, columns)
    else:
        if row is None:
            raise ValueError("csv_response needs `row` unless the database writes the CSV (columns, PostgreSQL).")
        if isinstance(rows, QuerySet):
            rows = rows.iterator(chunk_size=2000)
        body = _python_lines(header, rows, row)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response


def _has_sql(queryset) -> bool:
    """False for a queryset that can match nothing (``.none()``): it has no SQL to COPY."""
    try:
        queryset.query.sql_with_params()
    except EmptyResultSet:
        return False
    return True


def _python_lines(header, rows, row):
    writer = csv.writer(_Echo())
    block = ["\ufeff", writer.writerow([str(h) for h in header])]  # BOM: spreadsheets then read accents right
    size = count = 0
    for item in rows:
        line = writer.writerow([_escape_formula(cell) for cell in row(item)])
        block.append(line)
        size += len(line)
        count += 1
        if size >= BLOCK:
            yield "".join(block)
            block, size = [], 0
    block.append(writer.writerow([end_line(count)]))
    yield "".join(block)


# --- The SQL engine ------------------------------------------------------------------------------


def choice_label(field: str, choices) -> Func:
    """The display label of a choice field, in the current language, computed by the database."""
    from django.db.models import Case, When

    label = Case(*[When(**{field: value}, then=Value(str(label))) for value, label in choices],
                 default=Value(""), output_field=CharField())
    label.csv_safe = True  # our own labels: never a formula
    return label


def local_minute(field: str) -> Func:
    """A date and time as local "YYYY-MM-DD HH:MM" (the portal's time zone), computed by the database."""
    local = Func(Value(timezone.get_current_timezone_name()), F(field), function="timezone")
    stamp = Func(local, Value("YYYY-MM-DD HH24:MI"), function="to_char", output_field=CharField())
    stamp.csv_safe = True
    return stamp


def python_bool(field: str) -> Func:
    """A boolean written as Python's csv module writes it ("True", "False"), so both engines agree."""
    from django.db.models import Case, When

    flag = Case(When(**{field: True}, then=Value("True")), When(**{field: False}, then=Value("False")),
                default=Value(""), output_field=CharField())
    flag.csv_safe = True
    return flag


def _copy_sql(queryset: QuerySet, columns: Sequence) -> tuple[str, tuple]:
    aliases = {f"c{index}": (F(column) if isinstance(column, str) else column) for index, column in
               enumerate(columns)}
    inner = queryset.annotate(**aliases).values_list(*aliases)
    sql, params = inner.query.sql_with_params()
    # The same guard as _escape_formula, on the cells that may hold typed text: a number, a date or a
    # label of ours cannot start a formula (a negative number is a number), so they are left as they are.
    cells, guarded = [], 0
    for name, expression in aliases.items():
        output = inner.query.annotations[name].output_field
        if getattr(expression, "csv_safe", False) or not isinstance(output, CharField | TextField):
            cells.append(f"t.{name}")
        else:
            guarded += 1
            cells.append(f"CASE WHEN left(t.{name}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') "
                         f"AND t.{name} !~ %s THEN '''' || t.{name} ELSE t.{name} END")
    # The SQL is Django's compiled query and our own aliases; values stay parameters.
    return f"SELECT {', '.join(cells)} FROM ({sql}) t", (*[NUMBER_RE] * guarded, *params)  # noqa: S608  # nosec B608


class _BlockQueue(io.RawIOBase):
    """Where COPY writes (in the database thread): blocks of about 64 KB into a bounded queue, so that
    a slow client slows the database down instead of filling memory."""

    def __init__(self, blocks: queue.Queue, stop: threading.Event):
        self.blocks, self.stop = blocks, stop
        self.pending, self.size = [], 0

    def writable(self):
        return True

    def write(self, data):
        if self.stop.is_set():
            raise OSError("export abandoned by the client")
        text = data.decode() if isinstance(data, bytes | bytearray | memoryview) else data
        self.pending.append(text)
        self.size += len(text)
        if self.size >= BLOCK:
            self.flush_block()
        return len(data)

    def flush_block(self):
        if self.pending:
            block = "".join(self.pending)
            self.pending, self.size = [], 0
            while not self.stop.is_set():
                try:
                    self.blocks.put(block, timeout=1)
                    return
                except queue.Full:
                    continue


_DONE = object()


def _copy_lines(header, queryset, columns):
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow([str(h) for h in header])
    sql, params = _copy_sql(queryset, columns)
    alias = queryset.db or router.db_for_read(queryset.model)
    connection = connections[alias]
    connection.ensure_connection()
    raw = connection.connection
    with raw.cursor() as cursor:
        statement = cursor.mogrify(f"COPY ({sql}) TO STDOUT WITH (FORMAT csv)", params).decode()
    blocks: queue.Queue = queue.Queue(maxsize=QUEUE_BLOCKS)
    stop = threading.Event()
    sink = _BlockQueue(blocks, stop)
    failure = []
    count = [0]

    def run():
        try:
            with raw.cursor() as cursor:
                cursor.copy_expert(statement, sink, size=BLOCK)
                count[0] = cursor.rowcount
            sink.flush_block()
        except Exception as exc:  # handed to the streaming side, which fails the response visibly
            failure.append(exc)
        finally:
            while not stop.is_set():
                try:
                    blocks.put(_DONE, timeout=1)
                    break
                except queue.Full:
                    continue

    started = time.monotonic()
    worker = threading.Thread(target=run, name="csv-copy", daemon=True)
    worker.start()
    try:
        while True:
            block = blocks.get()
            if block is _DONE:
                break
            yield block
    finally:
        stop.set()
        worker.join()
        if failure or worker.is_alive():
            connection.close()  # the COPY was cut short: this connection is not reused
    if connection.queries_logged:  # the COPY went by the raw cursor: count it like any query (tests, debug)
        connection.queries_log.append({"sql": statement, "time": f"{time.monotonic() - started:.3f}"})
    if failure:
        raise failure[0]
    yield writer.writerow([end_line(count[0])])
