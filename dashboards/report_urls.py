from django.urls import path

from . import report_views

app_name = "report"
urlpatterns = [
    path("", report_views.index, name="index"),
    path("program/", report_views.program_report, name="program"),
    path("program/<slug:table>.csv", report_views.program_table, name="program_table"),
    path("divisions/<int:pk>/", report_views.division_report, name="division"),
    path("divisions/<int:pk>/<slug:table>.csv", report_views.division_table, name="division_table"),
]
