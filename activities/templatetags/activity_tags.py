from django import template
from django.template.defaultfilters import floatformat

register = template.Library()


@register.filter
def hours(minutes):
    """Minutes as hours with one decimal (localized): 90 → "1.5"."""
    return floatformat((minutes or 0) / 60, 1)


@register.filter
def locked_at(activity, now):
    """Whether the activity is locked at `now` (no query)."""
    return activity.is_locked(now)
