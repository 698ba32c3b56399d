"""The portal in French (Canada): choosing French with the language form (or the browser's
Accept-Language) shows the key pages in French, from the committed locale/fr catalogue."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse

from activities.models import Category as ActivityCategory
from incidents.models import Category as IncidentCategory
from incidents.models import Status

from .activities.factories import log
from .incidents.factories import IncidentFactory


def choose_french(client):
    """What the language form in the page header does."""
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"


def assert_french(response, french, english):
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    for text in french:
        assert text in html, text
    for text in english:
        assert text not in html, text


def test_sign_in_page_in_french(client):
    choose_french(client)
    assert_french(
        client.get(reverse("login")),
        french=["Se connecter", "Ce système est réservé aux utilisateurs autorisés du programme "
                "des agents-ressources scolaires.", "Mot de passe"],
        english=["Sign in", "This system is restricted", "Password"],
    )


def test_browser_asking_for_french_gets_the_sign_in_page_in_french(client):
    response = client.get(reverse("login"), headers={"accept-language": "fr-CA,fr;q=0.9,en;q=0.5"})
    assert_french(response, french=["Se connecter"], english=["Sign in"])


def test_english_stays_the_default(client):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in html
    assert "Sign in" in html
    assert "Se connecter" not in html


@pytest.mark.django_db
def test_sro_home_in_french(client, sro, school):
    client.force_login(sro)
    choose_french(client)
    assert_french(
        client.get(reverse("home")),
        french=["Bienvenue", "Consigner une activité", "Mon journal", "Mes incidents ouverts",
                "Se déconnecter", "Français"],
        english=["Welcome", "Log activity", "My log", "My open incidents", "Sign out"],
    )


def test_sro_activity_log_in_french(client, sro, school):
    log(sro, school, date=datetime.date(2026, 11, 2), minutes=45,
        category=ActivityCategory.PRESENTATION)
    client.force_login(sro)
    choose_french(client)
    assert_french(
        client.get(reverse("activities:my_log")),
        french=["Présentation en classe", "Temps par catégorie cette semaine", "1 entrée",
                "heures de contact"],
        english=["Classroom presentation", "Time by category", "1 entry", "contact hours"],
    )


def test_incident_list_in_french(client, sro, school):
    IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED,
                    category=IncidentCategory.BULLYING)
    client.force_login(sro)
    choose_french(client)
    assert_french(
        client.get(reverse("incidents:incident_list")),
        french=["Intimidation", "Soumis", "Gravité", "Statut", "Filtrer", "1 incident"],
        english=["Bullying", "Submitted", "Severity", "Status", "Filter"],
    )


def test_log_activity_form_in_french(client, sro, school):
    client.force_login(sro)
    choose_french(client)
    assert_french(
        client.get(reverse("activities:log")),
        french=["Qu’avez-vous fait?", "Qui était présent?", "Enregistrer et en consigner une autre",
                "Pratique de justice réparatrice", "Élèves"],
        english=["What did you do?", "Who was there?", "Save and log another"],
    )


def test_activity_list_sorting_choices_in_french(client, coordinator, sro, school):
    """The sort labels are built when the filter class is defined: they must still follow the
    language of each request."""
    log(sro, school, date=datetime.date(2026, 11, 2))
    client.force_login(coordinator)
    choose_french(client)
    assert_french(
        client.get(reverse("activities:list")),
        french=["Trier par", "Date (décroissant)", "École (décroissant)", "Contact informel"],
        english=["Sort by", "(descending)", "Informal contact"],
    )
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Date (descending)" in client.get(reverse("activities:list")).content.decode()
