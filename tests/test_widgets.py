"""QuickSelect writes the HTML Django's Select writes (whitespace aside), escaped, with the selection."""

import re

import pytest
from django import forms

from common.widgets import QuickSelect

CHOICES = [("", "---------"), ("1", "Kelvin <High> & co"), ("2", "Sisler")]


def squeeze(html):
    return re.sub(r">\s+<", "><", html.strip())


@pytest.mark.parametrize("value", ["2", "", None])
def test_it_renders_what_djangos_select_renders(value):
    attrs = {"class": "form-select", "id": "id_school"}
    assert QuickSelect(attrs=attrs, choices=CHOICES).render("school", value) == squeeze(
        forms.Select(attrs=attrs, choices=CHOICES).render("school", value))


def test_labels_are_escaped():
    assert "Kelvin &lt;High&gt; &amp; co" in QuickSelect(choices=CHOICES).render("school", "")
