from django.urls import path

from . import views

app_name = "costs"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("divisions.csv", views.overview_export, name="overview_export"),
    path("divisions/<int:pk>/", views.division_detail, name="division"),
    path("divisions/<int:pk>/schools.csv", views.division_schools_export, name="division_schools_export"),
    path("divisions/<int:pk>/officers.csv", views.division_officers_export, name="division_officers_export"),
]
