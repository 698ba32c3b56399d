from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import fiscal


def fiscal_year_choices(today=None) -> list[tuple[int, str]]:
    """The last ten fiscal years and the next one, most recent first."""
    current = fiscal.fiscal_year_of(today or timezone.localdate())
    return [(year, fiscal.label(year)) for year in range(current + 1, current - 10, -1)]


class FiscalYearForm(forms.Form):
    fiscal_year = forms.TypedChoiceField(label=_("Fiscal year"), coerce=int, choices=fiscal_year_choices)

    @classmethod
    def chosen(cls, data) -> tuple["FiscalYearForm", int]:
        """The form and the fiscal year it names (the current one when none or a wrong one is given)."""
        current = fiscal.fiscal_year_of(timezone.localdate())
        form = cls(data if data.get("fiscal_year") else None, initial={"fiscal_year": current})
        return form, form.cleaned_data["fiscal_year"] if form.is_valid() else current
