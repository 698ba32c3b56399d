"""Dashboard figures read in the page's language; the CSV files keep them plain."""

from decimal import Decimal

from django.utils import translation

from dashboards.panels import Cell
from dashboards.templatetags.dashboard_tags import dash_cell


def test_a_figure_reads_in_the_pages_language():
    cells = [Cell(Decimal("5646.5"), kind="hours"), Cell(13583), Cell(Decimal("0.8"), kind="change"),
             Cell(Decimal("-1.4"), kind="change")]
    with translation.override("en"):
        assert [dash_cell(c) for c in cells] == ["5,646.5", "13,583", "+0.8", "-1.4"]
    with translation.override("fr"):
        assert [dash_cell(c) for c in cells] == ["5\xa0646,5", "13\xa0583", "+0,8", "-1,4"]
    assert [c.text for c in cells] == ["5646.5", "13583", "+0.8", "-1.4"]


def test_a_linked_figure_and_a_hidden_one():
    assert dash_cell(Cell(1234, href="/incidents/?a=1&b=2")) == '<a href="/incidents/?a=1&amp;b=2">1,234</a>'
    assert "dash-suppressed" in dash_cell(Cell(hidden=True))
    assert dash_cell(Cell(None)).endswith(">—</span>")
