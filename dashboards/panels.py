"""A dashboard panel: one table of figures, the chart drawn from it, and its CSV.

The table is the panel: the chart (drawn by static/dashboards/charts.js from ``chart_data``, sent
through ``json_script``) and the CSV (``csv_rows``) are both made from the same cells, so the file
gives exactly the table shown and the page without JavaScript loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from common.suppression import rate, suppressed_label


@dataclass
class Cell:
    """One figure. ``hidden`` marks a small count withheld (common.suppression); ``href`` is the
    list behind the figure, already filtered."""

    value: object = None
    href: str = ""
    hidden: bool = False
    # How the figure reads: "count", "hours", "rate", "percent", "change", "minutes" or "text".
    kind: str = "count"

    @property
    def text(self) -> str:
        if self.hidden:
            return suppressed_label()
        if self.value is None:
            return ""
        if self.kind == "change" and isinstance(self.value, Decimal | int | float):
            return f"{self.value:+}"
        return str(self.value)

    @property
    def number(self):
        """The figure for the chart: a number, or None (a gap) when hidden or empty."""
        if self.hidden or self.value is None or self.kind == "text":
            return None
        return float(self.value)


def hidden_or(value, *, kind="count", href="") -> Cell:
    """A cell for a value that suppression may have hidden (None)."""
    if value is None:
        return Cell(hidden=True, kind=kind)
    return Cell(value, kind=kind, href=href)


def rate_cell(count, denominator) -> Cell:
    """The rate per 1,000 of a count: hidden with its count, blank without a denominator."""
    if count is None:
        return Cell(hidden=True, kind="rate")
    return Cell(rate(count, denominator), kind="rate")


@dataclass
class Row:
    label: str
    cells: list[Cell]
    href: str = ""  # where the row's label leads (a division's dashboard, an officer)
    group: str = ""  # a heading above the first row of each group (a province)


@dataclass
class Chart:
    """What to draw: ``kind`` is a Chart.js type ("bar" or "line"); each series takes its values
    from one column of the table."""

    kind: str
    columns: list[int]  # indexes of the table columns drawn, one series each
    horizontal: bool = False


@dataclass
class Panel:
    slug: str
    title: str
    columns: list[str]  # headers of the value columns (the label column comes first)
    label_header: str
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None
    chart: Chart | None = None
    note: str = ""
    more_href: str = ""  # the full list behind the panel
    # Some cells were hidden as small counts (shown in a note under the table).
    any_hidden: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.rows

    def csv_header(self) -> list[str]:
        return [self.label_header, *self.columns]

    def csv_rows(self) -> list[list[str]]:
        rows = [*self.rows, *([self.total] if self.total else [])]
        return [[row.label, *(cell.text for cell in row.cells)] for row in rows]

    def chart_data(self) -> dict | None:
        """The data for charts.js: labels and one dataset per charted column. No query."""
        if self.chart is None or not self.rows:
            return None
        return {
            "type": self.chart.kind,
            "horizontal": self.chart.horizontal,
            "labels": [row.label for row in self.rows],
            "datasets": [
                {"label": str(self.columns[index]), "data": [row.cells[index].number for row in self.rows]}
                for index in self.chart.columns
            ],
        }
