"""What the program costs and who pays: officers' annual costs (per police service, rank and fiscal
year, with a per-officer override), the three partners' shares per division and fiscal year, and
the cost of a patrol call (for the estimated savings). Managed in the administration site.

The figures themselves are computed in ``costs.allocation`` and read through ``costs.selectors``.
"""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from accounts.models import Role
from officers.models import Officer
from schools.models import PoliceService, SchoolDivision

from . import fiscal

# Who reads costs: coordinators (their divisions) and program administrators (all) see schools and
# officers; evaluators see division totals only.
COST_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN, Role.EVALUATOR})
COST_DETAIL_ROLES = frozenset({Role.COORDINATOR, Role.PROGRAM_ADMIN})

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}
PERCENT = {"max_digits": 5, "decimal_places": 2,
           "validators": [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]}
FISCAL_YEAR = {"validators": [MinValueValidator(1990), MaxValueValidator(2199)],
               "help_text": _("The calendar year the fiscal year starts in (2025 for 2025–26).")}


class FiscalYearMixin:
    @property
    def fiscal_year_label(self) -> str:
        return fiscal.label(self.fiscal_year)


class OfficerCostRate(FiscalYearMixin, models.Model):
    """The annual cost (salary and benefits) of an officer of one rank in one police service for
    one fiscal year, under the collective agreement."""

    police_service = models.ForeignKey(PoliceService, on_delete=models.PROTECT, related_name="+",
                                       verbose_name=_("police service"))
    rank = models.CharField(_("rank"), max_length=50, help_text=_("As written on the officers' records."))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), **FISCAL_YEAR)
    annual_cost = models.DecimalField(_("annual cost (salary and benefits)"), **MONEY)

    class Meta:
        ordering = ["police_service", "-fiscal_year", "rank"]
        verbose_name = _("officer cost by rank")
        verbose_name_plural = _("officer costs by rank")
        constraints = [
            models.UniqueConstraint(fields=["police_service", "rank", "fiscal_year"],
                                    name="officercostrate_one_per_rank_year"),
            models.CheckConstraint(condition=Q(annual_cost__gte=0), name="officercostrate_cost_not_negative"),
        ]

    def __str__(self):
        return f"{self.police_service} · {self.rank} · {self.fiscal_year_label}"


class OfficerCostOverride(FiscalYearMixin, models.Model):
    """One officer's own annual cost for a fiscal year, instead of their rank's."""

    officer = models.ForeignKey(Officer, on_delete=models.CASCADE, related_name="cost_overrides",
                                verbose_name=_("officer"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), **FISCAL_YEAR)
    annual_cost = models.DecimalField(_("annual cost (salary and benefits)"), **MONEY)
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    class Meta:
        ordering = ["officer", "-fiscal_year"]
        verbose_name = _("officer cost override")
        verbose_name_plural = _("officer cost overrides")
        constraints = [
            models.UniqueConstraint(fields=["officer", "fiscal_year"], name="officercostoverride_one_per_year"),
            models.CheckConstraint(condition=Q(annual_cost__gte=0), name="officercostoverride_cost_not_negative"),
        ]

    def __str__(self):
        return f"{self.officer} · {self.fiscal_year_label}"


class PatrolCallCost(FiscalYearMixin, models.Model):
    """What one patrol call for service costs a police service in a fiscal year: the figure behind
    the estimated savings."""

    police_service = models.ForeignKey(PoliceService, on_delete=models.PROTECT, related_name="+",
                                       verbose_name=_("police service"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), **FISCAL_YEAR)
    cost_per_call = models.DecimalField(_("cost of a patrol call"), **MONEY)

    class Meta:
        ordering = ["police_service", "-fiscal_year"]
        verbose_name = _("patrol call cost")
        verbose_name_plural = _("patrol call costs")
        constraints = [
            models.UniqueConstraint(fields=["police_service", "fiscal_year"], name="patrolcallcost_one_per_year"),
            models.CheckConstraint(condition=Q(cost_per_call__gte=0), name="patrolcallcost_not_negative"),
        ]

    def __str__(self):
        return f"{self.police_service} · {self.fiscal_year_label}"


class Partner(models.TextChoices):
    PROVINCE = "province", _("Province")
    DIVISION = "division", _("School division")
    POLICE_SERVICE = "police_service", _("Police service")


class PartnerShare(FiscalYearMixin, models.Model):
    """The partners' shares of a division's cost for one fiscal year, in percent. Without a row the
    three partners pay one third each."""

    division = models.ForeignKey(SchoolDivision, on_delete=models.CASCADE, related_name="+",
                                 verbose_name=_("school division"))
    fiscal_year = models.PositiveSmallIntegerField(_("fiscal year"), **FISCAL_YEAR)
    province_percent = models.DecimalField(_("province (%)"), **PERCENT)
    division_percent = models.DecimalField(_("school division (%)"), **PERCENT)
    police_service_percent = models.DecimalField(_("police service (%)"), **PERCENT)

    class Meta:
        ordering = ["division", "-fiscal_year"]
        verbose_name = _("partner shares")
        verbose_name_plural = _("partner shares")
        constraints = [
            models.UniqueConstraint(fields=["division", "fiscal_year"], name="partnershare_one_per_year"),
            models.CheckConstraint(
                name="partnershare_adds_up_to_100",
                condition=Q(province_percent=Decimal("100") - F("division_percent") - F("police_service_percent")),
                violation_error_message=_(
                    "The three shares must add up to 100 %% (for example 50, 25 and 25)."
                ),
            ),
            models.CheckConstraint(
                name="partnershare_not_negative",
                condition=Q(province_percent__gte=0, division_percent__gte=0, police_service_percent__gte=0),
            ),
        ]

    def __str__(self):
        return f"{self.division} · {self.fiscal_year_label}"

    def percents(self) -> dict[str, Decimal]:
        return {Partner.PROVINCE: self.province_percent, Partner.DIVISION: self.division_percent,
                Partner.POLICE_SERVICE: self.police_service_percent}
