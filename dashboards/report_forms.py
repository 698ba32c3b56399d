from django import forms
from django.utils.translation import gettext_lazy as _

from .report import default_years, year_label, year_of


class ReportYearsForm(forms.Form):
    """The school year of the report and its baseline, among the years with data (and up to now)."""

    year = forms.TypedChoiceField(label=_("School year"), coerce=int)
    baseline = forms.TypedChoiceField(label=_("Baseline year"), coerce=int)

    def __init__(self, data=None, *, found, today):
        self.found = found
        first = min((f for f, _last in found.values()), default=year_of(today) - 1)
        choices = [(y, year_label(y)) for y in range(year_of(today), first - 1, -1)]
        this, baseline = default_years(found)
        super().__init__(data if data and data.get("year") else None, initial={"year": this, "baseline": baseline})
        self.fields["year"].choices = choices
        self.fields["baseline"].choices = choices

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("year") is not None and cleaned.get("baseline") is not None \
                and cleaned["baseline"] > cleaned["year"]:
            self.add_error("baseline", _("The baseline year cannot come after the year of the report."))
        return cleaned

    def years(self) -> tuple[int, int]:
        """(year, baseline): the chosen ones, or the defaults when nothing or something wrong was chosen."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["year"], self.cleaned_data["baseline"]
        return default_years(self.found)
