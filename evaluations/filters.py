import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.filters import ListFilterSet
from schools.models import School

from .models import Audience, Instrument, Survey


class InstrumentFilter(ListFilterSet):
    q = django_filters.CharFilter(label=_("Name"), method="filter_name")
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Audience.choices)

    class Meta:
        model = Instrument
        fields = ["q", "audience"]

    def filter_name(self, queryset, name, value):
        # Either language's name: `name` alone would search the interface language's column only,
        # missing an instrument that has no French name yet.
        return queryset.filter(Q(name_en__icontains=value) | Q(name_fr__icontains=value))


class SurveyFilter(ListFilterSet):
    """Filters for survey lists. The school choices come from the user's scope only."""

    school_year = django_filters.CharFilter(label=_("School year"), method="filter_school_year")
    audience = django_filters.ChoiceFilter(label=_("Audience"), choices=Audience.choices)
    school = django_filters.ModelChoiceFilter(
        label=_("School"), queryset=School.objects.none(), field_name="schools", distinct=True
    )

    class Meta:
        model = Survey
        fields = ["school_year", "audience", "school"]

    def __init__(self, *args, user, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["school"].queryset = School.objects.visible_to(user, roles=roles)

    def filter_school_year(self, queryset, name, value):
        return queryset.filter(school_year=value.strip().replace("-", "–"))
