from django.urls import path

from . import offline, views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list_view, name="list"),
    path("export.csv", views.activity_export, name="export"),
    path("log/", views.log_activity, name="log"),
    path("log/queued/", offline.log_queued, name="log_queued"),
    path("mine/", views.my_log_view, name="my_log"),
    path("mine/export.csv", views.my_log_export, name="my_log_export"),
    path("<int:pk>/", views.activity_detail, name="detail"),
    path("<int:pk>/edit/", views.edit_activity, name="edit"),
    path("<int:pk>/delete/", views.delete_activity, name="delete"),
    path("<int:pk>/unlock/", views.unlock_activity, name="unlock"),
]
