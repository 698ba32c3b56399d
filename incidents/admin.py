"""Only the access log is in the admin site: incidents change through the workflow (never by an
admin form), and people involved are not shown to program administrators."""

from django.contrib import admin

from .models import PersonalInfoAccess


@admin.register(PersonalInfoAccess)
class PersonalInfoAccessAdmin(admin.ModelAdmin):
    list_display = ["at", "user", "kind", "incident", "detail", "purpose", "source_address"]
    list_filter = ["kind", "purpose"]
    list_select_related = ["user"]
    date_hierarchy = "at"
    search_fields = ["user__username", "user__last_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
