from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit log")

    def ready(self):
        # Django's sign-in signals are the only way to hear about sign-ins made by
        # django.contrib.auth's own views: connecting to them is this app's one use of signals.
        from . import signals  # noqa: F401
