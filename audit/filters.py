import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from common.filters import ListFilterSet

from .models import AuditEvent


class AuditEventFilter(ListFilterSet):
    """Search the audit log by user, event, outcome and date range (dates in UTC)."""

    username = django_filters.CharFilter(label=_("User name"), lookup_expr="iexact")
    event = django_filters.ChoiceFilter(label=_("Event"), choices=AuditEvent.Event.choices)
    outcome = django_filters.ChoiceFilter(label=_("Outcome"), choices=AuditEvent.Outcome.choices)
    since = django_filters.DateFilter(
        label=_("From (UTC)"), field_name="occurred_at", lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    until = django_filters.DateFilter(
        label=_("To (UTC)"), field_name="occurred_at", lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = AuditEvent
        fields = ["username", "event", "outcome", "since", "until"]
