"""The landing page puts an SRO's routine work one tap away (issue 16: a routine log in 3 taps)."""

from django.urls import reverse


def test_an_sros_landing_page_links_to_logging_an_activity_and_reporting_an_incident(client, sro):
    client.force_login(sro)
    html = client.get(reverse("home")).text
    assert f'href="{reverse("activities:log")}"' in html.split('<main')[1]
    assert f'href="{reverse("incidents:incident_create")}"' in html.split('<main')[1]


def test_a_principals_landing_page_offers_neither(client, principal):
    client.force_login(principal)
    main = client.get(reverse("home")).text.split('<main')[1]
    assert reverse("activities:log") not in main and reverse("incidents:incident_create") not in main
