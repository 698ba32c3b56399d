"""The CSV of "My log": every entry of the SRO's own, all weeks, newest first, and nobody else's."""

import datetime

from django.urls import reverse

from tests.csvfiles import csv_rows
from tests.factories import sro_for

from .factories import log


def rows_of(response):
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    return csv_rows(response)  # checks and leaves out the end line


def test_the_export_has_every_own_entry_newest_first(client, sro, school):
    older = log(sro, school, date=datetime.date(2026, 1, 5), minutes=45, note="Lunch supervision")
    newer = log(sro, school, date=datetime.date(2026, 10, 5), minutes=30)
    log(sro_for(school, username="colleague"), school, date=datetime.date(2026, 10, 6))  # a colleague's
    client.force_login(sro)
    rows = rows_of(client.get(reverse("activities:my_log_export")))
    assert [(row[0], row[8]) for row in rows[1:]] == [("2026-10-05", "30"), ("2026-01-05", "45")]
    assert rows[2][1] == school.name and rows[2][13] == "Lunch supervision"
    assert {older.pk, newer.pk}  # both weeks, though "My log" shows them on different pages


def test_the_page_links_to_the_export(client, sro, school):
    client.force_login(sro)
    assert reverse("activities:my_log_export") in client.get(reverse("activities:my_log")).text
