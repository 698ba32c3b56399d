from django import forms
from django.utils.translation import gettext_lazy as _

from schools.models import School

from .periods import YEARS_OFFERED, SchoolYear


def year_choices() -> list[tuple[str, str]]:
    current = SchoolYear.current()
    years = [SchoolYear(current.start_year - back) for back in range(YEARS_OFFERED)]
    return [(year.label, year.label) for year in years]


class DashboardFilterForm(forms.Form):
    """The school year (compared with the one before) and, on a division dashboard, a level and a
    school. School choices are the division's schools in the user's scope, given by the view (no
    query here). An invalid choice is shown as an error and the figures fall back to the default."""

    # A select of recent years; typed in the address, "2024-25" works as well as "2024–25".
    year = forms.CharField(label=_("School year"), required=False, widget=forms.Select)
    level = forms.ChoiceField(label=_("Level"), required=False)
    school = forms.TypedChoiceField(label=_("School"), required=False, coerce=int, empty_value=None)

    def __init__(self, data=None, *, schools=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].widget.choices = year_choices()
        if schools is None:
            del self.fields["level"], self.fields["school"]
        else:
            self.fields["level"].choices = [("", _("All levels")), *School.Level.choices]
            self.fields["school"].choices = [("", _("All schools")), *((s.pk, s.name) for s in schools)]

    def value(self, name, default=None):
        """The cleaned value of a field, or `default` when the form or that field is invalid."""
        if not self.is_bound or name not in self.fields:
            return default
        self.is_valid()
        if name in self.errors:
            return default
        return self.cleaned_data.get(name) or default

    def clean_year(self):
        value = self.cleaned_data["year"]
        if not value:
            return ""
        year = SchoolYear.parse(value)
        if not 1900 <= year.start_year < 2199:  # the project's date limits (common/input_limits.py)
            raise forms.ValidationError(_("Choose a school year from the list."), code="year_range")
        return year.label

    def school_year(self) -> SchoolYear:
        label = self.value("year")
        return SchoolYear.parse(label) if label else SchoolYear.current()
