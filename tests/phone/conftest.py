"""Browser tests of the SRO's phone (issue 17): Playwright driving Debian's Chromium, headless,
on a 390-px screen, against pytest-django's live server. Never downloads a browser: without
/usr/bin/chromium (apt-get install chromium) or the playwright package, these tests are skipped."""

import os
import shutil
from urllib.parse import urlsplit

import pytest

from accounts.middleware import LAST_ACTIVITY, SIGNED_IN_AT
from tests.browser.harness import CHROMIUM, shared_chromium

PASSWORD = "a-long-test-password"
# reduced_motion: Bootstrap then skips its transitions, so nothing waits for an animation to end.
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2, "is_mobile": True,
         "has_touch": True, "reduced_motion": "reduce"}

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - the package is in the test dependencies
    sync_playwright = None

pytestmark_reason = ""
if sync_playwright is None:
    pytestmark_reason = "playwright is not installed (pip install -r requirements.lock)"
elif not shutil.which(CHROMIUM):
    pytestmark_reason = f"no Chromium at {CHROMIUM} (apt-get install chromium, or set CHROMIUM)"


def pytest_collection_modifyitems(config, items):
    if not pytestmark_reason:
        return
    for item in items:
        if "tests/phone/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.skip(reason=pytestmark_reason))


@pytest.fixture(scope="session")
def chromium():
    """The process's one Chromium, shared with tests/browser/ (two Playwright instances in one
    process refuse to start; tests/browser/harness.py, `shared_chromium`)."""
    with shared_chromium(CHROMIUM) as browser:
        yield browser


@pytest.fixture
def phone(chromium, live_server, settings):
    """A new phone (browser context) on a 390-px screen, and its page. The live server runs
    over plain HTTP on localhost, a secure context for service workers and passkeys."""
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    context = chromium.new_context(base_url=live_server.url, **PHONE)
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def at(path: str):
    """A URL matcher for page.wait_for_url: the address's path is `path` (a glob such as
    "**/activities/log/" also matches "/accounts/login/?next=/activities/log/")."""
    return lambda url: urlsplit(url).path == path


def sign_in(page, user, next_url="/activities/log/"):
    page.goto(f"/accounts/login/?next={next_url}")
    page.fill("input[name=username]", user.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(at(next_url))


def screenshot(page, name: str) -> None:
    """With PHONE_SCREENSHOTS=<folder>, keep a picture of the page for a person to look at."""
    folder = os.environ.get("PHONE_SCREENSHOTS")
    if folder:
        page.screenshot(path=os.path.join(folder, f"{name}.png"), full_page=True)


def session_key(page) -> str:
    from django.conf import settings

    return next(c["value"] for c in page.context.cookies() if c["name"] == settings.SESSION_COOKIE_NAME)


def idle_for(page, minutes: int) -> None:
    """The phone's session as if the SRO had not used it for `minutes`."""
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore(session_key=session_key(page))
    session[LAST_ACTIVITY] -= minutes * 60
    session[SIGNED_IN_AT] -= minutes * 60
    session.save()


@pytest.fixture
def sro_user(sro):
    """The cast's SRO, with a password to type."""
    sro.set_password(PASSWORD)
    sro.save()
    return sro


@pytest.fixture
def other_sro(other_school):
    """Another SRO of the same division, who may pick up the same phone."""
    from tests.factories import sro_for

    user = sro_for(other_school, username="other_sro")
    user.set_password(PASSWORD)
    user.save()
    return user
