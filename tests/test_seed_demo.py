import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from accounts.models import Role, User
from schools.models import School, SchoolDivision


def snapshot():
    """Every row of every model of the project's apps, as comparable values."""
    data = {}
    for model in apps.get_models():
        if model._meta.app_label in {"schools", "accounts", "officers", "incidents", "evaluations"}:
            rows = model.objects.order_by("pk").values()
            data[model._meta.label] = [{k: v for k, v in row.items() if k != "last_login"} for row in rows]
    return data


@pytest.fixture
def seeded(seeded_demo, db):
    """The demo, seeded once for the module (tests/conftest.py); each test's changes are rolled back.
    The password test, which needs an empty database, is in test_seed_demo_password.py."""


def test_seed_demo_refuses_with_debug_off(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")


def test_seed_demo_makes_the_winnipeg_program(seeded):
    winnipeg = School.objects.filter(division__code__in=["WSD", "PTSD"])
    assert winnipeg.count() == 107
    assert set(winnipeg.values_list("level", flat=True)) == set(School.Level.values)
    assert SchoolDivision.objects.filter(province__code="AB").count() == 1
    assert SchoolDivision.objects.filter(province__code="ON").count() == 1


def test_seed_demo_gives_each_demo_user_their_scope(seeded):
    expected = {"sro": 10, "principal": 1, "coordinator": School.objects.filter(division__code="WSD").count(),
                "evaluator": 107, "programadmin": School.objects.count()}
    for username, count in expected.items():
        user = User.objects.get(username=username)
        assert School.objects.visible_to(user).count() == count, username
    assert User.objects.get(username="sro").roles == {Role.SRO}


def test_seed_demo_twice_changes_nothing(seeded, settings):
    settings.DEBUG = True
    before = snapshot()
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before


def test_every_demo_record_with_a_history_starts_it_with_its_creation(seeded):
    tracked = [model for model in apps.get_models() if hasattr(model._meta, "simple_history_manager_attribute")]
    assert len(tracked) == 6
    for model in tracked:
        history = model.history.filter(history_type="+")
        assert model.objects.exists(), model
        assert set(history.values_list("id", flat=True)) == set(model.objects.values_list("pk", flat=True)), model
