"""The administration site of the project's models: the add forms and the change lists' search
and filters, given hostile input by a program administrator (a superuser here, so that every
page is open). Never a 500; a refused form writes nothing."""

import pytest
from django.contrib import admin
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from .helpers import FAST, get_and_check, post_and_check
from .strategies import NUL, nasty_text

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"schools", "accounts", "officers", "activities", "incidents", "evaluations", "audit", "costs"}
MODELS = sorted((model for model in admin.site._registry if model._meta.app_label in PROJECT_APPS),
                key=lambda model: model._meta.label)


@pytest.fixture
def superuser(program_admin):
    program_admin.is_superuser = True
    program_admin.save(update_fields=["is_superuser"])
    return program_admin


def _url(model, view):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}")


@pytest.mark.parametrize("model", MODELS, ids=[model._meta.label for model in MODELS])
def test_admin_add_form(client, superuser, model):
    client.force_login(superuser)
    page = client.get(_url(model, "add"))
    if page.status_code == 403:  # a read-only log (no add permission for anyone)
        return
    assert page.status_code == 200
    form = page.context["adminform"].form
    names = list(form.fields)
    # The inline formsets' management forms, as the page sends them.
    management = {}
    for formset in page.context.get("inline_admin_formsets", []):
        for name, value in formset.formset.management_form.initial.items():
            management[f"{formset.formset.prefix}-{name}"] = value

    @FAST
    @given(st.dictionaries(st.sampled_from(names), nasty_text, min_size=1))
    def run(data):
        post_and_check(client, superuser, _url(model, "add"), {**management, **data}, [model])

    run()


@pytest.mark.parametrize("model", MODELS, ids=[model._meta.label for model in MODELS])
def test_admin_change_list_search_and_filters(client, superuser, model):
    url = _url(model, "changelist")
    model_admin = admin.site._registry[model]
    names = ["q", "o", "p", "all", *[f if isinstance(f, str) else f[0] for f in model_admin.list_filter
                                      if isinstance(f, (str, tuple))]]

    @FAST
    @example({"q": NUL})
    @given(st.dictionaries(st.sampled_from(names), nasty_text, max_size=3))
    def run(params):
        get_and_check(client, superuser, url, params)

    run()


AUTOCOMPLETED = [(model, name) for model in MODELS for name in admin.site._registry[model].autocomplete_fields]


@pytest.mark.parametrize(("model", "name"), AUTOCOMPLETED, ids=[f"{m._meta.label}.{n}" for m, n in AUTOCOMPLETED])
def test_a_picker_value_beyond_any_id_is_refused_without_a_500(client, superuser, model, name):
    """SQLite cannot even look up a number beyond 64 bits (OverflowError); found by the test above."""
    client.force_login(superuser)
    response = client.post(_url(model, "add"), {name: "9" * 400})
    assert response.status_code == 200
    assert response.context["adminform"].form.errors.get(name)


@pytest.mark.parametrize("model", MODELS, ids=[model._meta.label for model in MODELS])
def test_a_list_filter_id_beyond_any_key_is_a_400_not_a_500(client, superuser, model):
    """SQLite cannot bind a number beyond 64 bits (OverflowError); found by PROPERTY_RANDOM=1 on SQLite."""
    client.force_login(superuser)
    filters = [f if isinstance(f, str) else f[0] for f in admin.site._registry[model].list_filter
               if isinstance(f, (str, tuple))]
    for name in filters or ["p"]:
        assert client.get(_url(model, "changelist"), {name: "9" * 400}).status_code == 400
    assert client.get(_url(model, "changelist"), {"q": "9" * 400}).status_code == 200  # a search is text
