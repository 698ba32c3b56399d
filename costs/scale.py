"""Generated costs (seed_scale): what the costs pages, the dashboards' cost panels and the outcome
report need at a province's size. Every police service gets an annual cost per rank and a patrol
call cost for each fiscal year the generated activity covers (plus the year under way), rising
about 3 % a year as collective agreements do; one division in five has its own partner shares,
and one officer in twenty their own annual cost. Reads what it needs from the database, so it can
also be run alone on generated data made before it existed (`seed_scale` runs it after officers)."""

from decimal import Decimal

from common.bulkload import bulk_load
from officers.models import Officer
from schools.models import PoliceService, SchoolDivision

from . import fiscal
from .models import OfficerCostOverride, OfficerCostRate, PartnerShare, PatrolCallCost

BASE_COST = {"Constable": 128_000, "Detective Constable": 139_000, "Sergeant": 152_000}
BASE_CALL = 540
SHARES = [(50, 25, 25), (40, 30, 30), (34, 33, 33), (60, 20, 20)]


def fiscal_years(ctx) -> range:
    return range(fiscal.fiscal_year_of(ctx.period_start), fiscal.fiscal_year_of(ctx.today) + 2)


def seed(ctx):
    rng = ctx.rng_for("costs")
    years = fiscal_years(ctx)
    ranks = sorted(set(Officer.objects.values_list("rank", flat=True)))
    services = list(PoliceService.objects.order_by("pk").values_list("pk", flat=True))
    progress = ctx.progress("costs", len(services) * len(years))
    rates, calls = [], []
    for service in services:
        level = 1 + rng.uniform(-0.06, 0.06)  # services pay a little more or less than one another
        for step, year in enumerate(years):
            rise = level * 1.03 ** step
            for rank in ranks:
                base = BASE_COST.get(rank, BASE_COST["Constable"])
                rates.append((service, rank, year, Decimal(round(base * rise))))
            calls.append((service, year, Decimal(round(BASE_CALL * rise))))
            progress.advance()
    bulk_load(OfficerCostRate, ["police_service_id", "rank", "fiscal_year", "annual_cost"], rates)
    bulk_load(PatrolCallCost, ["police_service_id", "fiscal_year", "cost_per_call"], calls)
    divisions = list(SchoolDivision.objects.order_by("pk").values_list("pk", flat=True))
    bulk_load(PartnerShare, ["division_id", "fiscal_year", "province_percent", "division_percent",
                             "police_service_percent"],
              [(division, year, *SHARES[division % len(SHARES)]) for division in divisions[::5] for year in years])
    officers = list(Officer.objects.order_by("pk").values_list("pk", flat=True))
    bulk_load(OfficerCostOverride, ["officer_id", "fiscal_year", "annual_cost", "reason"],
              [(officer, year, Decimal(rng.randrange(130_000, 175_000, 500)), "Senior officer pay")
               for officer in officers[::20] for year in years])
    progress.finish(len(rates) + len(calls))
