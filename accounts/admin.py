from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from audit.models import AuditEvent
from audit.services import audit_record
from common.admin_autocomplete import AutocompleteAdminMixin

from .models import RoleGrant, User


def audit_role_grant(request, grant, action):
    """Record a role grant given, changed or taken away in the administration site."""
    audit_record(
        request=request, event=AuditEvent.Event.ROLE_CHANGED, outcome=AuditEvent.Outcome.SUCCESS,
        obj=grant, detail={"action": action, "target_user_id": grant.user_id, "role": grant.role,
                           "division_id": grant.division_id, "school_id": grant.school_id},
    )


class RoleGrantInline(AutocompleteAdminMixin, admin.TabularInline):
    model = RoleGrant
    extra = 1
    autocomplete_fields = ["division", "school"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleGrantInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "role_list"]
    list_filter = ["is_active", "role_grants__role"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("role_grants")

    @admin.display(description=_("roles"))
    def role_list(self, obj):
        return ", ".join(sorted({grant.get_role_display() for grant in obj.role_grants.all()}))

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is not RoleGrant:
            return
        for grant in formset.new_objects:
            audit_role_grant(request, grant, "grant")
        for grant, _fields in formset.changed_objects:
            audit_role_grant(request, grant, "change")
        for grant in formset.deleted_objects:
            audit_role_grant(request, grant, "revoke")


@admin.register(RoleGrant)
class RoleGrantAdmin(AutocompleteAdminMixin, admin.ModelAdmin):
    list_display = ["user", "role", "division", "school"]
    list_filter = ["role", "division"]
    list_select_related = ["user", "division", "school"]
    search_fields = ["user__username", "user__last_name", "school__name", "division__name"]
    autocomplete_fields = ["user", "division", "school"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        audit_role_grant(request, obj, "change" if change else "grant")

    def delete_model(self, request, obj):
        audit_role_grant(request, obj, "revoke")
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        for grant in queryset:
            audit_role_grant(request, grant, "revoke")
        super().delete_queryset(request, queryset)
