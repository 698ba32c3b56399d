"""Security headers and cookies, and templates that keep to the Content Security Policy."""

import re
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

ROOT = Path(__file__).resolve().parent.parent


def test_pages_carry_a_content_security_policy_without_inline_code(client, db):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
                      "frame-ancestors 'none'", "form-action 'self'"):
        assert directive in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_pages_deny_framing_sniffing_and_cross_site_referrers(client, db):
    response = client.get(reverse("login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_https_responses_carry_hsts_for_a_year(client, db):
    response = client.get(reverse("login"), secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_the_session_cookie_is_secure_http_only_and_same_site(client, principal):
    response = client.post(reverse("login"), {"username": "principal", "password": "a-long-test-password"},
                           secure=True)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["secure"] and cookie["httponly"] and cookie["samesite"] == "Lax"
    assert response.cookies[settings.CSRF_COOKIE_NAME]["secure"]


def test_the_error_page_renders_without_inline_style():
    html = render_to_string("500.html")
    assert "style=" not in html and "Something went wrong" in html


def test_no_template_has_inline_script_style_or_event_handlers():
    offending = []
    for path in [*(ROOT / "templates").rglob("*.html"), *ROOT.glob("*/templates/**/*.html")]:
        text = path.read_text()
        if re.search(r"\sstyle=|<style|<script(?![^>]*\ssrc=)|\son[a-z]+=", text):
            offending.append(str(path.relative_to(ROOT)))
    assert offending == []
