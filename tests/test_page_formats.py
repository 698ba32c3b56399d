"""Every page of the navigation, for every demo user, in English and French, read as rendered HTML
(issue 16, defects 5 and 7): no month-first or day-first date, no "---------", and no number grouped
inside an attribute (an address, a value, a meter), where a separator would break it."""

import re

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import User
from dashboards.navigation import navigation

SLASHED_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")
GROUPED_IN_ATTRIBUTE = re.compile(r'(?:href|value|max|min|action)="[^"]*\d(?:,|\xa0|&nbsp;)\d{3}')


@pytest.fixture
def demo(seeded_demo, db):
    # The demo coordinator and program administrator have an authenticator app: without it (and with
    # two-step verification not required in the test settings) force_login reaches their pages.
    TOTPDevice.objects.all().delete()


def pages_of(user):
    request = type("Request", (), {"user": user, "resolver_match": None})()
    return [item["url"] for item in navigation(request)["nav_items"]]


def test_no_page_shows_a_slashed_date_dashes_or_a_grouped_attribute(demo):
    problems = []
    with translation.override("en"):  # the French requests must not leave French on for the next test
        walk(problems)
    assert problems == []


def walk(problems):
    for username in ["sro", "principal", "coordinator", "evaluator", "programadmin"]:
        user = User.objects.get(username=username)
        for language in ["en", "fr"]:
            client = Client()
            client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
            client.force_login(user)
            for url in pages_of(user):
                response = client.get(url)
                if response.status_code != 200:
                    problems.append((username, language, url, response.status_code))
                text = response.text
                for pattern in (SLASHED_DATE, GROUPED_IN_ATTRIBUTE):
                    problems += [(username, language, url, found) for found in pattern.findall(text)[:1]]
                if "---------" in text:
                    problems.append((username, language, url, "---------"))
