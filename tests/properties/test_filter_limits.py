"""Every list filter that takes a number or an id answers a form error, and an empty list, for a value
beyond any key (issue 12, finding 5: /incidents/access-log/?incident=99999999999999999999999 was a 500
on SQLite). The FilterSets are found by walking the project's filter modules, so a new one is covered
(and must derive from the one base class) without touching this file."""

import importlib
import importlib.util
import inspect

import django_filters
import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone

from accounts.models import Role
from common.filters import NUMBER_OR_KEY_FIELDS, ListFilterSet
from common.input_limits import LARGEST_KEY, beyond_any_key

pytestmark = pytest.mark.django_db

BEYOND = ["9" * 23, str(LARGEST_KEY + 1), f"-{LARGEST_KEY + 1}", f"{LARGEST_KEY + 1}.0"]


def project_filtersets():
    """Every FilterSet defined in the project's own apps (those inside BASE_DIR)."""
    ours = {config.name for config in apps.get_app_configs() if config.path.startswith(str(settings.BASE_DIR))}
    for name in ours:
        if importlib.util.find_spec(f"{name}.filters"):
            importlib.import_module(f"{name}.filters")
    found, pending = set(), list(django_filters.FilterSet.__subclasses__())
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.split(".")[0] in ours:
            found.add(cls)
    return sorted(found, key=lambda cls: cls.__qualname__)


FILTERSETS = project_filtersets()


def test_the_walk_finds_the_project_filtersets():
    names = {cls.__name__ for cls in FILTERSETS}
    assert {"IncidentFilter", "AccessLogFilter", "ActivityFilter", "OfficerFilter", "AuditEventFilter"} <= names


@pytest.mark.parametrize("filterset", FILTERSETS, ids=lambda cls: cls.__name__)
def test_every_filterset_derives_from_the_base(filterset):
    assert issubclass(filterset, ListFilterSet)


def bound(filterset, data, user):
    """An instance of `filterset` as its list view makes one (keyword arguments by name)."""
    accepted = inspect.signature(filterset.__init__).parameters
    extra = {"user": user, "roles": set(Role.values), "today": timezone.localdate()}
    kwargs = {name: value for name, value in extra.items() if name in accepted}
    return filterset(data, queryset=filterset._meta.model.objects.all(), **kwargs)


@pytest.mark.parametrize("filterset", FILTERSETS, ids=lambda cls: cls.__name__)
def test_numbers_beyond_any_key_are_a_form_error_and_an_empty_list(filterset, program_admin, sro):
    fields = bound(filterset, {}, program_admin).form.fields
    number_filters = [name for name, field in fields.items() if isinstance(field, NUMBER_OR_KEY_FIELDS)]
    for name in number_filters:
        for value in BEYOND:
            filters = bound(filterset, {name: value}, program_admin)
            assert name in filters.form.errors, (name, value)
            assert list(filters.qs) == []  # and the database was asked nothing it cannot bind


def test_the_rule_knows_a_key_from_a_number_beyond_any():
    assert all(beyond_any_key(value) for value in BEYOND)
    assert not any(beyond_any_key(value) for value in ["1", str(LARGEST_KEY), "abc", "", "1.5", "²"])
