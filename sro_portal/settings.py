"""SRO Portal settings: one module, driven by environment variables.

Production values have no defaults: with DEBUG off the app refuses to start
without SECRET_KEY and ALLOWED_HOSTS.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def envbool(name: str, default: str = "False") -> bool:
    value = os.environ.get(name, default).strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off", ""):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), not {value!r}")


def envint(name: str, default: str) -> int:
    value = os.environ.get(name, default)
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def envlist(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = envbool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = envlist("ALLOWED_HOSTS")
if DEBUG:
    # Development only: a throwaway key and the local hosts.
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key"  # noqa: S105
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "modeltranslation",  # French for text kept in the database; before admin, as its docs ask
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",  # per-record change history (incidents, people, officers' assignments…)
    "audit",  # the ground floor: every app may record audit events (schools' export does)
    "schools",
    "accounts",
    "officers",
    "activities",
    "incidents",
    "evaluations",
    "django_ratelimit",
    "costs",  # officers' costs, partner shares and savings (reads officers, incidents)
    "dashboards",  # the top of the house: reads every app, imported by none
]

MIDDLEWARE = [
    "common.health.HealthCheckMiddleware",  # first: /health/ for the load balancer (database and cache)
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # After authentication: history rows record the signed-in user who made the change.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "sro_portal.urls"
WSGI_APPLICATION = "sro_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "dashboards.navigation.navigation",
            ],
            # {% table_region %} and the filters count of every list (common/templatetags/lists.py).
            "builtins": ["common.templatetags.lists"],
        },
    },
]

# DATABASE_URL selects the database; unset, a SQLite file inside the project.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DB_CONN_MAX_AGE", "60"),
    )
}
# SQLite (the embedded default) serving more than one request at a time: the write-ahead log lets a
# long read (a streamed CSV export) and a write go on together; a writer waits up to 20 s for another
# instead of failing at once ("database is locked"); transactions take the write lock when they begin
# (IMMEDIATE), so two that read then write cannot deadlock, which no timeout would resolve.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "timeout": 20,
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The cache holds rate-limit counters and cached figures. REDIS_URL (e.g. redis://127.0.0.1:6379/0)
# selects Django's own Redis backend, which every app server shares; unset, each process keeps its
# own memory cache: fine for one server (the demo, the tests), wrong for more than one.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# django-ratelimit warns of any backend it does not list, Django's own Redis backend included (it has
# the atomic increment it needs); without REDIS_URL it refuses the memory cache (E003: not shared),
# which is right for one process only: set REDIS_URL when more than one process or server runs.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"] + ([] if REDIS_URL else ["django_ratelimit.E003"])

AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
# Signing in lands on each role's work: an SRO on the quick log (dashboards.views.landing).
LOGIN_REDIRECT_URL = "dashboards:landing"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Winnipeg")
USE_I18N = True
USE_TZ = True
# One date and number format per language, on pages only (issue 16, defect 7): common/formats/.
FORMAT_MODULE_PATH = ["common.formats"]
USE_THOUSAND_SEPARATOR = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = envint("EMAIL_PORT", "25")
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = envbool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "SRO Portal <noreply@localhost>")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Security: strict unless DEBUG. Behind a TLS-terminating proxy set SECURE_PROXY_SSL_HEADER.
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", "False" if DEBUG else "True")
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000")
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if envbool("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_AGE = envint("SESSION_COOKIE_AGE", str(12 * 60 * 60))

# Program settings.
# The documented demo sign-in, used by seed_demo only (which refuses to run with DEBUG off).
DEMO_PASSWORD_DEFAULT = "sro-portal-demo"  # noqa: S105  # nosec B105

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# Program rules, one section per app (each app reads its own settings from here).

# officers
# Years of police service an officer needs on the day an SRO assignment starts.
SRO_MIN_SERVICE_YEARS = envint("SRO_MIN_SERVICE_YEARS", "5")
# Length of an SRO term, from the date the officer became an SRO (extensions may follow).
SRO_TERM_YEARS = envint("SRO_TERM_YEARS", "5")
# "Terms ending soon": within this many months.
SRO_TERM_ENDING_MONTHS = envint("SRO_TERM_ENDING_MONTHS", "6")
# More schools than this for one officer at once gives a warning (never a refusal).
SRO_MAX_SCHOOLS = envint("SRO_MAX_SCHOOLS", "12")

# costs
# The fiscal year's first month (April for the Manitoba partners: April–March).
FISCAL_YEAR_START_MONTH = envint("FISCAL_YEAR_START_MONTH", "4")
if not 1 <= FISCAL_YEAR_START_MONTH <= 12:
    raise ImproperlyConfigured("FISCAL_YEAR_START_MONTH must be a month number from 1 to 12.")

# activities
# Days during which an SRO may still edit or delete an activity after logging it (or after a
# coordinator unlocked it); after that the entry is locked.
ACTIVITY_EDIT_DAYS = envint("ACTIVITY_EDIT_DAYS", "7")

# incidents
# Days an incident may wait in an administrator's review queue before it is marked late.
INCIDENTS_REVIEW_DAYS = envint("INCIDENTS_REVIEW_DAYS", "5")
# Years after an incident occurred (once closed) before its people involved are de-identified.
INCIDENTS_RETENTION_YEARS = envint("INCIDENTS_RETENTION_YEARS", "5")

# audit and sign-in (issue 7: audit log, sign-in hardening, headers; see README "Security")
INSTALLED_APPS += ["axes", "django_otp", "django_otp.plugins.otp_totp"]
MIDDLEWARE += [  # after authentication, in this order; axes last, as its docs ask
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.SessionLimitsMiddleware",
    "accounts.middleware.TwoStepMiddleware",
    "audit.middleware.AuditMiddleware",
    "axes.middleware.AxesMiddleware",
]
# Axes refuses a sign-in to a locked-out username+address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed sign-ins are counted in the database (axes' database handler, its default, said here): every
# app server behind the load balancer reads the same counts, so a lockout holds on all of them.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_VERBOSE = False  # failures go to the audit log; no console noise
AXES_ENABLED = True
# Locked after 5 failures in a row for one username from one address, until the cool-off
# ends or an administrator deletes the access attempt (admin: Axes → Access attempts).
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_COOLOFF_MINUTES = envint("AXES_COOLOFF_MINUTES", "30")
AXES_COOLOFF_TIME = datetime.timedelta(minutes=AXES_COOLOFF_MINUTES)
AXES_CLIENT_IP_CALLABLE = "audit.services.client_address"
AXES_LOCKOUT_CALLABLE = "accounts.views.locked_out"
AXES_DISABLE_ACCESS_LOG = True  # successful sign-ins are in the audit log
# Content Security Policy (django-csp 4): only this site's own files; no inline script or
# style anywhere (templates keep JS and CSS in static files), no framing, forms post here only.
INSTALLED_APPS += ["csp"]
MIDDLEWARE += ["csp.middleware.CSPMiddleware"]
# Last, so that its 400 gets every header above: a query the database cannot be asked is refused.
MIDDLEWARE += ["common.input_limits.RefuseUnusableQueryMiddleware"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The installable quick log (issue 17): its service worker and manifest are this site's own.
        "worker-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    },
}
# Sessions: signed out after 30 idle minutes, and 12 hours after sign-in whatever happens.
SESSION_IDLE_MINUTES = envint("SESSION_IDLE_MINUTES", "30")
SESSION_MAX_HOURS = envint("SESSION_MAX_HOURS", "12")
# Two-step verification (TOTP): required for these roles and for administration-site users.
OTP_REQUIRED_ROLES = envlist("OTP_REQUIRED_ROLES", "coordinator,program_admin")
OTP_REQUIRED_FOR_STAFF = envbool("OTP_REQUIRED_FOR_STAFF", "True")
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "SRO Portal")
# disable_inactive_accounts (daily): accounts unused this long are disabled.
ACCOUNT_INACTIVE_DAYS = envint("ACCOUNT_INACTIVE_DAYS", "90")
AUDIT_RETENTION_DAYS = envint("AUDIT_RETENTION_DAYS", "400")
if AUDIT_RETENTION_DAYS < 365:
    raise ImproperlyConfigured("AUDIT_RETENTION_DAYS must be at least 365 (one year).")
# Reverse proxies in front of the app that append to X-Forwarded-For (0: use REMOTE_ADDR).
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", "0")

# evaluations
# Survey results for any group with fewer responses than this are suppressed, never shown.
SURVEY_MIN_RESPONSES = envint("SURVEY_MIN_RESPONSES", "10")
# Wrong survey codes accepted from one source address before its code attempts get a 429 for the
# rest of the window (django-ratelimit on the cache above; "20/10m": 20 per 10 minutes). A class
# answering from one school address shares the budget; correct codes never count.
SURVEY_WRONG_CODE_RATE = os.environ.get("SURVEY_WRONG_CODE_RATE", "20/10m")
# The most single-use codes generated in one batch (one printed sheet).
SURVEY_CODE_BATCH_MAX = envint("SURVEY_CODE_BATCH_MAX", "500")
# The largest outcome-data CSV file accepted, in bytes.
OUTCOME_IMPORT_MAX_BYTES = envint("OUTCOME_IMPORT_MAX_BYTES", str(5 * 1024 * 1024))

# modeltranslation: text kept in the database that users read as labels (survey instruments,
# questions and choices, survey titles, course names) has an English and a French column
# (`name_en`, `name_fr`…); reading `name` gives the current language's. English is the language
# every record has; an untranslated French text shows the English one, and the other way round.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("en", "fr")}
# Passkeys (issue 17, django-otp-webauthn): a django-otp device like the authenticator app, so it
# counts as the second step; it also signs a user in by itself, with user verification required.
# The relying party is the host the browser reached (ALLOWED_HOSTS), unless these fix it: in
# production set them, since a passkey belongs to the name it was registered under.
INSTALLED_APPS += ["django_otp_webauthn"]
AUTHENTICATION_BACKENDS += ["django_otp_webauthn.backends.WebAuthnBackend"]
OTP_WEBAUTHN_HELPER_CLASS = "accounts.passkeys.PasskeyHelper"
OTP_WEBAUTHN_RP_NAME = os.environ.get("OTP_WEBAUTHN_RP_NAME", "SRO Portal")
OTP_WEBAUTHN_RP_ID = os.environ.get("OTP_WEBAUTHN_RP_ID", "")
if not OTP_WEBAUTHN_RP_ID:
    OTP_WEBAUTHN_RP_ID_CALLABLE = "accounts.passkeys.relying_party_id"
OTP_WEBAUTHN_ALLOWED_ORIGINS = envlist("OTP_WEBAUTHN_ALLOWED_ORIGINS")
if not OTP_WEBAUTHN_ALLOWED_ORIGINS:
    # accounts.passkeys.PasskeyHelper expects the origin the browser reached (its host passed
    # ALLOWED_HOSTS); the library's check asks for a fixed list.
    SILENCED_SYSTEM_CHECKS += ["otp_webauthn.E030"]
