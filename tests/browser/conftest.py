"""Fixtures of the browser tests (Playwright for Python driving Debian's Chromium).

Reuse them in any test module under `tests/browser/`:

- `browser`: one headless Chromium per test process (`/usr/bin/chromium`, never a downloaded one),
  the same one tests/phone/ uses (`harness.shared_chromium`).
- `viewport`: "phone" (390 × 844, touch) or "desktop" (1440 × 900); every test that uses an actor runs
  at both. Narrow it with `@pytest.mark.parametrize("viewport", ["phone"])`.
- `input_mode`: "pointer" or "keyboard"; every test that uses an actor runs with both. Narrow it the
  same way (`@pytest.mark.parametrize("input_mode", ["pointer"])`). Of a test left in all four
  variants, `make test` runs phone-pointer and desktop-keyboard; the other two are marked slow
  (`FAST_VARIANTS` below).
- `make_actor(user=None, *, locale="en-CA", name=None, through_sign_in_page=False)`: a new browser
  context (its own cookies, like a separate device) at the test's viewport and input mode, signed in
  as `user` or anonymous, on the page signing in leads to (`landing_path`); returns an `Actor`
  (tests/browser/harness.py). The user's session is handed to the browser as its cookie (two page
  loads fewer a person); `through_sign_in_page=True` signs in with the form instead, as the smoke test
  does. No gesture of the sign-in is counted.
- `actor`: an anonymous actor, for the simplest tests.

Every test here runs against pytest-django's `live_server` with a transactional database: create the
data with the factories in the test, as elsewhere. Tests are skipped, with the reason printed by
`pytest -rs`, when /usr/bin/chromium or Playwright is missing (`apt-get install chromium`).
"""

import itertools
import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from accounts.models import Role

from .harness import ARTIFACTS, CHROMIUM, VIEWPORTS, Actor, safe_name, shared_chromium

HERE = Path(__file__).resolve().parent
TEST_PASSWORD = "a-long-test-password"  # tests/factories.py UserFactory

try:
    import playwright.sync_api as playwright_api
except ImportError:  # pragma: no cover - depends on the machine
    playwright_api = None


def _missing() -> str | None:
    if playwright_api is None:
        return "Playwright for Python is not installed (pip install -r requirements.lock)"
    if not os.access(CHROMIUM, os.X_OK):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium): browser tests skipped"
    return None


# A test that runs in all four combinations of viewport and input mode keeps two in `make test`: the
# phone with a pointer (where the gesture counts are measured) and the desktop with the keyboard alone,
# so every such test still runs at 390 px, at 1440 px and by keyboard alone. The other two go through
# the same pages and run with the slow tests (`make test-slow`, CI).
FAST_VARIANTS = {("phone", "pointer"), ("desktop", "keyboard")}
# A test marked `@pytest.mark.fast_variants(("phone", "pointer"))` keeps only those in `make test`: the
# incident journey, 10-20 s a run, whose desktop and keyboard runs go through pages the other journeys
# and the page tests already cover by keyboard at 1440 px.
ALL_VARIANTS = {(viewport, mode) for viewport in VIEWPORTS for mode in ("pointer", "keyboard")}
SLOW_VARIANT = pytest.mark.slow(reason="the other viewport and input mode of a test whose phone-pointer and "
                                       "desktop-keyboard runs are in the fast suite (tests/browser/conftest.py)")


def _variant(item):
    params = item.callspec.params if hasattr(item, "callspec") else {}
    others = tuple(sorted((name, str(value)) for name, value in params.items()
                          if name not in ("viewport", "input_mode")))
    return (item.module.__name__, item.originalname, others), (params.get("viewport"), params.get("input_mode"))


def pytest_collection_modifyitems(config, items):
    """Every test of this folder uses the live server (transactional database); all are skipped,
    with a reason, on a machine without Chromium. Of a test run in all four variants, two are slow
    (FAST_VARIANTS)."""
    reason = _missing()
    ours = [item for item in items if HERE in Path(str(item.fspath)).resolve().parents]
    variants = {}
    for item in ours:
        test, variant = _variant(item)
        variants.setdefault(test, set()).add(variant)
    for item in ours:
        item.add_marker(pytest.mark.django_db(transaction=True))
        if reason:
            item.add_marker(pytest.mark.skip(reason=reason))
        test, variant = _variant(item)
        narrowed = item.get_closest_marker("fast_variants")
        fast = set(narrowed.args) if narrowed else FAST_VARIANTS
        if variants[test] == ALL_VARIANTS and variant not in fast:
            item.add_marker(SLOW_VARIANT)


