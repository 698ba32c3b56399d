from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("two-step/", views.two_step_setup, name="two_step"),
    path("two-step/remove/", views.two_step_remove, name="two_step_remove"),
    path("two-step/verify/", views.two_step_verify, name="two_step_verify"),
]
