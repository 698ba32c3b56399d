"""More than one app server (issue 14): two gunicorn servers (the repository's gunicorn.conf.py) behind
Debian's nginx, sharing one PostgreSQL database and one Redis cache. A user signs in through one server
and carries on through the other; failed sign-ins counted through both lock the account on both.

Slow (starts real servers): `make test-slow` and CI run it. It makes its own database."""

import os
import shutil
import subprocess
import sys
import textwrap
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from bench.run import Browser, free_port, wait_for

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS = shutil.which("redis-server")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="several servers share one PostgreSQL"),
    pytest.mark.skipif(not (Path(NGINX).exists() and REDIS), reason="needs Debian's nginx and redis-server"),
]


@pytest.fixture(scope="module")
def database():
    """A database of its own (the servers run outside the test's transaction), with the demo-size cast."""
    settings = connection.settings_dict
    name = f"sro_servers_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(dbname="postgres", user=settings["USER"], host=settings["HOST"],
                             port=settings["PORT"] or 5432, password=settings["PASSWORD"])
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    url = f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
    # The servers and commands run the production settings, not the tests' (pytest sets its own module).
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sro_portal.settings", "DATABASE_URL": url, "DEBUG": "1"}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=env, check=True)
    subprocess.run([*manage, "seed_scale", "--size", "demo"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env={**env, "DEBUG": "0",
                   "SECRET_KEY": "x", "ALLOWED_HOSTS": "127.0.0.1"}, check=True)
    yield url
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture(scope="module")
def servers(database, tmp_path_factory):
    """Redis, two app servers and nginx in front of them: {"a": port, "b": port, "nginx": port}."""
    work = tmp_path_factory.mktemp("servers")
    ports = {"redis": free_port(), "a": free_port(), "b": free_port(), "nginx": free_port()}
    processes = [subprocess.Popen([REDIS, "--port", str(ports["redis"]), "--save", "", "--appendonly", "no"],
                                  stdout=subprocess.DEVNULL)]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sro_portal.settings", "DATABASE_URL": database, "DEBUG": "0",
           "SECRET_KEY": "several-servers-test",
           "ALLOWED_HOSTS": "127.0.0.1", "BEHIND_TLS_PROXY": "1", "TRUSTED_PROXY_COUNT": "1",
           "REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/0", "WEB_CONCURRENCY": "1", "GUNICORN_THREADS": "2"}
    for name in ("a", "b"):
        log = (work / f"{name}.log").open("w")
        processes.append(subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "sro_portal.wsgi"], cwd=ROOT,
            env={**env, "GUNICORN_BIND": f"127.0.0.1:{ports[name]}"}, stdout=log, stderr=subprocess.STDOUT))
    (work / "nginx.conf").write_text(textwrap.dedent(f"""
        worker_processes 1;
        pid {work}/nginx.pid;
        error_log {work}/nginx-error.log;
        events {{ worker_connections 64; }}
        http {{
            access_log off;
            client_body_temp_path {work}/body; proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fastcgi;
            uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;
            upstream portal {{ server 127.0.0.1:{ports['a']}; server 127.0.0.1:{ports['b']}; }}
            server {{
                listen 127.0.0.1:{ports['nginx']};
                location / {{
                    proxy_pass http://portal;
                    proxy_set_header Host $http_host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto https;
                    add_header X-Upstream $upstream_addr always;
                }}
            }}
        }}
    """))
    processes.append(subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT))
    try:
        for name in ("a", "b", "nginx"):
            wait_for(ports[name])
        yield ports
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def switch(browser: Browser, port: int) -> Browser:
    """The same browser (its cookies) talking to another server."""
    other = Browser(port)
    other.cookies = dict(browser.cookies)
    return other


def test_each_server_reports_database_and_shared_cache_healthy(servers):
    for name in ("a", "b"):
        status, content, *_rest = Browser(servers[name]).request("GET", "/health/")
        assert status == 200 and b'"cache": "ok"' in content


def test_signed_in_on_one_server_a_user_carries_on_on_the_other(servers):
    on_a = Browser(servers["a"])
    on_a.sign_in("scale_sro", totp_key="")
    status, content, *_rest = switch(on_a, servers["b"]).request("GET", "/activities/mine/")
    assert status == 200
    assert b'name="password"' not in content  # the page itself, not the sign-in form


def test_through_the_load_balancer_both_servers_answer_one_session(servers):
    browser = Browser(servers["nginx"])
    browser.sign_in("scale_sro", totp_key="")
    answered = set()
    for _ in range(6):
        browser.connection.close()  # a new connection each time: nginx takes turns
        status, _content, *_rest = browser.request("GET", "/activities/mine/")
        assert status == 200
        answered.add(browser.last_upstream)
    assert len(answered) == 2


def test_failed_sign_ins_through_both_servers_lock_the_account_on_both(servers):
    browser = Browser(servers["nginx"])
    token = browser.token("/accounts/login/")  # one request: from now on the POSTs alternate between servers

    def attempt(password):
        status, content, *_rest = browser.request("POST", "/accounts/login/", {
            "csrfmiddlewaretoken": token, "username": "scale_principal", "password": password})
        return status, browser.last_upstream

    failures = [attempt("not the password") for _ in range(4)]
    assert {status for status, _server in failures} == {200}  # the form again, with its error
    assert len({server for _status, server in failures}) == 2, "the failures went to both servers"
    attempt("not the password")  # the fifth: locked from here on, whichever server counts it
    right = os.environ.get("DEMO_PASSWORD", "sro-portal-demo")
    locked = [attempt(right) for _ in range(2)]  # the right password now, on each server in turn
    assert [status for status, _server in locked] == [429, 429]
    assert len({server for _status, server in locked}) == 2
