"""Every incident page: the right role in scope gets it, a wrong role gets 403, someone whose scope
does not include the school gets 404, and anonymous users are sent to sign in."""

import pytest
from django.urls import reverse

from incidents.models import Status

from .factories import AssessmentFactory, HelpRequestFactory, IncidentFactory, PersonFactory


@pytest.fixture
def world(school, sro, principal):
    incident = IncidentFactory(school=school, created_by=sro, status=Status.SUBMITTED)
    return {
        "incident": incident,
        "person": PersonFactory(incident=incident),
        "assessment": AssessmentFactory(incident=incident, created_by=sro),
        "help_request": HelpRequestFactory(school=school, raised_by=principal),
    }


def args_for(kind, world):
    return {
        None: [],
        "incident": [world["incident"].pk],
        "person": [world["incident"].pk, world["person"].pk],
        "assessment": [world["assessment"].pk],
        "help_request": [world["help_request"].pk],
    }[kind]


# url name, object, method, a role that may, roles that may not (403), someone out of scope (404)
PAGES = [
    ("incident_list", None, "get", "coordinator", ["evaluator"], None),
    ("incident_export", None, "get", "coordinator", ["evaluator"], None),
    ("people_export", None, "get", "coordinator", ["evaluator", "program_admin"], None),
    ("my_open", None, "get", "sro", ["principal", "coordinator", "evaluator"], None),
    ("review_queue", None, "get", "principal", ["sro", "coordinator", "evaluator"], None),
    ("incident_create", None, "get", "sro", ["principal", "coordinator", "evaluator"], None),
    ("incident_detail", "incident", "get", "principal", ["evaluator"], "outsider"),
    ("incident_edit", "incident", "get", "sro", ["principal", "coordinator", "evaluator"], "outside_sro"),
    ("incident_transition", "incident", "post", None, ["evaluator", "sro", "coordinator"], "outsider"),
    ("supplement_add", "incident", "post", None, ["coordinator", "evaluator"], "outside_sro"),
    ("school_response", "incident", "get", "principal", ["sro", "coordinator", "evaluator"], "outside_principal"),
    ("person_create", "incident", "get", "sro", ["principal", "coordinator", "evaluator"], "outside_sro"),
    ("person_edit", "person", "get", "sro", ["principal", "coordinator", "evaluator"], "outside_sro"),
    ("person_remove", "person", "post", None, ["principal", "coordinator", "evaluator"], "outside_sro"),
    ("assessment_create", "incident", "get", "sro", ["coordinator", "evaluator", "program_admin"], "outside_sro"),
    ("assessment_list", None, "get", "coordinator", ["evaluator", "program_admin"], None),
    ("assessment_detail", "assessment", "get", "coordinator", ["evaluator", "program_admin"], "outsider"),
    ("assessment_edit", "assessment", "get", "principal", ["coordinator", "evaluator"], "outside_sro"),
    ("request_list", None, "get", "sro", ["evaluator", "program_admin"], None),
    ("request_create", None, "get", "principal", ["sro", "coordinator", "evaluator"], None),
    ("request_detail", "help_request", "get", "sro", ["evaluator", "program_admin"], "outsider"),
    ("request_convert", "help_request", "get", "sro", ["principal", "coordinator", "evaluator"], "outside_sro"),
    ("request_decline", "help_request", "post", None, ["principal", "coordinator", "evaluator"], "outside_sro"),
]


def call(client, user, name, kind, method, world):
    client.force_login(user)
    url = reverse(f"incidents:{name}", args=args_for(kind, world))
    data = {"to": Status.UNDER_REVIEW, f"{Status.UNDER_REVIEW}-version": "1"} if method == "post" else None
    return getattr(client, method)(url, data)


# POSTs that succeed are tested with their views (they redirect).
@pytest.mark.parametrize(("name", "kind", "method", "ok"), [p[:4] for p in PAGES if p[3]],
                         ids=[p[0] for p in PAGES if p[3]])
def test_page_is_open_to_its_role(client, request, world, name, kind, method, ok):
    response = call(client, request.getfixturevalue(ok), name, kind, method, world)
    assert response.status_code == 200


@pytest.mark.parametrize(("name", "kind", "method", "wrong"),
                         [(p[0], p[1], p[2], w) for p in PAGES for w in p[4]],
                         ids=[f"{p[0]}-{w}" for p in PAGES for w in p[4]])
def test_wrong_role_gets_403(client, request, world, name, kind, method, wrong):
    response = call(client, request.getfixturevalue(wrong), name, kind, method, world)
    assert response.status_code == 403


@pytest.mark.parametrize(("name", "kind", "method", "out"),
                         [(p[0], p[1], p[2], p[5]) for p in PAGES if p[5]], ids=[p[0] for p in PAGES if p[5]])
def test_someone_out_of_scope_gets_404(client, request, world, name, kind, method, out):
    response = call(client, request.getfixturevalue(out), name, kind, method, world)
    assert response.status_code == 404


@pytest.mark.parametrize(("name", "kind", "method"), [p[:3] for p in PAGES], ids=[p[0] for p in PAGES])
def test_anonymous_is_sent_to_sign_in(client, world, name, kind, method):
    url = reverse(f"incidents:{name}", args=args_for(kind, world))
    response = getattr(client, method)(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ["incident_transition", "supplement_add", "person_remove", "request_decline"])
def test_changes_are_refused_on_get(client, sro, world, name):
    kind = {"person_remove": "person", "request_decline": "help_request"}.get(name, "incident")
    client.force_login(sro)
    assert client.get(reverse(f"incidents:{name}", args=args_for(kind, world))).status_code == 405
