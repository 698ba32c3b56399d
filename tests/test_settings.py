"""Settings behaviour, checked in a fresh interpreter with a controlled environment."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": "x" * 60 + "production-like-secret-for-the-check",
    "ALLOWED_HOSTS": "sro.example.org",
    "DEBUG": "0",
}


def run_django(args, **env):
    clean = {k: v for k, v in os.environ.items()
             if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "DJANGO_SETTINGS_MODULE", "SECURE_SSL_REDIRECT",
                          "DJANGO_ALLOW_ASYNC_UNSAFE")}  # set by the browser tests for their live server
    clean.update(env)
    clean["DJANGO_SETTINGS_MODULE"] = "sro_portal.settings"
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=clean, capture_output=True, text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = run_django(["check"], ALLOWED_HOSTS="sro.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_django(["check"], SECRET_KEY=PRODUCTION["SECRET_KEY"])
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_an_unconfigured_command_says_why_instead_of_models_not_loaded():
    # makemigrations runs the model checks first: Django used to hide the reason behind
    # "Models aren't loaded yet".
    result = run_django(["makemigrations", "--check", "--dry-run"])
    assert result.returncode == 1
    assert "SRO Portal is not configured: SECRET_KEY must be set" in result.stderr
    assert "AppRegistryNotReady" not in result.stderr and "Traceback" not in result.stderr


def test_debug_runs_without_production_variables():
    result = run_django(["check"], DEBUG="1")
    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_with_production_variables():
    result = run_django(["check", "--deploy", "--fail-level", "WARNING"], **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_malformed_boolean_is_refused_loudly():
    result = run_django(["check"], DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be a boolean" in result.stderr
