"""Administration site: program administrators keep the costs, shares and patrol-call costs."""

from django import forms
from django.contrib import admin

from common.admin_autocomplete import AutocompleteAdminMixin

from .models import OfficerCostOverride, OfficerCostRate, PartnerShare, PatrolCallCost


@admin.register(OfficerCostRate)
class OfficerCostRateAdmin(admin.ModelAdmin):
    list_display = ["police_service", "rank", "fiscal_year_label", "annual_cost"]
    list_filter = ["police_service", "fiscal_year"]
    list_select_related = ["police_service"]


@admin.register(OfficerCostOverride)
class OfficerCostOverrideAdmin(AutocompleteAdminMixin, admin.ModelAdmin):
    list_display = ["officer", "fiscal_year_label", "annual_cost", "reason"]
    list_filter = ["fiscal_year"]
    list_select_related = ["officer__user", "officer__police_service"]
    autocomplete_fields = ["officer"]


@admin.register(PatrolCallCost)
class PatrolCallCostAdmin(admin.ModelAdmin):
    list_display = ["police_service", "fiscal_year_label", "cost_per_call"]
    list_filter = ["police_service"]
    list_select_related = ["police_service"]


class PartnerShareForm(forms.ModelForm):
    """Starts at one third each (33.34 for the province so that a new row adds up to 100)."""

    class Meta:
        model = PartnerShare
        fields = ["division", "fiscal_year", "province_percent", "division_percent", "police_service_percent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.initial.setdefault("province_percent", "33.34")
            self.initial.setdefault("division_percent", "33.33")
            self.initial.setdefault("police_service_percent", "33.33")


@admin.register(PartnerShare)
class PartnerShareAdmin(admin.ModelAdmin):
    form = PartnerShareForm
    list_display = ["division", "fiscal_year_label", "province_percent", "division_percent", "police_service_percent"]
    list_filter = ["division", "fiscal_year"]
    list_select_related = ["division"]
