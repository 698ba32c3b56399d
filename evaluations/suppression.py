"""The one rule for small groups: a survey group with fewer responses than
``settings.SURVEY_MIN_RESPONSES`` (10) is shown as suppressed, never as a number, on every page
and in every export, so that no young person can be recognised from their answers."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

SUPPRESSED_LABEL = _("fewer than 10 responses")


def is_suppressed(count: int | None) -> bool:
    return (count or 0) < settings.SURVEY_MIN_RESPONSES


def suppressed_label() -> str:
    return _("fewer than %(n)s responses") % {"n": settings.SURVEY_MIN_RESPONSES}
