from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchoolsConfig(AppConfig):
    name = "schools"
    verbose_name = _("Schools")

    def ready(self):
        from common import input_limits

        input_limits.install()  # every form refuses dates before 1900 or after 2199
