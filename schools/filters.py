import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.filters import ListFilterSet

from .models import School, SchoolDivision


class SchoolFilter(ListFilterSet):
    """Filters for the school list. Choices come from the user's scope only."""

    q = django_filters.CharFilter(label=_("Name or address"), method="search")
    division = django_filters.ModelChoiceFilter(
        label=_("School division"), queryset=SchoolDivision.objects.none()
    )
    level = django_filters.ChoiceFilter(label=_("Level"), choices=School.Level.choices)
    active = django_filters.BooleanFilter(
        label=_("Active"),
        widget=forms.Select(choices=[("", _("Any")), ("true", _("Yes")), ("false", _("No"))]),
    )

    class Meta:
        model = School
        fields = ["q", "division", "level", "active"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["division"].queryset = SchoolDivision.objects.visible_to(user)

    def search(self, queryset, name, value):
        return queryset.filter(Q(name__icontains=value) | Q(address__icontains=value))
