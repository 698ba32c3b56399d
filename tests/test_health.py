"""/health/ for the load balancer: 200 when the database and the cache answer, 503 otherwise."""

from unittest import mock

from django.core.cache import cache


def test_a_healthy_server_answers_ok_without_a_session(client, db):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert "sessionid" not in response.cookies


def test_it_answers_any_host_and_plain_http(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/health/", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200


def test_a_cache_that_fails_makes_it_503(client, db):
    with mock.patch.object(cache, "set", side_effect=ConnectionError("redis down")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["cache"] == "ConnectionError"


def test_a_database_that_fails_makes_it_503(client, db):
    with mock.patch("common.health.connection.cursor", side_effect=OSError("no route")):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "OSError", "cache": "ok"}
