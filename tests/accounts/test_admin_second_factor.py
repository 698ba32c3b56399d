"""Nobody reads a second factor's secret after enrolment, administrators included (issue 12, finding 2):
the administration site offers only an audited reset of a user's two-step sign-in."""

from base64 import b32encode
from binascii import unhexlify

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_TOTP_KEY
from audit.models import AuditEvent

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", "pw-for-tests-only")


def test_the_device_admin_and_its_qr_view_are_gone(client, superuser, principal, device_for):
    device = device_for(principal)
    client.force_login(superuser)
    assert not admin.site.is_registered(TOTPDevice)
    for path in (f"/admin/otp_totp/totpdevice/{device.pk}/change/",
                 f"/admin/otp_totp/totpdevice/{device.pk}/config/",
                 f"/admin/otp_totp/totpdevice/{device.pk}/qrcode/",
                 "/admin/otp_totp/totpdevice/"):
        assert client.get(path).status_code == 404, path
    with pytest.raises(NoReverseMatch):
        reverse("admin:otp_totp_totpdevice_changelist")


def test_no_administration_page_shows_a_key(client, superuser, principal, device_for):
    """Every registered model's list and first object's change page, opened by a superuser, holds
    neither the hexadecimal key nor its base32 form (what an authenticator app is given)."""
    device_for(principal)
    client.force_login(superuser)
    secret_forms = {DEMO_TOTP_KEY.lower(), b32encode(unhexlify(DEMO_TOTP_KEY)).decode().rstrip("=")}
    opened = 0
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages = [reverse(f"{prefix}_changelist")]
        first = model.objects.first()
        if first is not None:
            pages.append(reverse(f"{prefix}_change", args=[first.pk]))
        for page in pages:
            response = client.get(page)
            assert response.status_code == 200, page
            body = response.content.decode().lower()
            assert not any(form.lower() in body for form in secret_forms), page
            opened += 1
    assert opened > 10  # the walk really opened the site's pages


def test_reset_removes_the_devices_and_is_audited(client, superuser, principal, sro, device_for):
    device_for(principal)
    device_for(sro)
    client.force_login(superuser)
    response = client.post(reverse("admin:accounts_user_changelist"), {
        "action": "reset_two_step_sign_in", "_selected_action": [principal.pk]}, follow=True)
    assert response.status_code == 200
    assert not TOTPDevice.objects.filter(user=principal).exists()
    assert TOTPDevice.objects.filter(user=sro).exists()  # only the chosen user's
    event = AuditEvent.objects.get(event=AuditEvent.Event.TWO_STEP_CHANGED)
    assert event.object_id == str(principal.pk)
    assert event.detail["action"] == "reset_by_administrator" and event.detail["devices"] == 1
    assert event.username == "root"


def test_a_reset_user_must_enrol_again(client, two_step_on, coordinator, device_for, superuser):
    device_for(coordinator)
    client.force_login(superuser)
    client.post(reverse("admin:accounts_user_changelist"), {
        "action": "reset_two_step_sign_in", "_selected_action": [coordinator.pk]})
    client.force_login(coordinator)
    response = client.get("/schools/")
    assert response.status_code == 302 and response.url.startswith(reverse("accounts:two_step"))
