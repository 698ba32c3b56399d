import django_filters
from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from common.filters import ListFilterSet
from officers.models import Assignment, Officer
from schools.models import School, SchoolDivision

from .models import BROWSE_ROLES, Activity, Category, Topic


def _format(fmt, label):
    return str(fmt) % label


_lazy_format = lazy(_format, str)


class StableOrderingFilter(django_filters.OrderingFilter):
    """Sorting that always ends with the primary key, so pages never overlap or skip rows."""

    def build_choices(self, fields, labels):
        """As django-filter's, but "Date (descending)" is translated when shown, not frozen in
        the language of the import (django-filter formats it once, at class definition)."""
        choices = super().build_choices(fields, labels)
        return [(param, _lazy_format(self.descending_fmt, choices[i - 1][1]))
                if param.startswith("-") and param not in labels else (param, label)
                for i, (param, label) in enumerate(choices)]

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        if value:
            qs = qs.order_by(*qs.query.order_by, "-pk")
        return qs


class ActivityFilter(ListFilterSet):
    """Filters for the activity list and its export. Choices come from the user's scope only."""

    date_from = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label=_("From"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label=_("To"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    division = django_filters.ModelChoiceFilter(field_name="school__division", label=_("School division"),
                                                queryset=SchoolDivision.objects.none())
    level = django_filters.ChoiceFilter(field_name="school__level", label=_("School level"),
                                        choices=School.Level.choices)
    school = django_filters.ModelChoiceFilter(label=_("School"), queryset=School.objects.none())
    officer = django_filters.ModelChoiceFilter(label=_("Officer"), queryset=Officer.objects.none())
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices)
    topic = django_filters.ChoiceFilter(label=_("Presentation topic"), choices=Topic.choices)
    o = StableOrderingFilter(
        label=_("Sort by"),
        fields=(
            ("date", "date"),
            ("school__name", "school"),
            ("officer__user__last_name", "officer"),
            ("category", "category"),
            ("minutes", "minutes"),
        ),
        field_labels={
            "date": _("Date"),
            "school__name": _("School"),
            "officer__user__last_name": _("Officer"),
            "category": _("Category"),
            "minutes": _("Minutes"),
        },
    )

    class Meta:
        model = Activity
        fields = ["date_from", "date_to", "division", "level", "school", "officer", "category", "topic"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        schools = School.objects.visible_to(user, roles=BROWSE_ROLES)
        self.filters["school"].queryset = schools
        self.filters["division"].queryset = SchoolDivision.objects.visible_to(user, roles=BROWSE_ROLES)
        # Officers who served a school in scope (now or before); names only, one query.
        self.filters["officer"].queryset = Officer.objects.filter(
            pk__in=Assignment.objects.filter(school__in=schools).values("officer_id")
        ).select_related("user")
