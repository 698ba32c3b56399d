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
    """Sorting by a choice of `orderings` ({parameter: the order_by fields}, for each direction):
    each ends with the primary key, so pages never overlap or skip rows, and is written so that
    an index serves it (see ActivityFilter)."""

    def __init__(self, *args, orderings: dict, **kwargs):
        self.orderings = orderings
        super().__init__(*args, **kwargs)

    def build_choices(self, fields, labels):
        """As django-filter's, but "Date (descending)" is translated when shown, not frozen in
        the language of the import (django-filter formats it once, at class definition)."""
        choices = super().build_choices(fields, labels)
        return [(param, _lazy_format(self.descending_fmt, choices[i - 1][1]))
                if param.startswith("-") and param not in labels else (param, label)
                for i, (param, label) in enumerate(choices)]

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*[field for param in value for field in self.orderings[param]])


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
    # Each order is read off an index, a page at a time, at a province's size (2 M entries):
    # by date, the list's own index; by school or officer, their names' indexes (schools 0002,
    # accounts 0002), each school's or officer's entries coming from their own index, newest first;
    # by category or minutes, an index on the column and the primary key (activities 0004).
    o = StableOrderingFilter(
        orderings={
            "date": ("date", "created_at", "pk"),
            "-date": ("-date", "-created_at", "-pk"),
            "school": ("school__name", "school_id", "-date", "-created_at", "-pk"),
            "-school": ("-school__name", "-school_id", "-date", "-created_at", "-pk"),
            "officer": ("officer__user__last_name", "officer__user_id", "-date", "-created_at", "-pk"),
            "-officer": ("-officer__user__last_name", "-officer__user_id", "-date", "-created_at", "-pk"),
            "category": ("category", "pk"),
            "-category": ("-category", "-pk"),
            "minutes": ("minutes", "pk"),
            "-minutes": ("-minutes", "-pk"),
        },
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
