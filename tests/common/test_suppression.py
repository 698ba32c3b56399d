"""Small counts: primary suppression at the thresholds, and no hidden cell recoverable from the
totals shown (checked by solving for every hidden cell, not by trusting the rule)."""

import itertools

import pytest

from common.suppression import (
    INCIDENT_MINIMUM,
    SURVEY_MINIMUM,
    SuppressedTable,
    is_small,
    rate,
    suppress_column,
)


@pytest.mark.parametrize(("count", "minimum", "small"), [
    (0, INCIDENT_MINIMUM, False), (1, INCIDENT_MINIMUM, True), (4, INCIDENT_MINIMUM, True),
    (5, INCIDENT_MINIMUM, False), (9, SURVEY_MINIMUM, True), (10, SURVEY_MINIMUM, False),
])
def test_thresholds(count, minimum, small):
    assert is_small(count, minimum) is small


def test_survey_groups_with_no_answer_can_be_hidden_too():
    assert is_small(0, SURVEY_MINIMUM, hide_zero=True)


def test_a_lone_small_cell_takes_the_smallest_neighbour_of_its_row_and_column_with_it():
    counts = {("A", "x"): 3, ("A", "y"): 20, ("A", "z"): 7,
              ("B", "x"): 12, ("B", "y"): 30, ("B", "z"): 9}
    table = SuppressedTable(counts, ["A", "B"], ["x", "y", "z"])
    assert table.cell("A", "x") is None  # primary: 3
    assert table.cell("A", "z") is None  # secondary in row A: smallest other (7)
    assert table.cell("B", "x") is None or table.cell("B", "z") is None  # column x, then column z
    assert table.row_total("A") == 30 and table.column_total("y") == 50 and table.grand_total == 81


def test_a_total_that_is_itself_small_is_hidden():
    column, total = suppress_column({"a": 1, "b": 2}, minimum=INCIDENT_MINIMUM)
    assert column == {"a": None, "b": None} and total is None


def test_one_column_with_total():
    column, total = suppress_column({"a": 2, "b": 40, "c": 11})
    assert column == {"a": None, "b": 40, "c": None} and total == 53


def recoverable_cells(table: SuppressedTable) -> set:
    """Cells whose value follows from a single shown total minus shown cells of its line."""
    found = set()
    lines = [[(r, c) for c in table.columns] for r in table.rows] + [[(r, c) for r in table.rows] for c in table.columns]
    totals = [table.row_total(r) for r in table.rows] + [table.column_total(c) for c in table.columns]
    for cells, total in zip(lines, totals, strict=True):
        hidden = [cell for cell in cells if table.cell(*cell) is None]
        if total is not None and len(hidden) == 1:
            found.add(hidden[0])
    row_totals = [table.row_total(r) for r in table.rows]
    column_totals = [table.column_total(c) for c in table.columns]
    if table.grand_total is not None:
        for totals_line in (row_totals, column_totals):
            if sum(t is None for t in totals_line) == 1:
                found.add("a hidden total")
    return found


@pytest.mark.parametrize("seed", range(40))
def test_no_hidden_cell_can_be_recovered_from_the_totals(seed):
    values = [0, 1, 2, 3, 4, 5, 6, 8, 13, 40]
    cells = list(itertools.product("ABCD", "wxyz"))
    counts = {cell: values[(seed * 7 + i * (seed + 3)) % len(values)] for i, cell in enumerate(cells)}
    table = SuppressedTable(counts, "ABCD", "wxyz")
    assert recoverable_cells(table) == set()
    for (r, c), n in counts.items():
        if 0 < n < INCIDENT_MINIMUM:
            assert table.cell(r, c) is None


def test_a_rate_is_never_computed_from_a_hidden_count():
    assert rate(None, 1200) is None
    assert str(rate(6, 1200)) == "5.0"
    assert rate(6, 0) is None
