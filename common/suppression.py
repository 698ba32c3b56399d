"""The one rule for small counts in aggregates that leave the people who may see names.

Every aggregate shown to an evaluator, and every export marked for sharing, goes through
``SuppressedTable``:

- **Primary suppression**: a count from 1 to ``minimum - 1`` is hidden (incidents: 1 to 4;
  survey groups: under 10, zero included, since a group of no answers tells nothing and hiding it
  keeps the rule simple to read).
- **Secondary suppression**: a hidden cell must not be recoverable by subtracting the other cells
  of its row or column from the total shown. Whenever a row or column (with its total shown) has
  exactly one hidden cell, the smallest other cell of that line is hidden too; this repeats until no
  line has a lone hidden cell. If a line has no other cell to hide, its total is hidden instead.
- **Totals** are counts too: a total from 1 to ``minimum - 1`` is hidden.
- **Neighbours**: figures derived from a count (a rate per 1,000 students, a percentage) are only
  computed from a shown count (``rate``), so a hidden count cannot be worked out from its rate.

A hidden value is ``None``; templates show it with ``{% include "includes/suppressed.html" %}``
or the label from ``suppressed_label``.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

# Incident counts of 1 to 4 are hidden; survey groups under 10 answers are hidden.
INCIDENT_MINIMUM = 5
SURVEY_MINIMUM = 10

SUPPRESSED_LABEL = _("suppressed (small count)")


def is_small(count: int | None, minimum: int, *, hide_zero: bool = False) -> bool:
    """True when ``count`` must not be shown on its own."""
    count = count or 0
    if count == 0:
        return hide_zero
    return count < minimum


TOTAL = "__total__"


class SuppressedTable:
    """A table of counts (rows × columns) with primary and secondary suppression applied.

    ``counts`` maps (row, column) to a count; missing pairs count as zero. ``rows`` and
    ``columns`` give the order. The table is read as a grid with a total row and a total column
    (their crossing is the grand total); every line of that grid, totals included, is protected, so
    a hidden row total cannot be recovered from the grand total either. ``row_totals=False`` or
    ``column_totals=False`` says that those totals are not shown, so they protect nothing.
    """

    def __init__(
        self,
        counts: Mapping[tuple[Hashable, Hashable], int],
        rows: Iterable[Hashable],
        columns: Iterable[Hashable],
        *,
        minimum: int = INCIDENT_MINIMUM,
        hide_zero: bool = False,
        row_totals: bool = True,
        column_totals: bool = True,
    ):
        self.rows = list(rows)
        self.columns = list(columns)
        self.minimum = minimum
        grid = {(r, c): int(counts.get((r, c), 0) or 0) for r in self.rows for c in self.columns}
        for r in self.rows:
            grid[r, TOTAL] = sum(grid[r, c] for c in self.columns)
        for c in [*self.columns, TOTAL]:
            grid[TOTAL, c] = sum(grid[r, c] for r in self.rows)
        self._grid = grid
        self._hidden = {key for key, n in grid.items() if is_small(n, minimum, hide_zero=hide_zero)}
        lines = []
        if row_totals:
            total_row = [TOTAL] if column_totals else []
            lines += [([(r, c) for c in self.columns], (r, TOTAL)) for r in [*self.rows, *total_row]]
        if column_totals:
            total_column = [TOTAL] if row_totals else []
            lines += [([(r, c) for r in self.rows], (TOTAL, c)) for c in [*self.columns, *total_column]]
        self._protect(lines)

    def _protect(self, lines) -> None:
        """Secondary suppression: no line with a shown total keeps a lone hidden cell."""
        changed = True
        while changed:
            changed = False
            for cells, total in lines:
                if total in self._hidden:
                    continue  # no total shown: nothing to subtract from
                if sum(cell in self._hidden for cell in cells) != 1:
                    continue
                shown = [cell for cell in cells if cell not in self._hidden]
                self._hidden.add(min(shown, key=self._grid.__getitem__) if shown else total)
                changed = True

    # -- reading ----------------------------------------------------------------------------------
    def _value(self, key) -> int | None:
        return None if key in self._hidden else self._grid[key]

    def cell(self, row: Hashable, column: Hashable) -> int | None:
        return self._value((row, column))

    def row_total(self, row: Hashable) -> int | None:
        return self._value((row, TOTAL))

    def column_total(self, column: Hashable) -> int | None:
        return self._value((TOTAL, column))

    @property
    def grand_total(self) -> int | None:
        return self._value((TOTAL, TOTAL))

    def is_hidden(self, row: Hashable, column: Hashable) -> bool:
        return (row, column) in self._hidden

    @property
    def any_hidden(self) -> bool:
        return bool(self._hidden)

    def as_rows(self) -> list[tuple[Hashable, list[int | None], int | None]]:
        """(row, its cells in column order, its total) for a template or a CSV."""
        return [(r, [self.cell(r, c) for c in self.columns], self.row_total(r)) for r in self.rows]

    def column_totals(self) -> list[int | None]:
        return [self.column_total(c) for c in self.columns]


def suppress_column(
    counts: Mapping[Hashable, int], keys: Iterable[Hashable] | None = None, *, minimum: int = INCIDENT_MINIMUM,
    hide_zero: bool = False, total: bool = True,
) -> tuple[dict[Hashable, int | None], int | None]:
    """One column of counts with its total: ({key: count or None}, total or None)."""
    keys = list(keys if keys is not None else counts)
    table = SuppressedTable(
        {(key, "n"): counts.get(key, 0) for key in keys}, keys, ["n"],
        minimum=minimum, hide_zero=hide_zero, row_totals=False, column_totals=total,
    )
    return {key: table.cell(key, "n") for key in keys}, table.column_total("n") if total else None


def rate(count: int | None, denominator: int | None, per: int = 1000) -> Decimal | None:
    """``count`` per ``per`` of ``denominator``, one decimal; None when the count is hidden or there
    is no denominator, so a rate never reveals a hidden count."""
    if count is None or not denominator:
        return None
    return (Decimal(count) * per / Decimal(denominator)).quantize(Decimal("0.1"))


def suppressed_label() -> str:
    return str(SUPPRESSED_LABEL)
