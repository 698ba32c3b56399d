"""Lists: `{% table_region %}` wraps every table that may be wider than the screen, and
`active_filter_count` counts a list's filters in use (includes/filter_form.html).

    {% table_region _("Incidents") stack=True %}<table>…</table>{% end_table_region %}

A table wider than its box scrolls sideways inside it; to be scrolled with the keyboard the box
must take the focus, and a box that takes the focus needs a name (WCAG 2.1.1, axe's
`scrollable-region-focusable`). The tag gives it `tabindex="0"`, `role="region"` and the label.

`stack=True` lays a list's rows out as cards on phones (static/css/responsive.css): each cell then
shows its column's name from its `data-label` attribute, so the status and severity of an incident
are on screen without scrolling. Registered as a built-in library (settings.TEMPLATES), so templates
use it without `{% load %}`.
"""

from django import template
from django.utils.html import format_html

register = template.Library()


class TableRegionNode(template.Node):
    def __init__(self, label, stack, nodelist):
        self.label, self.stack, self.nodelist = label, stack, nodelist

    def render(self, context):
        stack = self.stack.resolve(context) if self.stack is not None else False
        return format_html(
            '<div class="table-responsive table-region{}" role="region" aria-label="{}" tabindex="0">{}</div>',
            " table-stack" if stack else "", self.label.resolve(context), self.nodelist.render(context),
        )


@register.tag("table_region")
def table_region(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and not bits[2].startswith("stack=")):
        raise template.TemplateSyntaxError('Usage: {% table_region label [stack=True] %}…{% end_table_region %}')
    label = parser.compile_filter(bits[1])
    stack = parser.compile_filter(bits[2].removeprefix("stack=")) if len(bits) == 3 else None
    nodelist = parser.parse(("end_table_region",))
    parser.delete_first_token()
    return TableRegionNode(label, stack, nodelist)


@register.filter
def active_filter_count(filterset) -> int:
    """How many of a list's filters hold a value (shown on the phone's "Filter" button)."""
    form = filterset.form
    if not form.is_bound:
        return 0
    count = 0
    for name in form.fields:
        value = form[name].value()
        values = value if isinstance(value, list | tuple) else [value]
        count += any(v not in (None, "") for v in values)
    return count
