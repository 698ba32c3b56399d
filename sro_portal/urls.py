from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts import views as account_views
from accounts.forms import AdminSignInForm, SignInForm
from accounts.passkeys import api_urlpatterns as passkey_api
from activities import offline as activities_offline
from dashboards import views as dashboard_views

admin.site.login_form = AdminSignInForm  # checks the user name's length (accounts.forms)

urlpatterns = [
    path("", dashboard_views.home, name="home"),
    path("accounts/login/", auth_views.LoginView.as_view(redirect_authenticated_user=True,
                                                         authentication_form=SignInForm),
         name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", account_views.PasswordChangeView.as_view(),
         name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(),
         name="password_change_done"),
    path("accounts/", include("accounts.urls")),
    path("accounts/passkey-api/", include(passkey_api)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("schools/", include("schools.urls")),
    path("officers/", include("officers.urls")),
    path("activities/", include("activities.urls")),
    path("incidents/", include("incidents.urls")),
    path("evaluations/", include("evaluations.urls")),
    path("audit/", include("audit.urls")),
    path("costs/", include("costs.urls")),
    path("report/", include("dashboards.report_urls")),
    path("dashboards/", include("dashboards.urls")),
    path("admin/", admin.site.urls),
    # The installable quick log (issue 17): at the root, where a service worker's scope must start.
    path("manifest.webmanifest", activities_offline.manifest, name="manifest"),
    path("sw.js", activities_offline.service_worker, name="service_worker"),
]
