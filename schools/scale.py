"""Generated provinces' schools (seed_scale): divisions of uneven size (a few large city divisions,
many small rural ones), schools of every level with a realistic mix and enrolment."""

from common.bulkload import bulk_load, reserve_ids

from .demo import LEVELS, STEMS, STREETS
from .models import PoliceService, Province, School, SchoolDivision

MARKER_PREFIX = "SCALE-"  # division codes of generated data: how seed_scale knows it already ran


def already_seeded() -> bool:
    return SchoolDivision.objects.filter(code__startswith=MARKER_PREFIX).exists()


def division_shares(count: int) -> list[float]:
    """Share of the schools per division, largest first (a Zipf-like spread: the largest
    division of a province has about a seventh of its schools)."""
    weights = [1 / (rank + 1) ** 0.8 for rank in range(count)]
    total = sum(weights)
    return [w / total for w in weights]


def seed(ctx):
    rng = ctx.rng_for("schools")
    size = ctx.size
    province, _ = Province.objects.get_or_create(code="MB", defaults={"name": "Manitoba"})
    # One police service for about every five divisions (a city service, then rural detachments).
    services = []
    for index in range(max(1, size.divisions // 5)):
        name = f"Scale Police Service {index + 1:03d}"
        service, _ = PoliceService.objects.get_or_create(name=name, defaults={"province": province})
        services.append(service)
    divisions = []
    for index in range(size.divisions):
        stem = STEMS[index % len(STEMS)]
        name = f"{stem} School Division" + (f" {index // len(STEMS) + 1}" if index >= len(STEMS) else "")
        divisions.append(SchoolDivision(
            name=name, code=f"{MARKER_PREFIX}{index + 1:04d}", province=province,
            police_service=services[index % len(services)],
        ))
    SchoolDivision.objects.bulk_create(divisions)
    divisions = list(SchoolDivision.objects.filter(code__startswith=MARKER_PREFIX).order_by("code"))

    counts = [max(1, round(share * size.schools)) for share in division_shares(size.divisions)]
    counts[0] += size.schools - sum(counts)  # rounding goes to the largest
    first_id = reserve_ids(School, size.schools)
    rows, schools = [], []
    weights = [row[5] for row in LEVELS]
    school_id = first_id
    progress = ctx.progress("schools", size.schools)
    for division, count in zip(divisions, counts, strict=True):
        for index in range(count):
            level, low, high, suffix, (smallest, largest), _weight = rng.choices(LEVELS, weights=weights)[0]
            name = f"{STEMS[index % len(STEMS)]} {suffix}" + (f" {index // len(STEMS) + 1}"
                                                               if index >= len(STEMS) else "")
            enrolment = rng.randint(smallest, largest)
            rows.append((school_id, division.pk, name, level, low, high,
                         f"{rng.randint(10, 2999)} {rng.choice(STREETS)}", enrolment, True))
            schools.append({"id": school_id, "division_id": division.pk, "level": level, "low": low, "high": high,
                            "enrolment": enrolment})
            school_id += 1
    progress.finish(bulk_load(School, ["id", "division_id", "name", "level", "lowest_grade", "highest_grade",
                                       "address", "enrolment", "active"], rows))
    ctx.data["divisions"] = [(d.pk, d.police_service_id) for d in divisions]
    ctx.data["schools"] = schools
