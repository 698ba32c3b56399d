from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CostsConfig(AppConfig):
    """Officers' costs, the partners' shares and estimated savings. Reads officers and incidents;
    read by the dashboards and the outcome report."""

    name = "costs"
    verbose_name = _("Costs")
