"""The list helpers of every page (common/templatetags/lists.py): the scrollable-table region and the
count of filters in use (issue 16, defects 2 and 3)."""

import re
from pathlib import Path

from django.http import QueryDict
from django.template import Context, Template

from incidents.filters import IncidentFilter

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
# Tables that never get wider than their box, so need no scrollable region.
NARROW_TABLES = {
    "includes/history_entries.html": "three columns whose cells wrap (text-break) inside a card",
}


def render(source, **context):
    return Template(source).render(Context(context))


def test_a_table_region_is_a_focusable_labelled_region():
    html = render('{% table_region label %}<table></table>{% end_table_region %}', label="Audit events")
    assert html == ('<div class="table-responsive table-region" role="region" aria-label="Audit events" '
                    'tabindex="0"><table></table></div>')


def test_a_stacked_table_region_gets_the_class_that_stacks_rows_on_phones():
    html = render('{% table_region "Incidents" stack=True %}<table></table>{% end_table_region %}')
    assert 'class="table-responsive table-region table-stack"' in html


def test_a_table_regions_label_is_escaped():
    html = render('{% table_region label %}{% end_table_region %}', label='"><script>')
    assert 'aria-label="&quot;&gt;&lt;script&gt;"' in html


def test_every_table_of_every_template_is_in_a_table_region():
    unwrapped = []
    for path in TEMPLATES.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(TEMPLATES))
        if name not in NARROW_TABLES and len(re.findall(r"<table\b", text)) > text.count("{% table_region "):
            unwrapped.append(name)
    assert unwrapped == []


def test_no_filter_in_use_counts_zero(sro):
    assert render("{{ f|active_filter_count }}", f=IncidentFilter(QueryDict(""), queryset=None, user=sro)) == "0"


def test_each_filter_holding_a_value_counts_once_and_empty_ones_do_not(sro):
    data = QueryDict("severity=high&status=closed&category=&page=2")
    assert render("{{ f|active_filter_count }}", f=IncidentFilter(data, queryset=None, user=sro)) == "2"
