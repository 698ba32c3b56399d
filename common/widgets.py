"""Form widgets."""

from html import escape

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html
from django.utils.safestring import SafeString


class QuickSelect(forms.Select):
    """A select that writes its options itself instead of through a template each: the same HTML,
    many times faster. A province's school filter has 1,900 options; Django's per-option template
    made rendering them a third of a second of every list page."""

    def render(self, name, value, attrs=None, renderer=None):
        # The choices are read directly (not through optgroups(), which builds a dictionary per
        # option); every value and label goes through html.escape, what Django's escape does
        # without its lazy-string wrapping. Grouped choices take Django's own way.
        # Once (a model choice list is a query), and not by list(), which would ask its length: a COUNT.
        choices = [choice for choice in self.choices]  # noqa: C416
        if any(isinstance(label, list | tuple) for _value, label in choices):
            return super().render(name, value, attrs, renderer)
        selected = set(self.format_value(value))
        chosen = False
        options = []
        for option_value, label in choices:
            text = "" if option_value is None else str(option_value)
            mark = ""
            if text in selected and not chosen:
                mark, chosen = " selected", True  # a single select marks one option only
            options.append(f'<option value="{escape(text)}"{mark}>{escape(str(label))}</option>')
        final_attrs = self.build_attrs(self.attrs, attrs)
        return format_html('<select name="{}"{}>{}</select>', name, flatatt(final_attrs),
                           SafeString("".join(options)))  # nosec B703: every part escaped above


def quick_selects(form) -> None:
    """Give every single-choice select of `form` the quick rendering (same HTML)."""
    for field in form.fields.values():
        if type(field.widget) is forms.Select:
            quick = QuickSelect(attrs=field.widget.attrs)
            quick.choices = field.widget.choices
            quick.is_required = field.widget.is_required
            field.widget = quick
