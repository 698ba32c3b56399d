"""The dashboards' table cell as a tag: a division dashboard has about 1,200 cells, and rendering
each through an included template took a third of the page's time at a province's size."""

from django import template
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
        return format_html('<a href="{}">{}</a>', cell.href, cell.text)
    return cell.text
