"""Medians and 90th percentiles computed by the database, grouped, in one query.

Response times are skewed (most calls answered in minutes, a few in hours), so the portal reports
medians and 90th percentiles, never means. PostgreSQL computes them with ``percentile_cont`` (linear
interpolation between the two nearest values). SQLite, used only for the demo, has no percentile
function: there the one query returns the values of each group in order and ``interpolate`` applies
the same rule, so both give the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Sequence

from django.db import connections
from django.db.models import Aggregate, Count, FloatField, QuerySet


class PercentileCont(Aggregate):
    """``percentile_cont(fraction) WITHIN GROUP (ORDER BY expression)`` (PostgreSQL)."""

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"

    def __init__(self, expression, fraction: float, **extra):
        if not 0 <= fraction <= 1:
            raise ValueError("fraction must be between 0 and 1")
        super().__init__(expression, fraction=float(fraction), **extra)


def interpolate(ordered: Sequence, fraction: float):
    """The value at ``fraction`` of sorted ``ordered``, by PostgreSQL's percentile_cont rule."""
    if not ordered:
        return None
    position = fraction * (len(ordered) - 1)
    lower = int(position)
    upper = min(lower + 1, len(ordered) - 1)
    return ordered[lower] + (ordered[upper] - ordered[lower]) * (position - lower)


def percentiles(
    queryset: QuerySet, expression, *, group_by: Sequence[str] = (), fractions: Sequence[float] = (0.5, 0.9),
    output_field=None,
) -> dict[Hashable, tuple]:
    """{group key: (value at each fraction..., number of values)} over the non-null values of
    ``expression``; the key is a tuple of the ``group_by`` fields (``()`` when not grouped)."""
    output_field = output_field or FloatField()
    queryset = queryset.annotate(_measure=expression).filter(_measure__isnull=False)
    if connections[queryset.db].vendor == "postgresql":
        rows = queryset.order_by().values(*group_by).annotate(
            _n=Count("_measure"),
            **{f"_p{i}": PercentileCont("_measure", f, output_field=output_field) for i, f in enumerate(fractions)},
        )
        return {
            tuple(row[g] for g in group_by): (*(row[f"_p{i}"] for i in range(len(fractions))), row["_n"])
            for row in rows
        }
    groups = defaultdict(list)
    for *key, value in queryset.order_by(*group_by, "_measure").values_list(*group_by, "_measure"):
        groups[tuple(key)].append(value)
    return {
        key: (*(interpolate(values, f) for f in fractions), len(values)) for key, values in groups.items()
    }

