"""The demo password comes from the environment. The demo users get theirs only when they are created,
so the seeded demo's coordinator steps aside (renamed) and the command, run again, creates a new one."""

from django.core.management import call_command

from accounts.models import User


def test_demo_password_comes_from_the_environment(seeded_demo, db, settings, monkeypatch):
    User.objects.filter(username="coordinator").update(username="coordinator-before")
    settings.DEBUG = True
    monkeypatch.setenv("DEMO_PASSWORD", "another-demo-password")
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert User.objects.get(username="coordinator").check_password("another-demo-password")
    assert not User.objects.get(username="sro").check_password("another-demo-password")  # not created again
