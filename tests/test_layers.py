"""The house's floors: `common` at the bottom (no project app), `dashboards` at the top (imported by no app),
and `sro_portal` holding only settings, URLs and WSGI."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = ["accounts", "activities", "audit", "costs", "evaluations", "incidents", "officers", "schools"]


def imported_top_packages(package: str) -> set[str]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def test_common_imports_no_project_app():
    assert imported_top_packages("common").isdisjoint([*APPS, "dashboards", "sro_portal"])


@pytest.mark.parametrize("app", [*APPS, "common"])
def test_no_app_imports_the_dashboards_or_the_project_package(app):
    imported = imported_top_packages(app)
    assert "dashboards" not in imported
    assert "sro_portal" not in imported


def test_project_package_holds_only_settings_urls_and_wsgi():
    modules = {path.name for path in (ROOT / "sro_portal").glob("*.py")}
    assert modules == {"__init__.py", "settings.py", "settings_test.py", "urls.py", "wsgi.py"}
