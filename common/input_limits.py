"""Limits on typed dates that hold for every form of the project.

A date field accepts any year from 1 to 9999, but such dates break later: 31 December 9999 at
23:59 in Winnipeg is already the year 10000 in UTC, which PostgreSQL stores and Python then
cannot read back (every page listing the record fails), and "the day before 1 January 1" cannot
be computed. Nobody in this program types a date before 1900 or after 2199, so every form's
date and date-time fields (model forms, plain forms, list filters, the administration site)
refuse them with a form error. `install()` is called once, from `SchoolsConfig.ready()`; it
wraps the field classes' `validate()`, so fields declared before it runs are covered as well.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

EARLIEST = datetime.date(1900, 1, 1)
LATEST = datetime.date(2199, 12, 31)


def validate_plausible_date(value) -> None:
    """Refuse a date (or date and time) outside EARLIEST..LATEST."""
    day = value.date() if isinstance(value, datetime.datetime) else value
    if not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Give a date between %(earliest)s and %(latest)s."), code="date_out_of_range",
            params={"earliest": EARLIEST.year, "latest": LATEST.year},
        )


def _with_plausible_dates(validate):
    def validate_and_check_range(self, value):
        validate(self, value)
        if value not in self.empty_values:
            validate_plausible_date(value)

    validate_and_check_range.plausible_dates = True
    return validate_and_check_range


def install() -> None:
    for field_class in (forms.DateField, forms.DateTimeField):
        if not getattr(field_class.validate, "plausible_dates", False):
            field_class.validate = _with_plausible_dates(field_class.validate)


# The largest key a database column can hold (64-bit): no record has an id beyond it.
LARGEST_KEY = 2**63 - 1


def beyond_any_key(value) -> bool:
    """Whether `value` (typed text, or a number) is a whole number no 64-bit key can hold."""
    digits = str(value).strip().removeprefix("-").removeprefix("+")
    whole, _point, fraction = digits.partition(".")
    return whole.isascii() and whole.isdigit() and fraction.strip("0") == "" and int(whole) > LARGEST_KEY


def admin_query_beyond_any_key(query) -> bool:
    """Whether an administration-site query (a QueryDict, or a plain dict) holds a whole number no
    64-bit key can hold, outside the search box ("q", which is text)."""
    lists = query.lists() if hasattr(query, "lists") else ((name, [value]) for name, value in query.items())
    return any(beyond_any_key(value) for name, values in lists if name != "q" for value in values)


class RefuseUnusableQueryMiddleware:
    """A query the database cannot even be asked is answered 400 Bad Request:

    - a query parameter (name or value) holding a NUL character: no link or form of the portal
      makes one, and PostgreSQL refuses NUL in any text it is given, so a list filter that passes
      the value on to a query (the administration site's filters do) would fail with a 500;
    - in the administration site, a whole number beyond any 64-bit key (but in the search, which is
      text): its list filters pass ids
      straight to the database, and SQLite cannot bind such a number (OverflowError). The portal's
      own filters check their choices first, and posted forms refuse such values with a form error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        for name, values in request.GET.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                return HttpResponseBadRequest(_("The address holds a character that is not allowed."))
        if request.path.startswith(reverse("admin:index")) and admin_query_beyond_any_key(request.GET):
            return HttpResponseBadRequest(_("The address holds a number too large for any record."))
        return self.get_response(request)
