"""The demo password, on an empty database: the demo users get theirs only when they are created, so
this test seeds on its own, in a module without tests/conftest.py's shared `seeded_demo` (whose
transaction stays open for the whole module)."""

from django.core.management import call_command

from accounts.models import User


def test_demo_password_comes_from_the_environment(db, settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-password")
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert User.objects.get(username="coordinator").check_password("another-demo-password")
