import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_TOTP_KEY

PASSWORD = "a-long-test-password"


@pytest.fixture
def two_step_on(settings):
    """Production's rule (the test settings turn it off for the other features' tests)."""
    settings.OTP_REQUIRED_ROLES = ["coordinator", "program_admin"]
    settings.OTP_REQUIRED_FOR_STAFF = True


@pytest.fixture
def lockout_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def device_for():
    def make(user, key=DEMO_TOTP_KEY):
        return TOTPDevice.objects.create(user=user, name="phone", key=key, confirmed=True)
    return make
