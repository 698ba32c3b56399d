from django.contrib import admin

from .models import Assignment, Officer


class AssignmentInline(admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["school"]


@admin.register(Officer)
class OfficerAdmin(admin.ModelAdmin):
    list_display = ["badge_number", "user", "rank", "police_service", "became_sro_on"]
    list_select_related = ["user", "police_service"]
    search_fields = ["badge_number", "user__last_name", "user__username"]
    autocomplete_fields = ["user"]
    inlines = [AssignmentInline]
