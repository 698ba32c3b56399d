"""The load balancer's health check: GET /health/ answers 200 when this app server reaches the
database and the shared cache, 503 (naming which failed) when it does not.

A middleware placed first, not a view: the balancer asks by address, over plain HTTP, without a
session, so the check comes before the host name check, the HTTPS redirect, sessions and sign-in
(none of which say anything about this server's health), and it reads no user data."""

import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse

PATH = "/health/"


def check() -> dict[str, str]:
    """"ok" or the failure's class name, for the database and the cache."""
    results = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        results["database"] = "ok"
    except Exception as exc:  # any failure is an unhealthy server, reported by its kind
        results["database"] = type(exc).__name__
    try:
        token = uuid.uuid4().hex
        cache.set("health:probe", token, timeout=10)
        results["cache"] = "ok" if cache.get("health:probe") == token else "stale"
    except Exception as exc:
        results["cache"] = type(exc).__name__
    return results


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path != PATH or request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        results = check()
        healthy = all(value == "ok" for value in results.values())
        response = JsonResponse({"status": "ok" if healthy else "failing", **results}, status=200 if healthy else 503)
        response["Cache-Control"] = "no-store"
        return response
