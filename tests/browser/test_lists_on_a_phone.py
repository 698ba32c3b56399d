"""Lists at 390 px and 1440 px (issue 16, defects 2 and 3): what matters is on screen, a table that
scrolls is a region the keyboard reaches, and the filters fold behind a button on a phone."""

import pytest

from incidents.models import Disposition, Severity, Status
from tests.incidents.factories import IncidentFactory

from .harness import VIEWPORTS

pointer_only = pytest.mark.parametrize("input_mode", ["pointer"])


@pytest.fixture
def incidents(sro, school):
    return [IncidentFactory(school=school, created_by=sro, status=status, severity=severity,
                            disposition=Disposition.INFORMAL_WARNING if status == Status.CLOSED else "")
            for status, severity in ((Status.SUBMITTED, Severity.HIGH), (Status.CLOSED, Severity.LOW),
                                     (Status.UNDER_REVIEW, Severity.MEDIUM))]


@pointer_only
def test_each_incidents_status_and_severity_are_on_screen(make_actor, coordinator, incidents, viewport):
    actor = make_actor(coordinator)
    actor.goto("/incidents/", step="incident list")
    width = VIEWPORTS[viewport]["width"]
    for label in ("Status", "Severity"):
        cells = actor.page.locator(f'td[data-label="{label}"]')
        assert cells.count() == 3
        for cell in cells.all():
            box = cell.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (label, box)
    severities = actor.page.locator('td[data-label="Severity"]').all_inner_texts()
    assert sorted(text.strip() for text in severities) == ["High", "Low", "Medium"]


@pointer_only
@pytest.mark.parametrize(("who", "path"), [
    ("coordinator", "/audit/"),
    ("coordinator", "/incidents/"),
    ("sro", "/officers/me/"),
])
def test_every_table_that_may_scroll_is_a_labelled_region_the_keyboard_reaches(
        make_actor, request, incidents, who, path):
    actor = make_actor(request.getfixturevalue(who))
    actor.goto(path, step=path)
    regions = actor.page.locator(".table-responsive")
    assert regions.count() >= 1
    for region in regions.all():
        assert (region.get_attribute("role"), region.get_attribute("tabindex")) == ("region", "0")
        assert region.get_attribute("aria-label")
        actor.tab_to(region)


def test_filters_fold_behind_a_button_that_counts_those_in_use_on_a_phone(make_actor, coordinator, incidents,
                                                                           viewport):
    actor = make_actor(coordinator)
    actor.goto("/incidents/?severity=high&status=submitted", step="filtered list")
    page = actor.page
    filters = page.get_by_role("search", name="Filters")
    if viewport == "phone":
        assert not filters.is_visible()
        # The badge's digit is hidden from screen readers, which hear "2 filters in use" instead.
        button = page.get_by_role("button", name="Filter 2 filters in use", exact=True)
        actor.tap(button)
        filters.wait_for(state="visible")
        assert button.get_attribute("aria-expanded") == "true"
    else:
        assert filters.is_visible() and not page.locator("button[aria-controls=list-filters]").is_visible()
    assert page.locator('td[data-label="Severity"]').count() == 1
