"""Reading the portal's CSV exports in tests: every export ends with a line stating its row count
(common.csvexport.end_line); `csv_rows` checks that line against the rows and leaves it out."""

import csv
import io
import re


def csv_text(response) -> str:
    """The export's text without its byte-order mark and without its last line (the row count),
    after checking that line counts the rows above it (the header excepted)."""
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) >= 2, "an export holds at least its header and its end line"
    match = re.fullmatch(r"\D*?([\d,\u202f\xa0 ]+)\D*", rows[-1][0]) if len(rows[-1]) == 1 else None
    assert match, f"the last line states the row count: {rows[-1]!r}"
    assert int(re.sub(r"\D", "", match.group(1))) == len(rows) - 2
    end = text.rstrip("\r\n").rfind("\n")
    return text[: end + 1]


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(csv_text(response))))
