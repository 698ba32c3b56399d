from django import template
from django.utils import formats
from django.utils.translation import gettext as _

register = template.Library()


def _number(value, digits):
    return formats.number_format(value, digits, use_l10n=True, force_grouping=True)


@register.filter
def in_unit(value, unit):
    """A report figure in its unit ("72.4 %", "12.5 min", "$1,234.00"); "—" when there is none."""
    if value is None:
        return "—"
    if unit == "%":
        return _("%(value)s %%") % {"value": _number(value, 1)}
    if unit == "min":
        return _("%(value)s min") % {"value": _number(value, 1)}
    if unit == "$":
        return _("$%(amount)s") % {"amount": _number(value, 2)}
    return _number(value, 1)


@register.filter
def change_in_unit(value, unit):
    """A change with its sign, in percentage points for percentages."""
    if value is None:
        return "—"
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    size = abs(value)
    if unit == "%":
        return _("%(sign)s%(value)s points") % {"sign": sign, "value": _number(size, 1)}
    if unit == "min":
        return _("%(sign)s%(value)s min") % {"sign": sign, "value": _number(size, 1)}
    if unit == "$":
        return _("%(sign)s$%(amount)s") % {"sign": sign, "amount": _number(size, 2)}
    return f"{sign}{_number(size, 1)}"
