from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_TOTP_KEY


@pytest.fixture
def seeded(seeded_demo, db, settings):
    """What seed_demo printed; the demo is seeded once for the module (tests/conftest.py). The demo's
    commands run with DEBUG on, as with `make run`."""
    settings.DEBUG = True
    return seeded_demo


def test_the_demo_coordinator_and_program_admin_have_the_published_key(seeded):
    devices = TOTPDevice.objects.filter(key=DEMO_TOTP_KEY, confirmed=True)
    assert sorted(devices.values_list("user__username", flat=True)) == ["coordinator", "programadmin"]
    assert "KNJE 6UDP OJ2G C3CE MVWW 6VCP KRIC 2MRQ" in seeded


def test_the_demo_code_command_prints_a_code_for_them(seeded):
    out = StringIO()
    call_command("demo_two_step_code", stdout=out)
    assert "coordinator" in out.getvalue() and "programadmin" in out.getvalue()


def test_the_demo_code_command_refuses_with_debug_off(seeded, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_two_step_code", stdout=StringIO())
