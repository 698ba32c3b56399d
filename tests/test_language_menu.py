"""The language menu names each language in itself (issue 16, defect 8)."""

import re

from django.urls import reverse


def menu_options(html):
    return re.findall(r'<option value="(\w+)" lang="\w+"[^>]*>([^<]+)</option>', html)


def test_the_menu_names_each_language_in_itself(client):
    assert menu_options(client.get(reverse("login")).text) == [("en", "English"), ("fr", "Français")]


def test_the_names_stay_the_same_in_french(client):
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    page = client.get(reverse("login")).text
    assert '<html lang="fr">' in page
    assert menu_options(page) == [("en", "English"), ("fr", "Français")]
