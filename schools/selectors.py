from django.shortcuts import get_object_or_404

from .filters import SchoolFilter
from .models import School, SchoolDivision


def school_list(*, user, filters=None) -> SchoolFilter:
    """The schools the user may see, filtered. Returns the FilterSet (its `.qs` is the list)."""
    queryset = School.objects.visible_to(user).select_related("division", "division__province")
    return SchoolFilter(filters, queryset=queryset, user=user)


def get_school_for_user(user, pk) -> School:
    """A school in the user's scope, or 404: outside scope it does not exist."""
    return get_object_or_404(School.objects.visible_to(user).select_related("division"), pk=pk)


def get_division_for_user(user, pk) -> SchoolDivision:
    return get_object_or_404(
        SchoolDivision.objects.visible_to(user).select_related("province", "police_service"), pk=pk
    )
