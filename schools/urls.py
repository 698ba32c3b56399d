from django.urls import path

from . import views

app_name = "schools"
urlpatterns = [
    path("", views.school_list_view, name="school_list"),
    path("export.csv", views.school_export, name="school_export"),
    path("<int:pk>/", views.school_detail, name="school_detail"),
    path("divisions/<int:pk>/", views.division_detail, name="division_detail"),
]
