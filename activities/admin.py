from django.contrib import admin

from common.admin_autocomplete import AutocompleteAdminMixin

from .models import Activity


@admin.register(Activity)
class ActivityAdmin(AutocompleteAdminMixin, admin.ModelAdmin):
    """For program administrators: look up and correct entries. SROs log through the quick log,
    where the rules of an entry (and its edit window) apply."""

    list_display = ["date", "officer", "school", "category", "minutes", "students", "created_at"]
    list_filter = ["category", "school__division"]
    list_select_related = ["officer__user", "school"]
    search_fields = ["officer__badge_number", "officer__user__last_name", "school__name", "note"]
    date_hierarchy = "date"
    autocomplete_fields = ["officer", "school"]
    readonly_fields = ["created_at", "updated_at", "unlocked_by", "unlocked_at"]
