import time
from binascii import unhexlify

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.demo import DEMO_TOTP_DEVICE, DEMO_TOTP_KEY


class Command(BaseCommand):
    help = (
        "Print the current two-step code of the demo users (coordinator, programadmin), for a "
        "demo without an authenticator app. DEBUG only, and only for the published demo key."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("DEBUG is off: demo codes are for the demo only.")
        devices = TOTPDevice.objects.filter(name=DEMO_TOTP_DEVICE, key=DEMO_TOTP_KEY).select_related("user")
        if not devices:
            raise CommandError("No demo device: run seed_demo first.")
        totp = TOTP(unhexlify(DEMO_TOTP_KEY), step=30, t0=0, digits=6)
        code = f"{totp.token():06d}"
        seconds = 30 - int(time.time()) % 30
        for device in devices:
            self.stdout.write(f"{device.user.username:<14} {code}  (valid for {seconds} more seconds)")
