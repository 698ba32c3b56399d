"""Streamed CSV exports: rows are written as the database yields them, never built in memory.

A pure utility with no app imports, so every app may use it.
"""

import csv
from collections.abc import Callable, Iterable, Sequence

from django.http import StreamingHttpResponse
from django.utils import timezone


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


def csv_response(
    *, filename: str, header: Sequence[str], rows: Iterable, row: Callable[[object], Sequence]
) -> StreamingHttpResponse:
    """Stream `rows` as CSV, each turned into cells by `row`. Iterate the queryset with
    `.iterator()` so that large exports are not loaded in memory."""
    writer = csv.writer(_Echo())

    def lines():
        yield "\ufeff"  # byte-order mark: spreadsheet programs then read UTF-8 accents right
        yield writer.writerow([str(h) for h in header])
        for item in rows:
            yield writer.writerow([_escape_formula(cell) for cell in row(item)])

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}-{stamp}.csv"'
    response["Cache-Control"] = "no-store"
    return response
