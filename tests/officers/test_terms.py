"""SRO terms: five years from becoming an SRO, extensions, terms ending soon."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from officers.models import Officer
from officers.services import term_extension_create

from .factories import TermExtensionFactory, officer_for

D = datetime.date


def test_a_term_lasts_five_years_to_the_day_before_the_anniversary(division):
    officer = officer_for(division, became_sro_on=D(2020, 9, 1))
    assert officer.term_end == D(2025, 8, 31)


def test_a_term_started_on_29_february_ends_on_27_february(division):
    officer = officer_for(division, joined_service_on=D(2010, 1, 1), became_sro_on=D(2020, 2, 29))
    assert officer.term_end == D(2025, 2, 27)


def test_an_officer_who_is_not_an_sro_has_no_term(division):
    assert officer_for(division, became_sro_on=None).term_end is None


def test_the_latest_extension_sets_the_end_of_the_term(division):
    officer = officer_for(division, became_sro_on=D(2020, 9, 1))
    TermExtensionFactory(officer=officer, new_end=D(2026, 6, 30))
    TermExtensionFactory(officer=officer, new_end=D(2027, 6, 30))
    assert officer.term_end == D(2027, 6, 30)
    assert Officer.objects.with_term_end().get(pk=officer.pk).term_end == D(2027, 6, 30)


def test_an_extension_records_reason_and_author(division, coordinator):
    officer = officer_for(division, became_sro_on=D(2020, 9, 1))
    extension = term_extension_create(officer=officer, new_end=D(2026, 6, 30), reason="Finish the year",
                                      by=coordinator)
    assert (extension.reason, extension.created_by, extension.created_at is not None) == (
        "Finish the year", coordinator, True)


def test_an_extension_must_end_after_the_current_term(division):
    officer = officer_for(division, became_sro_on=D(2020, 9, 1))
    with pytest.raises(ValidationError) as exc:
        term_extension_create(officer=officer, new_end=D(2025, 8, 31), reason="No change")
    assert "new_end" in exc.value.message_dict


def test_an_extension_one_day_after_the_current_term_is_accepted(division):
    officer = officer_for(division, became_sro_on=D(2020, 9, 1))
    assert term_extension_create(officer=officer, new_end=D(2025, 9, 1), reason="One more day").pk


def test_an_extension_must_go_beyond_the_previous_extension(division):
    officer = officer_for(division, became_sro_on=D(2020, 9, 1))
    TermExtensionFactory(officer=officer, new_end=D(2026, 6, 30))
    with pytest.raises(ValidationError):
        term_extension_create(officer=officer, new_end=D(2026, 1, 31), reason="Shorter")


def test_an_extension_needs_a_reason(division):
    officer = officer_for(division, became_sro_on=D(2020, 9, 1))
    with pytest.raises(ValidationError) as exc:
        term_extension_create(officer=officer, new_end=D(2026, 6, 30), reason="")
    assert "reason" in exc.value.message_dict


def test_an_officer_without_a_term_cannot_be_extended(division):
    officer = officer_for(division, became_sro_on=None)
    with pytest.raises(ValidationError):
        term_extension_create(officer=officer, new_end=D(2026, 6, 30), reason="None")


# Terms ending between two days --------------------------------------------------------------

def ending(first, last):
    return set(Officer.objects.with_term_end().terms_ending_between(first, last))


@pytest.mark.parametrize(("became", "inside"), [
    (D(2021, 3, 1), False),  # ends 2026-02-28, the day before the window
    (D(2021, 3, 2), True),   # ends 2026-03-01, first day of the window
    (D(2021, 9, 1), True),   # ends 2026-08-31, last day of the window
    (D(2021, 9, 2), False),  # ends 2026-09-01, the day after
])
def test_terms_ending_between_includes_both_ends_of_the_window(division, became, inside):
    officer = officer_for(division, became_sro_on=became)
    assert (officer in ending(D(2026, 3, 1), D(2026, 8, 31))) is inside


def test_terms_ending_counts_a_term_started_on_29_february(division):
    officer = officer_for(division, became_sro_on=D(2020, 2, 29))  # ends 2025-02-27
    assert officer in ending(D(2025, 2, 27), D(2025, 2, 27))
    assert officer not in ending(D(2025, 2, 28), D(2025, 3, 31))


def test_an_extended_term_ends_when_the_extension_ends(division):
    officer = officer_for(division, became_sro_on=D(2021, 6, 1))  # would end 2026-05-31
    TermExtensionFactory(officer=officer, new_end=D(2027, 6, 30))
    assert officer not in ending(D(2026, 3, 1), D(2026, 8, 31))
    assert officer in ending(D(2027, 6, 1), D(2027, 6, 30))


def test_officers_who_are_not_sros_never_have_terms_ending(division):
    officer = officer_for(division, became_sro_on=None)
    assert officer not in ending(D(1900, 1, 1), D(2100, 1, 1))
