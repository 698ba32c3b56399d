from django.urls import path

from . import views

app_name = "officers"
urlpatterns = [
    path("", views.officer_list_view, name="officer_list"),
    path("export.csv", views.officer_export, name="officer_export"),
    path("terms-ending/", views.terms_ending_view, name="terms_ending"),
    path("terms-ending/export.csv", views.terms_ending_export, name="terms_ending_export"),
    path("me/", views.my_profile, name="my_profile"),
    path("<int:pk>/", views.officer_detail, name="officer_detail"),
    path("<int:pk>/history/", views.officer_history_view, name="officer_history"),
    path("<int:pk>/history.csv", views.officer_history_export, name="officer_history_export"),
    path("<int:pk>/assignments/new/", views.assignment_create_view, name="assignment_create"),
    path("<int:pk>/extensions/new/", views.term_extension_create_view, name="term_extension_create"),
    path("<int:pk>/training/new/", views.training_record_create_view, name="training_record_create"),
    path("assignments/<int:pk>/end/", views.assignment_end_view, name="assignment_end"),
    path("assignments/<int:pk>/reassign/", views.assignment_reassign_view, name="assignment_reassign"),
]
