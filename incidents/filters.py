import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.filters import ListFilterSet
from schools.models import School, SchoolDivision

from .models import (
    INCIDENT_ROLES,
    Category,
    Disposition,
    ExportPurpose,
    Incident,
    PersonalInfoAccess,
    RespondingUnit,
    RiskLevel,
    Severity,
    Status,
    ThreatAssessment,
)

DATE = forms.DateInput(attrs={"type": "date"})


class IncidentFilter(ListFilterSet):
    """Filters of every incident list. Choices of schools and divisions come from the user's scope."""

    occurred_from = django_filters.DateFilter(field_name="occurred_at", lookup_expr="date__gte",
                                              label=_("From"), widget=DATE)
    occurred_to = django_filters.DateFilter(field_name="occurred_at", lookup_expr="date__lte",
                                            label=_("To"), widget=DATE)
    division = django_filters.ModelChoiceFilter(field_name="school__division", label=_("School division"),
                                                queryset=SchoolDivision.objects.none())
    school = django_filters.ModelChoiceFilter(label=_("School"), queryset=School.objects.none())
    category = django_filters.ChoiceFilter(label=_("Category"), choices=Category.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    severity = django_filters.ChoiceFilter(label=_("Severity"), choices=Severity.choices)
    disposition = django_filters.ChoiceFilter(
        label=_("Disposition"), choices=[*Disposition.choices, ("none", _("Not recorded yet"))],
        method="filter_disposition",
    )
    # For the dashboards' drill-down: a school level, the responding unit, and whether the police
    # response was timed (called and on scene both recorded), as the response-time figures count.
    level = django_filters.ChoiceFilter(field_name="school__level", label=_("School level"),
                                        choices=School.Level.choices)
    responding_unit = django_filters.ChoiceFilter(label=_("Responding unit"), choices=RespondingUnit.choices)
    response_time = django_filters.BooleanFilter(label=_("Response time recorded"), method="filter_response_time")

    class Meta:
        model = Incident
        fields = ["occurred_from", "occurred_to", "division", "school", "category", "status", "severity",
                  "disposition", "level", "responding_unit", "response_time"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        schools = School.objects.visible_to(user, roles=INCIDENT_ROLES)
        self.filters["school"].queryset = schools
        self.filters["division"].queryset = SchoolDivision.objects.visible_to(user, roles=INCIDENT_ROLES)

    def filter_disposition(self, queryset, name, value):
        return queryset.filter(disposition="" if value == "none" else value)

    def filter_response_time(self, queryset, name, value):
        timed = Q(called_at__isnull=False, on_scene_at__isnull=False)
        return queryset.filter(timed) if value else queryset.exclude(timed)


class AssessmentFilter(ListFilterSet):
    division = django_filters.ModelChoiceFilter(field_name="incident__school__division", label=_("School division"),
                                                queryset=SchoolDivision.objects.none())
    school = django_filters.ModelChoiceFilter(field_name="incident__school", label=_("School"),
                                              queryset=School.objects.none())
    risk_level = django_filters.ChoiceFilter(label=_("Risk level"), choices=RiskLevel.choices)
    overdue = django_filters.BooleanFilter(label=_("Follow-up overdue"), method="filter_overdue")
    due = django_filters.BooleanFilter(label=_("Follow-up due (today or before)"), method="filter_due")

    class Meta:
        model = ThreatAssessment
        fields = ["division", "school", "risk_level", "overdue", "due"]

    def __init__(self, *args, user, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["school"].queryset = School.objects.visible_to(user, roles=roles)
        self.filters["division"].queryset = SchoolDivision.objects.visible_to(user, roles=roles)

    def filter_due(self, queryset, name, value):
        due = ThreatAssessment.objects.due(timezone.localdate())
        return queryset.filter(pk__in=due) if value else queryset.exclude(pk__in=due)

    def filter_overdue(self, queryset, name, value):
        overdue = ThreatAssessment.objects.overdue()
        return queryset.filter(pk__in=overdue) if value else queryset.exclude(pk__in=overdue)


class AccessLogFilter(ListFilterSet):
    """Search the personal-information access log by record, user, kind, purpose and date range."""

    incident = django_filters.NumberFilter(field_name="incident_id", label=_("Incident number"), min_value=1)
    username = django_filters.CharFilter(field_name="user__username", lookup_expr="iexact", label=_("User name"))
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=PersonalInfoAccess.Kind.choices)
    purpose = django_filters.ChoiceFilter(label=_("Purpose"), choices=ExportPurpose.choices)
    since = django_filters.DateFilter(field_name="at", lookup_expr="date__gte", label=_("From"), widget=DATE)
    until = django_filters.DateFilter(field_name="at", lookup_expr="date__lte", label=_("To"), widget=DATE)

    class Meta:
        model = PersonalInfoAccess
        fields = ["incident", "username", "kind", "purpose", "since", "until"]
