from django.urls import reverse

from tests.test_home import nav_labels


def test_sro_menu_has_their_open_incidents_and_requests(client, sro):
    client.force_login(sro)
    labels = nav_labels(client.get(reverse("home")))
    assert {"My open incidents", "Incidents", "Requests for help"} <= set(labels)
    assert "Review queue" not in labels


def test_principal_menu_has_the_review_queue(client, principal):
    client.force_login(principal)
    assert "Review queue" in nav_labels(client.get(reverse("home")))


def test_evaluator_menu_has_no_incident_pages(client, evaluator):
    client.force_login(evaluator)
    labels = nav_labels(client.get(reverse("home")))
    assert not {"Incidents", "Review queue", "Requests for help", "My open incidents"} & set(labels)


def test_program_admin_menu_has_incidents_but_no_requests(client, program_admin):
    client.force_login(program_admin)
    labels = nav_labels(client.get(reverse("home")))
    assert "Incidents" in labels
    assert "Requests for help" not in labels
