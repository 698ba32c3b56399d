from django.urls import path

from . import views

app_name = "dashboards"
urlpatterns = [
    path("start/", views.landing, name="landing"),
    path("program/", views.program_overview, name="program"),
    path("division/<int:pk>/", views.division_dashboard, name="division"),
    path("division/<int:pk>/<slug:panel>.csv", views.division_csv, name="division_csv"),
    path("school/<int:pk>/", views.school_dashboard, name="school"),
    path("school/<int:pk>/<slug:panel>.csv", views.school_csv, name="school_csv"),
]
