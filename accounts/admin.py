from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import RoleGrant, User


class RoleGrantInline(admin.TabularInline):
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


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "division", "school"]
    list_filter = ["role", "division"]
    list_select_related = ["user", "division", "school"]
    search_fields = ["user__username", "user__last_name", "school__name", "division__name"]
    autocomplete_fields = ["user", "division", "school"]
