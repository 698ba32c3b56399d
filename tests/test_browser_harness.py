"""The browser tests' own rules that hold without a browser (tests/browser/conftest.py)."""

from tests.browser import conftest as browser_conftest


def test_without_chromium_the_browser_tests_are_skipped_with_the_reason(monkeypatch):
    monkeypatch.setattr(browser_conftest, "CHROMIUM", "/nonexistent/chromium")
    reason = browser_conftest._missing()
    assert "/nonexistent/chromium" in reason and "apt-get install chromium" in reason


def test_with_chromium_and_playwright_nothing_is_missing(monkeypatch, tmp_path):
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    monkeypatch.setattr(browser_conftest, "CHROMIUM", str(fake))
    monkeypatch.setattr(browser_conftest, "playwright_api", object())
    assert browser_conftest._missing() is None


def test_without_playwright_the_reason_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(browser_conftest, "playwright_api", None)
    assert "pip install" in browser_conftest._missing()
