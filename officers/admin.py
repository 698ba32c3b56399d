"""Admin site: for program administrators. Model clean() applies the same rules as the pages."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from common.admin_autocomplete import AutocompleteAdminMixin

from .models import Assignment, Course, Officer, TermExtension, TrainingRecord


class AssignmentInline(AutocompleteAdminMixin, admin.TabularInline):
    model = Assignment
    extra = 0
    autocomplete_fields = ["school"]


class TrainingRecordInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0
    fields = ["course", "completed_on", "recorded_by", "recorded_at"]
    readonly_fields = ["recorded_by", "recorded_at"]


class TermExtensionInline(admin.TabularInline):
    model = TermExtension
    extra = 0
    fields = ["new_end", "reason", "created_by", "created_at"]
    readonly_fields = ["created_by", "created_at"]


@admin.register(Officer)
class OfficerAdmin(AutocompleteAdminMixin, admin.ModelAdmin):
    list_display = ["badge_number", "user", "rank", "police_service", "joined_service_on", "became_sro_on"]
    list_filter = ["police_service"]
    list_select_related = ["user", "police_service"]
    search_fields = ["badge_number", "user__last_name", "user__username"]
    autocomplete_fields = ["user"]
    inlines = [AssignmentInline, TermExtensionInline, TrainingRecordInline]


@admin.register(Course)
class CourseAdmin(TranslationAdmin):  # the name in English and in French
    list_display = ["name", "code", "provider", "due_days", "position", "active"]
    list_editable = ["due_days", "position", "active"]
    prepopulated_fields = {"code": ["name"]}
