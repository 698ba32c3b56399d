from django import template
from django.utils import formats
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def money(value):
    """An amount in dollars, grouped in the reader's language ("$1,234.56", "1 234,56 $"); "—" when
    there is none."""
    if value is None or value == "":
        return "—"
    return _("$%(amount)s") % {"amount": formats.number_format(value, 2, use_l10n=True, force_grouping=True)}
