"""The two-step verification code forms (set-up and sign-in): hostile codes never give a 500 and
never turn verification on."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import example, given
from hypothesis import strategies as st

from accounts.demo import DEMO_TOTP_KEY

from .helpers import FAST, post_and_check
from .strategies import MISSING, form_data, nasty_text

pytestmark = pytest.mark.django_db

codes = st.one_of(nasty_text, st.text(alphabet="0123456789 ²٣𝟗", max_size=12))


def test_two_step_setup_code(client, coordinator):
    url = reverse("accounts:two_step")

    @FAST
    @example({"code": "²²²²²²"})  # found: isdigit() is true, int() refuses it
    @given(form_data(code=st.one_of(st.just(MISSING), codes), next=st.one_of(st.just(MISSING), nasty_text)))
    def run(data):
        response = post_and_check(client, coordinator, url, data, [])
        assert response.status_code == 200  # a random code never matches
        assert not TOTPDevice.objects.exists()

    run()


def test_two_step_verify_code(client, coordinator):
    TOTPDevice.objects.create(user=coordinator, name="phone", key=DEMO_TOTP_KEY, confirmed=True)
    url = reverse("accounts:two_step_verify")

    @FAST
    @example({"code": "²²²²²²"})
    @given(form_data(code=st.one_of(st.just(MISSING), codes), next=st.one_of(st.just(MISSING), nasty_text)))
    def run(data):
        # (A wrong code does write: the device's throttling counts the failure.)
        response = post_and_check(client, coordinator, url, data, [])
        assert response.status_code == 200

    run()
