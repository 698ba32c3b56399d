from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardsConfig(AppConfig):
    """The top of the house: reads the other apps' selectors; no app imports it."""

    name = "dashboards"
    verbose_name = _("Dashboards")
