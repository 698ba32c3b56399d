from django.urls import path

from . import passkeys, views

app_name = "accounts"
urlpatterns = [
    path("two-step/", views.two_step_setup, name="two_step"),
    path("two-step/remove/", views.two_step_remove, name="two_step_remove"),
    path("two-step/verify/", views.two_step_verify, name="two_step_verify"),
    path("passkeys/", passkeys.passkey_list, name="passkeys"),
    path("passkeys/<int:pk>/remove/", passkeys.passkey_remove, name="passkey_remove"),
]
