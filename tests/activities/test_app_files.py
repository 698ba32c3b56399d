"""The installable app: manifest, icons and service worker, allowed by the CSP."""

import json

from django.contrib.staticfiles import finders
from django.urls import reverse

from activities.offline import PRECACHED_STATIC


def test_the_manifest_opens_the_quick_log(client, db):
    response = client.get(reverse("manifest"))
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == reverse("activities:log") == "/activities/log/"
    assert (manifest["scope"], manifest["display"]) == ("/", "standalone")


def test_the_manifest_has_png_icons_of_192_and_512_and_a_maskable_one(client, db):
    icons = json.loads(client.get(reverse("manifest")).content)["icons"]
    assert {(icon["sizes"], icon["purpose"]) for icon in icons} == {
        ("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for icon in icons:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with open(path, "rb") as png:
            header = png.read(24)
        assert header[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        assert f"{width}x{height}" == icon["sizes"]


def test_the_manifest_speaks_the_users_language(client, db):
    manifest = json.loads(client.get(reverse("manifest"), headers={"accept-language": "fr"}).content)
    assert manifest["lang"] == "fr"


def test_every_page_links_the_manifest(client, sro):
    client.force_login(sro)
    assert f'<link rel="manifest" href="{reverse("manifest")}">' in client.get(reverse("home")).text


def test_the_service_worker_is_served_from_the_root_as_javascript(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"


def test_the_service_worker_knows_the_quick_log_and_the_files_to_keep(client, db):
    script = client.get("/sw.js").content.decode()
    first_line = script.split("\n", 1)[0]
    assert first_line.startswith("const SETTINGS = ") and first_line.endswith(";")
    settings = json.loads(first_line.removeprefix("const SETTINGS = ").removesuffix(";"))
    assert settings["shell"] == "/activities/log/"
    assert settings["logout"] == reverse("logout")
    assert settings["precache"] == [f"/static/{path}" for path in PRECACHED_STATIC]
    assert all(finders.find(path) for path in PRECACHED_STATIC)


def test_the_service_worker_keeps_no_page_but_the_quick_log(client, db):
    """Only one page's address is ever put in a cache: the quick log's (SETTINGS.shell)."""
    script = client.get("/sw.js").content.decode()
    assert script.count("cache.put(") == 2
    assert "cache.put(SETTINGS.shell, copy)" in script
    assert "cache.put(request, copy)" in script
    assert 'url.pathname.indexOf(SETTINGS.static) === 0' in script


def test_the_csp_allows_this_sites_worker_and_manifest_only(client, db):
    policy = client.get(reverse("login"))["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["worker-src"] == "'self'"
    assert directives["manifest-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["script-src"] == "'self'"
