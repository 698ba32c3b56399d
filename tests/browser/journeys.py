"""The steps of the role journeys, one function per task, written as the person does them.

The test modules (`test_journey_*.py`) chain them; when a page changes (a form gains a default, a
button moves), the step that goes through it changes here and nowhere else.
"""

import datetime
import re
import zoneinfo
from urllib.parse import urlsplit

from django.urls import NoReverseMatch, reverse

from .harness import Actor

WINNIPEG = zoneinfo.ZoneInfo("America/Winnipeg")


def local_now() -> datetime.datetime:
    return datetime.datetime.now(WINNIPEG).replace(second=0, microsecond=0)


def field_value(when: datetime.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M")


def field(scope, label: str):
    """The form control labelled exactly `label` (a required field's label ends with "*")."""
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def status_message(actor: Actor) -> str:
    return actor.page.locator("main [role=status], main [role=alert]").first.inner_text()


# -- SRO ------------------------------------------------------------------------------------------

def log_routine_activity(sro: Actor, category: str):
    """From the landing page, which for an officer is the quick log itself: a category, Save (the
    defaults do the rest). From any other page, "Log activity" first."""
    page = sro.page
    if urlsplit(page.url).path != "/activities/log/":
        sro.tap(page.locator("main").get_by_role("link", name="Log activity"), step="log activity")
    sro.choose(page.get_by_role("radio", name=category, exact=True))
    sro.tap(page.get_by_role("button", name="Save", exact=True), step="activity saved")
    assert "Logged:" in status_message(sro)


def log_presentation(sro: Actor, topic: str, minutes: str):
    """A classroom presentation: its topic and a duration other than the default, then Save."""
    page = sro.page
    sro.tap(page.locator("main").get_by_role("link", name="Log activity"), step="log activity")
    sro.choose(page.get_by_role("radio", name="Classroom presentation", exact=True))
    sro.choose(page.get_by_role("radio", name=topic, exact=True))
    sro.choose(page.get_by_role("radio", name=minutes, exact=True))
    sro.tap(page.get_by_role("button", name="Save", exact=True), step="presentation saved")
    assert "Logged:" in status_message(sro)


def report_incident(sro: Actor, *, school: str, narrative: str, person: str, age: str):
    """From the landing page to an incident submitted for review, with one person involved, all on
    the report page: "occurred" and "reported" start at now, choices are one tap each, the person
    is given in the first row, and "Submit for review" ends the form. Returns the incident's page
    address."""
    page = sro.page
    sro.tap(page.locator("main").get_by_role("link", name="Report an incident"), step="report an incident")
    if field(page, "School").evaluate("el => el.value") == "":
        sro.select(field(page, "School"), school)
    form = page.locator("#incident-form")
    sro.choose(form.get_by_role("radio", name="Bullying", exact=True))
    sro.choose(form.get_by_role("radio", name="Hallway", exact=True))
    sro.choose(form.get_by_role("radio", name="Medium", exact=True))
    sro.fill(field(page, "Narrative"), narrative)
    row = page.locator(".person-row").first
    sro.choose(row.get_by_role("radio", name="Victim", exact=True))
    sro.fill(field(row, "Name"), person)
    sro.fill(field(row, "Age"), age)
    sro.check(field(row, "Student of the school"))
    sro.choose(form.get_by_role("radio", name="Informal warning", exact=True))
    sro.tap(page.get_by_role("button", name="Submit for review"), step="submitted")
    assert re.search(r"/incidents/\d+/$", page.url), page.url
    return page.url


def add_supplement_and_resubmit(sro: Actor, incident_number: int, text: str):
    page = sro.page
    sro.open_menu("Incidents", "My open incidents")
    sro.tap(page.get_by_role("link", name=f"#{incident_number}", exact=True), step="incident")
    sro.fill(field(page, "Supplement"), text)
    sro.tap(page.get_by_role("button", name="Add supplement"), step="supplement added")
    sro.tap(page.get_by_role("button", name="Resubmit for review"), step="resubmitted")


# -- school administrator -------------------------------------------------------------------------

def open_from_review_queue(principal: Actor, incident_number: int):
    page = principal.page
    principal.open_menu("Incidents", "Review queue")
    principal.tap(page.get_by_role("link", name=f"#{incident_number}", exact=True), step="incident")
    start = page.get_by_role("button", name="Start review")
    if start.count():  # a separate step today; issue 16 (defect 5) may fold it into the next one
        principal.tap(start, step="review started")


def request_follow_up(principal: Actor, incident_number: int, note: str):
    open_from_review_queue(principal, incident_number)
    page = principal.page
    form = page.locator("form").filter(has=page.get_by_role("button", name="Request follow-up from the SRO"))
    # The step's own note, however it is labelled ("What the SRO should follow up (required)").
    principal.fill(form.get_by_role("textbox"), note)
    principal.tap(form.get_by_role("button"), step="follow-up requested")


def close_incident(principal: Actor, incident_number: int):
    open_from_review_queue(principal, incident_number)
    principal.tap(principal.page.get_by_role("button", name="Close", exact=True), step="closed")


# -- coordinator ----------------------------------------------------------------------------------

def division_dashboard_path(division) -> str | None:
    """The division dashboard's address once the dashboard exists on main; None before."""
    for name, kwargs in (("dashboards:division", {"pk": division.pk}), ("dashboards:division", {})):
        try:
            return reverse(name, kwargs=kwargs)
        except NoReverseMatch:
            continue
    return None


def download_csv(actor: Actor, link) -> str:
    """Taps a CSV export link and returns the file's text."""
    with actor.page.expect_download() as download:
        actor.tap(link, navigates=False)
    with open(download.value.path(), encoding="utf-8-sig") as csv_file:
        return csv_file.read()
