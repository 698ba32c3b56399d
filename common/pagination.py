"""Pagination without counting millions of rows twice."""

from functools import cached_property

from django.core.paginator import Paginator


class KnownCountPaginator(Paginator):
    """A paginator given the number of rows, already known from the list's own figures (the
    activity list's totals count its entries), so that it never runs a COUNT(*) of its own."""

    def __init__(self, object_list, per_page, *, count: int, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self._known_count = count

    @cached_property
    def count(self) -> int:
        return self._known_count
