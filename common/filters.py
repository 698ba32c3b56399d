"""The base of every list's filters (django-filter FilterSets)."""

import functools

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .forms import ANY, label_empty_choices
from .input_limits import beyond_any_key
from .widgets import quick_selects

# Form fields whose value becomes a number or a key in the query.
NUMBER_OR_KEY_FIELDS = (forms.IntegerField, forms.DecimalField, forms.FloatField, forms.ModelChoiceField)
BEYOND_ANY_KEY = "beyond_any_key"


def _refusing_numbers_beyond_any_key(clean):
    @functools.wraps(clean)
    def clean_within_key_range(value):
        values = value if isinstance(value, list | tuple) else [value]
        if any(beyond_any_key(item) for item in values):
            raise ValidationError(_("No record has a number this large."), code=BEYOND_ANY_KEY)
        return clean(value)

    return clean_within_key_range


class ListFilterSet(django_filters.FilterSet):
    """Every list's FilterSet derives from this one.

    A number or an id beyond what any key can hold (a 64-bit integer) is a form error shown above the
    list, and the list is empty: no record can match it, and the database is never asked (SQLite
    cannot even bind such a number: OverflowError, a 500).

    An empty choice reads "Any" (common.forms), not "---------"."""

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            label_empty_choices(form, optional=ANY, required=ANY)
            for field in form.fields.values():
                if isinstance(field, NUMBER_OR_KEY_FIELDS):
                    field.clean = _refusing_numbers_beyond_any_key(field.clean)
            quick_selects(form)  # long choice lists (a province's schools) render fast
        return self._form

    def filter_queryset(self, queryset):
        errors = self.form.errors.as_data()
        if any(error.code == BEYOND_ANY_KEY for field_errors in errors.values() for error in field_errors):
            return queryset.none()
        return super().filter_queryset(queryset)
