"""The two-step verification code forms (set-up and sign-in): hostile codes never give a 500 and
never turn verification on."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice
from hypothesis import example, given
from hypothesis import strategies as st

from accounts.demo import DEMO_TOTP_KEY
from accounts.models import User

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


@pytest.mark.parametrize("url_name", ["login", "admin:login"])
def test_sign_in_form(client, coordinator, settings, url_name):
    """The sign-in pages with the lockout on (as in production): hostile names and passwords."""
    settings.AXES_ENABLED = True
    url = reverse(url_name)

    @FAST
    @example({"username": "coordinator\x00", "password": "x"})
    # Found: Django's sign-in form does not check the name's length; the lockout's record holds 255.
    @example({"username": "x" * 5000, "password": "x"})
    @given(form_data(username=st.one_of(st.just("coordinator"), nasty_text, st.just(MISSING)),
                     password=st.one_of(nasty_text, st.just(MISSING)), next=st.one_of(st.just(MISSING), nasty_text)))
    def run(data):
        client.logout()
        post_and_check(client, None, url, data, [User])

    run()


def test_password_change_form(client, coordinator):
    url = reverse("password_change")

    @FAST
    @given(form_data(old_password=st.one_of(st.just("a-long-test-password"), nasty_text),
                     new_password1=nasty_text, new_password2=nasty_text))
    def run(data):
        post_and_check(client, coordinator, url, data, [])

    run()
