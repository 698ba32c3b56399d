"""The dashboards' table cell as a tag: a division dashboard has about 1,200 cells, and rendering
each through an included template took a third of the page's time at a province's size."""

from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.html import format_html
from django.utils.translation import gettext as _

from common.suppression import SUPPRESSED_LABEL

register = template.Library()


@register.simple_tag
def dash_cell(cell):
    """One figure: the suppression mark, a dash for none, or the figure (linked to its list)."""
    if cell.hidden:
        return format_html('<span class="dash-suppressed" title="{}">*<span class="visually-hidden"> {}</span></span>',
                           SUPPRESSED_LABEL, SUPPRESSED_LABEL)
    if cell.value is None:
        return format_html('<span aria-label="{}">—</span>', _("none"))
    if cell.href:
        return format_html('<a href="{}">{}</a>', cell.href, shown(cell))
    return shown(cell)


def shown(cell) -> str:
    """The figure in the page's language (11,504.6 in English, 11 504,6 in French); a change keeps
    its sign. The CSV files keep `cell.text`, plain for a spreadsheet."""
    value = cell.value
    if cell.kind == "text" or isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        return cell.text
    text = formats.number_format(value, use_l10n=True, force_grouping=True)
    return f"+{text}" if cell.kind == "change" and value >= 0 else text
