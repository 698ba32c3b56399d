"""Change history pages and exports, from django-simple-history's historical records.

A pure utility, with no app imports: each app's selector chooses which historical querysets a
user may read (scoped), and this module turns them into entries — when, who, what kind of
change and, for each changed field, before → after in words (verbose names, choice labels).

The number of queries does not depend on the number of entries: one per historical queryset,
plus one per kind of related object named in the changes (schools, users…). Exports stream the
entries (`iter_entries`): each row is compared with its predecessor in the query (SQL LAG), so
nothing is held in memory but a chunk of rows.
"""

import datetime
import heapq
import itertools
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models
from django.db.models import F, Window
from django.db.models.functions import Lag
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

KIND_LABELS = {"+": _("Created"), "~": _("Changed"), "-": _("Deleted")}
# Bookkeeping that changes with every write: not shown as a change of its own.
HIDDEN_FIELDS = frozenset({"updated_at", "version"})


@dataclass
class Change:
    label: str
    before: str
    after: str


@dataclass
class Entry:
    at: datetime.datetime
    user: object | None
    kind: str  # "+", "~" or "-"
    record: str
    reason: str
    model: type  # the model of the record (Incident, PersonInvolved…)
    changes: list[Change] = field(default_factory=list)
    # Changed without an earlier history row to compare with (records older than the history).
    earlier_unknown: bool = False

    @property
    def kind_label(self):
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def at_utc(self):
        return self.at.astimezone(datetime.UTC)


def _shown_fields(history_model):
    """The tracked fields a reader sees, in the model's order (editable, not bookkeeping)."""
    return [f for f in history_model.tracked_fields if f.editable and f.name not in HIDDEN_FIELDS
            and not f.primary_key]


class _Labels:
    """Words for raw values; related objects are looked up together at the end."""

    def __init__(self):
        self.wanted = defaultdict(set)  # related model -> pks
        self.found = {}

    def want(self, model_field, value):
        if isinstance(model_field, models.ForeignKey) and value is not None:
            self.wanted[model_field.related_model].add(value)

    def load(self):
        for model, pks in self.wanted.items():
            self.found[model] = model._base_manager.in_bulk(pks)

    def text(self, model_field, value) -> str:
        if value is None or value == "":
            return "—"
        if isinstance(model_field, models.ForeignKey):
            obj = self.found.get(model_field.related_model, {}).get(value)
            if obj is None:
                return f"#{value}"
            full_name = getattr(obj, "get_full_name", None)
            return (full_name() if full_name else "") or str(obj)
        if model_field.choices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(value, bool):
            return str(_("Yes") if value else _("No"))
        if isinstance(value, datetime.datetime):
            return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        if isinstance(value, datetime.date):
            return formats.date_format(value, "SHORT_DATE_FORMAT")
        return str(value)


def _model_field(history_model, name):
    return history_model.instance_type._meta.get_field(name)


def _previous_values(queryset, fields, pk_name):
    """Annotate each historical row with the values of the same record's previous row (SQL window
    LAG), so that a row can be compared with its predecessor while the rows stream newest first."""
    window = {"partition_by": [F(pk_name)], "order_by": [F("history_date").asc(), F("history_id").asc()]}
    previous = {"_prev_history_id": Window(Lag("history_id"), **window)}
    previous.update({f"_prev_{f.attname}": Window(Lag(f.attname), **window) for f in fields})
    return queryset.annotate(**previous)


def _raw_changes(row, fields):
    """(field name, before, after) of one historical row, and whether its predecessor is unknown."""
    if row.history_type == "+":
        return [(f.name, None, getattr(row, f.attname)) for f in fields
                if getattr(row, f.attname) not in (None, "")], False
    if row.history_type != "~":
        return [], False
    if row._prev_history_id is None:
        return [], True  # changed, but older than the history: nothing to compare with
    return [(f.name, getattr(row, f"_prev_{f.attname}"), getattr(row, f.attname)) for f in fields
            if getattr(row, f"_prev_{f.attname}") != getattr(row, f.attname)], False


