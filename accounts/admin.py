from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp import devices_for_user
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnAttestation, WebAuthnCredential

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


def hide_second_factor_devices():
    """A second factor's secret key is never shown again after enrolment, administrators included:
    whoever reads it can clone the factor. django-otp registers a device admin (key, QR "config"
    view); AccountsConfig.ready (after the admin's autodiscovery) takes it away, and the user admin
    offers only a reset (below)."""
    for model in (TOTPDevice, WebAuthnCredential, WebAuthnAttestation):
        if admin.site.is_registered(model):
            admin.site.unregister(model)


def reset_two_step(request, user) -> int:
    """Remove every second-factor device of `user` (the user enrols again at next sign-in); audited."""
    with transaction.atomic():
        removed = 0
        for device in devices_for_user(user, confirmed=None):
            device.delete()
            removed += 1
        audit_record(
            request=request, event=AuditEvent.Event.TWO_STEP_CHANGED, outcome=AuditEvent.Outcome.SUCCESS,
            obj=user, detail={"action": "reset_by_administrator", "target_user_id": user.pk, "devices": removed},
        )
    return removed


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    inlines = [RoleGrantInline]
    actions = ["reset_two_step_sign_in"]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "role_list"]
    list_filter = ["is_active", "role_grants__role"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("role_grants")

    @admin.display(description=_("roles"))
    def role_list(self, obj):
        return ", ".join(sorted({grant.get_role_display() for grant in obj.role_grants.all()}))

    @admin.action(description=_("Reset two-step sign-in (the user sets it up again at next sign-in)"),
                  permissions=["change"])
    def reset_two_step_sign_in(self, request, queryset):
        users = list(queryset)
        for user in users:
            reset_two_step(request, user)
        self.message_user(request, ngettext(
            "Two-step sign-in reset for %(count)d user: they set it up again at their next sign-in.",
            "Two-step sign-in reset for %(count)d users: they set it up again at their next sign-in.",
            len(users)) % {"count": len(users)}, messages.SUCCESS)

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