@pytest.fixture(scope="session")
def browser():
    """The process's one Chromium, shared with tests/phone/ (harness.shared_chromium)."""
    with shared_chromium(CHROMIUM) as chromium:
        yield chromium


@pytest.fixture(params=list(VIEWPORTS))
def viewport(request):
    return request.param


@pytest.fixture(params=["pointer", "keyboard"])
def input_mode(request):
    return request.param


def screenshots_wanted(input_mode: str) -> bool:
    """Screenshots cost a tenth of a second a page, so `make test` takes none unless asked:
    BROWSER_SCREENSHOTS=pointer (what CI sets) keeps the pointer runs' (the keyboard runs visit the
    same pages), =all both."""
    wanted = os.environ.get("BROWSER_SCREENSHOTS", "none")
    return wanted == "all" or wanted == input_mode


@pytest.fixture
def make_actor(browser, live_server, viewport, input_mode, request):
    contexts, actors = [], []
    sequence = itertools.count(1)
    variant = request.node.callspec.id if hasattr(request.node, "callspec") else ""
    folder = ARTIFACTS / f"{safe_name(request.node.originalname)[:70]}-{safe_name(variant)}"

    def make(user=None, *, locale="en-CA", name=None, through_sign_in_page=False):
        size = VIEWPORTS[viewport]
        context = browser.new_context(
            viewport=size, locale=locale, timezone_id="America/Winnipeg", accept_downloads=True,
            is_mobile=viewport == "phone", has_touch=viewport == "phone",
            device_scale_factor=1,
            # Bootstrap skips its transitions (the phone menu, a collapse) for this preference: a
            # gesture's result is there at once instead of after a third of a second of animation.
            reduced_motion="reduce",
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        actor = Actor(context.new_page(), base_url=live_server.url, viewport=viewport, mode=input_mode,
                      name=name or (user.username if user else "visitor"), artifacts=folder,
                      screenshots=screenshots_wanted(input_mode), sequence=sequence)
        if user is not None and through_sign_in_page:
            sign_in(actor, user)
        elif user is not None:
            context.add_cookies([session_cookie(user, live_server.url)])
            actor.goto(landing_path(user), step="home")
        actors.append(actor)
        return actor

    yield make
    for context in contexts:
        context.close()
    measured = {actor.name: actor.measured for actor in actors if actor.measured}
    if measured:  # the gesture counts of the run, beside its screenshots
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "counts.json").write_text(json.dumps(measured, indent=2) + "\n")


@pytest.fixture
def actor(make_actor):
    return make_actor()


def landing_path(user) -> str:
    """Where signing in leads (dashboards:landing): an officer and nothing else lands on the quick
    log, everyone else on the home page."""
    return "/activities/log/" if user.roles == {Role.SRO} else "/"


def session_cookie(user, url: str) -> dict:
    """A signed-in session of `user` (Django's test client: the session store the server reads),
    as a cookie for the browser."""
    client = Client()
    client.force_login(user)
    return {"name": settings.SESSION_COOKIE_NAME, "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
            "url": url}


def sign_in(actor: Actor, user, password: str = TEST_PASSWORD):
    """Signs in through the sign-in page, as the person would, without counting the gestures
    (the counts are about the work, not the sign-in). Lands on `landing_path(user)`."""
    counts = actor.counts.as_dict()
    actor.goto("/accounts/login/", step="sign-in")
    page = actor.page
    actor.fill(page.get_by_label("Username"), user.username)
    actor.fill(page.get_by_label("Password"), password)
    actor.tap(page.locator("form").get_by_role("button", name="Sign in"), step="home")
    assert page.url == actor.base_url + landing_path(user), f"{user.username} could not sign in: {page.url} {page.locator('main').inner_text()}"
    for key, value in counts.items():
        setattr(actor.counts, key, value)
