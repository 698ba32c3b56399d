"""The terms-ending CSV: both tables of the page, in the user's scope, streamed and audited."""

import datetime

import time_machine
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from tests.csvfiles import csv_rows

from .factories import AssignmentFactory, TermExtensionFactory, officer_for

TODAY = datetime.date(2026, 3, 2)


def rows_of(response):
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    return csv_rows(response)  # checks and leaves out the end line


@time_machine.travel(timezone.make_aware(datetime.datetime(2026, 3, 2, 9, 0)), tick=False)
def test_the_export_has_both_tables_of_the_page(client, coordinator, division, school, outside_school, officer):
    # `officer` (the shared SRO, SRO since 2020-09-01) ended their term on 2025-08-31 and is still assigned.
    soon = officer_for(division, joined_service_on=datetime.date(2005, 1, 1), became_sro_on=datetime.date(2021, 4, 1))
    AssignmentFactory(officer=soon, school=school, start=datetime.date(2021, 4, 1))
    TermExtensionFactory(officer=soon, new_end=datetime.date(2026, 6, 30))
    elsewhere = officer_for(outside_school.division, joined_service_on=datetime.date(2005, 1, 1),
                            became_sro_on=datetime.date(2021, 4, 1))
    AssignmentFactory(officer=elsewhere, school=outside_school, start=datetime.date(2021, 4, 1))
    client.force_login(coordinator)
    rows = rows_of(client.get(reverse("officers:terms_ending_export")))
    assert rows[0] == ["List", "Name", "Badge", "Police service", "Became an SRO", "End of term", "Extended",
                       "Current schools"]
    assert rows[1:] == [
        ["Term ending soon", soon.name, soon.badge_number, soon.police_service.name, "2021-04-01", "2026-06-30",
         "yes", school.name],
        ["Term ended, still assigned", officer.name, officer.badge_number, officer.police_service.name,
         "2020-09-01", "2025-08-31", "no", school.name],
    ]
    page = client.get(reverse("officers:terms_ending"))
    assert page.context["officers"] == [soon] and page.context["ended"] == [officer]
    assert AuditEvent.objects.get(event=AuditEvent.Event.EXPORT).detail["rows"] == 2