def _entries_of(queryset, withheld, chunk_size):
    """(entry, [(model field, before, after)]) for each row of one historical queryset, newest first,
    streamed from the database."""
    history_model = queryset.model
    fields = _shown_fields(history_model)
    model_fields = {f.name: _model_field(history_model, f.name) for f in fields}
    verbose = capfirst(history_model.instance_type._meta.verbose_name)
    pk_name = history_model.instance_type._meta.pk.attname
    order = {f.name: i for i, f in enumerate(fields)}
    rows = (_previous_values(queryset, fields, pk_name).select_related("history_user")
            .order_by("-history_date", "-history_id"))
    for row in rows.iterator(chunk_size=chunk_size):
        object_id = getattr(row, pk_name)
        raw, earlier_unknown = _raw_changes(row, fields)
        if withheld is not None:
            raw = [_withhold(withheld, history_model.instance_type, object_id, item) for item in raw]
        raw.sort(key=lambda item: order.get(item[0], 0))
        entry = Entry(at=row.history_date, user=row.history_user, kind=row.history_type,
                      record=f"{verbose} #{object_id}", reason=row.history_change_reason or "",
                      model=history_model.instance_type, earlier_unknown=earlier_unknown)
        yield entry, [(model_fields[name], old, new) for name, old, new in raw]


def iter_entries(*querysets, withheld=None, chunk_size=500) -> Iterator[Entry]:
    """The entries of these historical querysets, newest first, each with its field changes, streamed:
    the rows come from the database `chunk_size` at a time, each compared with its record's previous
    row in the query itself, and the names of related objects are looked up once per chunk. Memory
    does not grow with the length of the history (for the CSV exports).

    `withheld`, if given, is the caller's rule for texts the reader may not see in any copy:
    ``withheld(model, object_id, field_name)`` returns what to show instead of each non-empty value
    of that field (every earlier copy included), or None to show the values.

    Runs one query per historical queryset, plus one per kind of related object named in each chunk."""
    merged = heapq.merge(*(_entries_of(qs, withheld, chunk_size) for qs in querysets),
                         key=lambda pending: pending[0].at, reverse=True)
    while chunk := list(itertools.islice(merged, chunk_size)):
        labels = _Labels()
        for _entry, resolved in chunk:
            for model_field, old, new in resolved:
                labels.want(model_field, old)
                labels.want(model_field, new)
        labels.load()
        for entry, resolved in chunk:
            entry.changes = [
                Change(label=capfirst(model_field.verbose_name),
                       before="" if entry.kind == "+" else labels.text(model_field, old),
                       after=labels.text(model_field, new))
                for model_field, old, new in resolved
            ]
            yield entry


def history_entries(*querysets, withheld=None) -> list[Entry]:
    """All the entries of these historical querysets, newest first (for a page); see iter_entries."""
    return list(iter_entries(*querysets, withheld=withheld, chunk_size=10_000))


def _withhold(withheld, model, object_id, change):
    """`change` (field name, before, after) with its non-empty values replaced as `withheld` says."""
    name, old, new = change
    instead = withheld(model, object_id, name)
    if instead is None:
        return change
    return (name, instead if old not in (None, "") else old, instead if new not in (None, "") else new)


EXPORT_HEADER = [_("When (local time)"), _("When (UTC)"), _("Who"), _("Record"), _("Change"), _("Field"),
                 _("Before"), _("After"), _("Reason")]


def user_label(user) -> str:
    if user is None:
        return str(_("System"))
    return user.get_full_name() or user.get_username()


def export_rows(entries):
    """One CSV row per changed field (one for an entry without field changes)."""
    for entry in entries:
        common = [timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                  entry.at_utc.strftime("%Y-%m-%d %H:%M:%S"), user_label(entry.user), entry.record,
                  str(entry.kind_label)]
        if not entry.changes:
            yield [*common, "", "", "", entry.reason]
        for change in entry.changes:
            yield [*common, str(change.label), change.before, change.after, entry.reason]


def record_missing_creations(reason: str) -> int:
    """Give every record that has no history yet (rows written with ``bulk_create``, such as the
    demo data) its "created" entry, dated now, by nobody, with `reason`. Safe to run twice."""
    created = 0
    for model in apps.get_models():
        manager_name = getattr(model._meta, "simple_history_manager_attribute", None)
        if manager_name is None:
            continue
        history = getattr(model, manager_name)
        pk_name = model._meta.pk.attname
        without = model._default_manager.exclude(**{f"{pk_name}__in": history.values(pk_name)}).order_by(pk_name)
        rows = history.bulk_history_create(list(without), batch_size=1000, default_change_reason=reason)
        created += len(rows or [])
    return created
