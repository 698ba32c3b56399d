from django.contrib import admin

from .models import PoliceService, Province, School, SchoolDivision


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]


@admin.register(PoliceService)
class PoliceServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "province"]
    list_select_related = ["province"]
    search_fields = ["name"]


@admin.register(SchoolDivision)
class SchoolDivisionAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "province", "police_service"]
    list_select_related = ["province", "police_service"]
    search_fields = ["name", "code"]


@admin.register(School)
class SchoolAdmin(admin.ModelAdmin):
    list_display = ["name", "division", "level", "grade_range", "enrolment", "active"]
    list_filter = ["division", "level", "active"]
    list_select_related = ["division"]
    search_fields = ["name", "address"]
