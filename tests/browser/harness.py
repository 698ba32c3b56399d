"""The browser-test harness: an `Actor` drives one signed-in (or anonymous) browser context the
way a person would, with a pointer (taps and clicks) or with the keyboard alone, and checks every
page it lands on.

Every page load the actor sees (a link followed, a form posted, an address typed) is checked:

- axe-core finds no serious or critical violation;
- the page does not scroll sideways (its content is no wider than the viewport);
- no request of the page answered 4xx/5xx (a missing favicon, style sheet or script) and the
  console shows no error (a script the Content-Security-Policy refused shows up there);
- a full-page screenshot is saved under `tests/browser/artifacts/<test>/`.

The actor counts what the person did: taps (pointer mode) or key presses (keyboard mode), and
typed inputs, so that a test can fail when a routine task starts taking more of them.

How a gesture counts (pointer mode): a tap on a link, button, radio or check box is one tap;
typing into a field is one tap (to focus it) and one typed input; a drop-down is two taps (open,
pick). In keyboard mode each key press counts in `keys` (Tab to reach the control, Enter, Space,
arrows), typed text counts as one typed input per field.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
AXE_VERSION = "4.14.1"
AXE_SOURCE = HERE / "vendor" / "axe-core" / "axe.min.js"
# Screenshots of each step; CI keeps this folder as an artefact (README, "Browser tests").
ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", HERE / "artifacts"))
# Debian's Chromium, never a downloaded one; CHROMIUM=/path names another (README, phone tests).
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"]

VIEWPORTS = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1440, "height": 900},
}
BLOCKING_IMPACTS = ("serious", "critical")
# axe-core takes a third of a second a page: it runs once per page (its address with numbers
# generalised, and the step) and viewport in a test session, since the pointer and keyboard runs of a
# journey go through the same pages. BROWSER_AXE=every runs it on every single page load.
AXE_EVERY_LOAD = os.environ.get("BROWSER_AXE") == "every"
_axe_checked: set[tuple[str, str, str]] = set()
# Enough Tab presses to cross the longest page of the journeys; more means a control is not reachable.
MAX_TABS = 250


_shared = {"users": 0, "playwright": None, "browser": None, "async_unsafe": None}


@contextlib.contextmanager
def shared_chromium(executable_path: str = CHROMIUM):
    """One headless Chromium per test process, for every browser test (tests/browser/ and
    tests/phone/): Playwright's synchronous API allows one running instance per thread, so two
    session fixtures each starting their own fail with "using Playwright Sync API inside the
    asyncio loop" once both folders run in the same process. The first user starts it, the last
    one to finish closes it.

    Playwright runs an event loop in this thread; Django's ORM, used by the tests themselves to
    arrange and check data, refuses to run beside one unless told it is safe (it is: the test is
    synchronous and the live server answers from its own thread)."""
    from playwright.sync_api import sync_playwright

    if _shared["users"] == 0:
        _shared["async_unsafe"] = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
        _shared["playwright"] = sync_playwright().start()
        _shared["browser"] = _shared["playwright"].chromium.launch(
            executable_path=executable_path, headless=True, args=CHROMIUM_ARGS)
    _shared["users"] += 1
    try:
        yield _shared["browser"]
    finally:
        _shared["users"] -= 1
        if _shared["users"] == 0:
            _shared["browser"].close()
            _shared["playwright"].stop()
            _shared["browser"] = _shared["playwright"] = None
            if _shared["async_unsafe"] is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = _shared["async_unsafe"]


@dataclass
class Counts:
    taps: int = 0
    typed: int = 0
    keys: int = 0

    def as_dict(self):
        return {"taps": self.taps, "typed": self.typed, "keys": self.keys}


@dataclass
class PageProblems:
    """What went wrong on the current page load, reported at the next check."""

    failed_requests: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)

    def clear(self):
        self.failed_requests.clear()
        self.console_errors.clear()


def safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-")[:80] or "page"


class Actor:
    """One person at one browser: `mode` is "pointer" or "keyboard", `viewport` "phone" or "desktop".

    Targets are Playwright locators (`actor.page.get_by_role("link", name="Review queue")`). Each
    gesture waits for the page load it causes and checks the new page (see the module's docstring).
    """

    def __init__(self, page, *, base_url: str, viewport: str, mode: str, name: str, artifacts: Path,
                 screenshots: bool = True, sequence=None):
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.viewport = viewport
        self.mode = mode
        self.name = name
        self.artifacts = artifacts
        self.screenshots = screenshots
        self.counts = Counts()
        self.measured: dict[str, dict] = {}
        self.pages_checked: list[str] = []
        # Shared by the actors of one test, so that the screenshots sort in the journey's order.
        self.sequence = sequence or itertools.count(1)
        self._loaded = False
        self.problems = PageProblems()
        page.on("framenavigated", self._on_navigated)
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.console_errors.append(f"page error: {error}"))

    # -- events -----------------------------------------------------------------------------------

    def _on_navigated(self, frame):
        if frame == self.page.main_frame:
            self._loaded = True

    def _on_response(self, response):
        if response.status >= 400 and response.url.startswith(self.base_url):
            self.problems.failed_requests.append(f"{response.status} {response.request.method} {response.url}")

    def _on_console(self, message):
        if message.type == "error":
            self.problems.console_errors.append(message.text)

    # -- navigation ---------------------------------------------------------------------------------

    @property
    def is_phone(self) -> bool:
        return self.viewport == "phone"

    @property
    def keyboard(self) -> bool:
        return self.mode == "keyboard"

    def url(self, path: str) -> str:
        return self.base_url + path

    def goto(self, path: str, *, step: str | None = None):
        """Type an address (or follow a link from elsewhere, e.g. a QR code): counts no tap."""
        self.page.goto(self.url(path))
        self.after_gesture(step or path)

    def after_gesture(self, step: str):
        """Wait for the page load a gesture caused, if any, and check the new page."""
        if self._loaded:
            self.page.wait_for_load_state("load")
            self._loaded = False
            self.check_page(step)

    # -- gestures ----------------------------------------------------------------------------------

    def tap(self, target, *, step: str | None = None, navigates: bool | None = None):
        """Activate a link or button: a tap (phone), a click (desktop) or Tab…Enter (keyboard).

        Waits for the page it loads: a link (not a menu or collapse toggle) or a submit button loads
        one; say `navigates=False` for a download link (and wrap the tap in `page.expect_download()`)."""
        target.wait_for(state="visible")
        if navigates is None:
            navigates = target.evaluate(NAVIGATES)
        if self.keyboard:
            self.tab_to(target)
            gesture = lambda: self.press("Enter")  # noqa: E731
        else:
            self.counts.taps += 1
            gesture = target.tap if self.is_phone else target.click
        if navigates:
            with self.page.expect_navigation(wait_until="load"):
                gesture()
        else:
            gesture()
        self.after_gesture(step or _describe(target))

    def fill(self, target, text: str):
        """Type into a field: one tap to focus it (pointer) and one typed input."""
        self.counts.typed += 1
        if self.keyboard:
            self.tab_to(target)
            kind = target.evaluate("el => el.type")
            if kind in ("date", "datetime-local", "time", "month"):
                # Typing into Chromium's date pickers depends on the locale's field order:
                # the control is reached by keyboard, its value is set directly.
                target.fill(text)
            else:
                self.page.keyboard.press("ControlOrMeta+a")
                self.page.keyboard.type(text)
        else:
            self.counts.taps += 1
            target.fill(text)

    def choose(self, radio):
        """Pick a radio button: its label is tapped (buttons styled over hidden inputs), or the
        keyboard reaches the group and moves with the arrow keys."""
        if self.keyboard:
            self.tab_to(radio, group=True)
            for _ in range(60):
                if radio.is_checked():
                    return
                self.press("ArrowRight")
            raise AssertionError(f"{self.name}: arrow keys never reached {radio}")
        label = self.page.locator(f'label[for="{radio.get_attribute("id")}"]')
        self.counts.taps += 1
        (label.tap() if self.is_phone else label.click())
        assert radio.is_checked()

    def check(self, checkbox):
        if self.keyboard:
            self.tab_to(checkbox)
            self.press("Space")
        else:
            self.counts.taps += 1
            (checkbox.tap() if self.is_phone else checkbox.check())
        assert checkbox.is_checked()

    def select(self, select, label: str):
        """Pick an option of a drop-down by its text: two taps (open, pick), or arrow keys."""
        index = select.evaluate(
            "(el, label) => [...el.options].findIndex(o => o.text.trim() === label)", label)
        assert index >= 0, f"{self.name}: no option {label!r} in {select}"
        if self.keyboard:
            self.tab_to(select)
            for _ in range(200):
                current = select.evaluate("el => el.selectedIndex")
                if current == index:
                    return
                self.press("ArrowDown" if current < index else "ArrowUp")
            raise AssertionError(f"{self.name}: arrow keys never reached {label!r}")
        self.counts.taps += 2
        select.select_option(index=index)

    def press(self, key: str):
        self.counts.keys += 1
        self.page.keyboard.press(key)

    def tab_to(self, target, *, group: bool = False):
        """Press Tab until `target` has the focus (or, for a radio group, any radio of its group).
        Fails when the control cannot be reached by keyboard."""
        target.wait_for(state="attached")
        handle = target.element_handle()
        test = ("el => { const a = document.activeElement; return a === el || "
                "(a && a.type === 'radio' && el.type === 'radio' && a.name === el.name && a.form === el.form); }"
                if group else "el => el === document.activeElement")
        for _ in range(MAX_TABS):
            if handle.evaluate(test):
                return
            self.press("Tab")
        raise AssertionError(f"{self.name}: {_describe(target)} cannot be reached with the Tab key "
                             f"on {self.page.url}")

    def open_menu(self, *labels: str):
        """Follow the main menu: on a phone the menu button first, then each label in turn
        (a drop-down group, then its entry)."""
        toggler = self.page.locator(".navbar-toggler")
        if toggler.is_visible() and toggler.get_attribute("aria-expanded") != "true":
            self.tap(toggler, step="menu")
            self.page.locator("#main-nav.show").wait_for()
        menu = self.page.locator("#main-nav")
        for label in labels[:-1]:
            self.tap(menu.get_by_role("button", name=label).or_(menu.get_by_role("link", name=label)).first)
        self.tap(menu.get_by_role("link", name=labels[-1], exact=True), step=labels[-1])

    # -- measures ----------------------------------------------------------------------------------

    @contextlib.contextmanager
    def measure(self, task: str):
        """Count the gestures of one task: `with actor.measure("routine log"): …`; the counts are in
        `actor.measured[task]` afterwards."""
        before = Counts(**self.counts.as_dict())
        yield
        self.measured[task] = {key: value - getattr(before, key) for key, value in self.counts.as_dict().items()}

    # -- checks ------------------------------------------------------------------------------------

    def check_page(self, step: str):
        """Axe, sideways scroll, failed requests, console errors, screenshot: see the module."""
        label = f"{next(self.sequence):02d}-{self.name}-{safe_name(step)}"
        self.page.wait_for_load_state("load")
        if self.screenshots:
            self.artifacts.mkdir(parents=True, exist_ok=True)
            self.page.screenshot(path=str(self.artifacts / f"{label}.png"), full_page=True)
        where = f"{self.name} at {self.viewport}, step {step!r} ({self.page.url})"
        problems = list(self.problems.failed_requests) + list(self.problems.console_errors)
        self.problems.clear()
        assert not problems, f"{where}: {problems}"
        assert_no_sideways_scroll(self.page, where)
        key = (self.viewport, re.sub(r"\d+", "N", urlsplit(self.page.url).path), step)
        if AXE_EVERY_LOAD or key not in _axe_checked:
            assert_accessible(self.page, where)
            _axe_checked.add(key)
        self.pages_checked.append(self.page.url)


# Whether activating an element loads a page: a link that is not a toggle or a download, or a
# form's submit button.
NAVIGATES = """el => {
    if (el.closest('[data-bs-toggle]')) return false;
    const link = el.closest('a[href]');
    if (link) return !link.hasAttribute('download') && !link.getAttribute('href').startsWith('#');
    const button = el.closest('button, input[type=submit]');
    return !!(button && button.form && (button.type || 'submit') === 'submit');
}"""


def _describe(locator) -> str:
    return str(locator).replace("Locator@", "")


# -- checks usable on any Playwright page -------------------------------------------------------------

def assert_no_sideways_scroll(page, where: str = ""):
    """The page is no wider than its viewport. Names the elements that stick out, if any."""
    overflow = page.evaluate("""() => {
        const root = document.documentElement, width = root.clientWidth;
        if (root.scrollWidth <= width) return null;
        const culprits = [];
        for (const el of document.body.querySelectorAll('*')) {
            const box = el.getBoundingClientRect();
            if (box.right > width + 1 && box.width > 0) {
                culprits.push(el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
                    (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\\s+/).join('.') : '') +
                    ' (right edge ' + Math.round(box.right) + ' px)');
                if (culprits.length >= 5) break;
            }
        }
        return {scrollWidth: root.scrollWidth, width, culprits};
    }""")
    assert overflow is None, f"{where}: the page scrolls sideways: {overflow}"


def axe_violations(page, impacts=BLOCKING_IMPACTS):
    """Runs axe-core on the page and returns its violations of the given impacts.

    The engine is evaluated through the DevTools protocol, which the page's Content-Security-Policy
    does not govern, so the site's policy stays as strict as in production."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ': ' + n.failureSummary)}));
    }""")
    return [violation for violation in result if violation["impact"] in impacts]


def assert_accessible(page, where: str = ""):
    violations = axe_violations(page)
    assert not violations, f"{where}: axe-core {AXE_VERSION} found " + "; ".join(
        f"[{v['impact']}] {v['id']} ({v['help']}): {v['nodes']}" for v in violations)
