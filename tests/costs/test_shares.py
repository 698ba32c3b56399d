from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from costs.admin import PartnerShareForm
from costs.models import PartnerShare


def test_shares_that_do_not_add_up_to_100_are_refused_with_a_message(division):
    form = PartnerShareForm(data={"division": division.pk, "fiscal_year": 2025, "province_percent": "40",
                                  "division_percent": "30", "police_service_percent": "29"})
    assert not form.is_valid()
    assert "The three shares must add up to 100 % (for example 50, 25 and 25)." in form.non_field_errors()


def test_shares_adding_up_to_100_are_kept(division):
    form = PartnerShareForm(data={"division": division.pk, "fiscal_year": 2025, "province_percent": "50",
                                  "division_percent": "25", "police_service_percent": "25"})
    assert form.is_valid(), form.errors
    form.save()
    assert PartnerShare.objects.get().percents()["province"] == Decimal("50.00")


def test_a_new_share_form_starts_at_one_third_each():
    form = PartnerShareForm()
    assert sum(Decimal(form.initial[f]) for f in ["province_percent", "division_percent",
                                                   "police_service_percent"]) == 100


def test_the_database_refuses_shares_that_do_not_add_up(division):
    with pytest.raises(IntegrityError):
        PartnerShare.objects.create(division=division, fiscal_year=2025, province_percent=Decimal("50"),
                                    division_percent=Decimal("50"), police_service_percent=Decimal("1"))


def test_full_clean_names_the_constraint_message(division):
    share = PartnerShare(division=division, fiscal_year=2025, province_percent=Decimal("10"),
                         division_percent=Decimal("10"), police_service_percent=Decimal("10"))
    with pytest.raises(ValidationError, match="must add up to 100"):
        share.full_clean()
