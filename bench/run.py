"""`make bench`: the portal served like production, timed page by page for every role, and loaded.

1. The database (BENCH_DATABASE_URL, PostgreSQL) gets `seed_scale --size BENCH_SIZE` unless it holds
   generated data already.
2. Gunicorn serves it with the repository's gunicorn.conf.py, DEBUG off, behind a pretend TLS proxy
   (X-Forwarded-Proto), with Redis as the shared cache when redis-server is installed.
3. Each role of the benchmark's cast (common.scale.BENCH_USERS) signs in (password, two-step code),
   then every list, dashboard, report and export page of that role is fetched BENCH_WARMUP times
   (not timed) and BENCH_ROUNDS times (timed): p50 and p95. The administration site's change list of
   the same activities is timed as the reference. One full activity export gives rows per second
   and the largest worker's memory.
4. Queries per page are counted in-process (Django's test client, same database).
5. Locust (bench/locustfile.py) runs BENCH_USERS_LOAD users for BENCH_LOAD_SECONDS.
6. bench/RESULTS.md gets this size's section (table, machine, date), replacing the last one.
"""

import argparse
import contextlib
import csv
import datetime
import hashlib
import hmac
import http.client
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import struct
import subprocess
import sys
import tempfile
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
PYTHON = sys.executable
PASSWORD = os.environ.get("DEMO_PASSWORD", "sro-portal-demo")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def totp(key_hex: str, at: float | None = None) -> str:
    """RFC 6238 (what authenticator apps compute): six digits, 30-second steps, HMAC-SHA1."""
    counter = int((at or time.time()) // 30)
    digest = hmac.new(bytes.fromhex(key_hex), struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Browser:
    """A small HTTP client that keeps its own cookies. The portal's cookies are Secure; the bench talks
    plain HTTP to gunicorn and says the request came through the TLS proxy (X-Forwarded-Proto)."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}
        self.last_upstream = ""
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def request(self, method: str, path: str, form: dict | None = None, *, stream: bool = False):
        headers = {"Host": f"127.0.0.1:{self.port}", "X-Forwarded-Proto": "https",
                   "Referer": f"https://127.0.0.1:{self.port}/", "Accept-Language": "en"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        except (http.client.HTTPException, OSError):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
        size = 0
        content = b""
        if stream:
            lines = 0
            last = b""
            while chunk := response.read(1 << 16):
                size += len(chunk)
                lines += chunk.count(b"\n")
                last = (last + chunk)[-200:]
            content = last
        else:
            content = response.read()
            size = len(content)
        seconds = time.perf_counter() - started
        self.last_upstream = response.getheader("X-Upstream", "")  # which server answered (behind nginx)
        for header in response.msg.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response.status, content, seconds, size, response.getheader("Location", "")

    def token(self, path: str) -> str:
        _status, content, *_rest = self.request("GET", path)
        match = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', content)
        if not match:
            raise RuntimeError(f"no form on {path}")
        return match.group(1).decode()

    def sign_in(self, username: str, totp_key: str):
        token = self.token("/accounts/login/")
        status, _content, _s, _n, location = self.request("POST", "/accounts/login/", {
            "csrfmiddlewaretoken": token, "username": username, "password": PASSWORD})
        if status != 302:
            raise RuntimeError(f"{username} could not sign in ({status})")
        status, _content, _s, _n, location = self.request("GET", "/")
        if status == 302 and "two-step" in location:
            token = self.token(urlsplit(location).path)
            status, *_rest = self.request("POST", urlsplit(location).path, {
                "csrfmiddlewaretoken": token, "code": totp(totp_key)})
            if status != 302:
                raise RuntimeError(f"{username}: two-step code refused ({status})")


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def setup_django(env):
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sro_portal.settings")
    import django

    django.setup()


def bench_pages():
    """(role key, label, path, kind) for every page timed. Needs Django set up on the bench database."""
    from django.urls import reverse

    from accounts.models import Role, User
    from common.scale import BENCH_USERS
    from evaluations.models import Survey
    from schools.models import School, SchoolDivision

    survey = Survey.objects.filter(title="Province student survey").order_by("-pk").first()
    month_ago = (datetime.date.today() - datetime.timedelta(days=30)).isoformat()
    pages = []

    def add(role, label, name, *args, query=None, kind="page"):
        path = reverse(name, args=args) + (f"?{urlencode(query)}" if query else "")
        pages.append((role, label, path, kind))

    for role in ("program_admin", "coordinator_largest", "coordinator", "school_admin", "evaluator", "sro"):
        add(role, "home", "home")
    for role in ("program_admin", "coordinator_largest", "coordinator", "school_admin"):
        add(role, "activities", "activities:list")
        add(role, "activities, last 30 days", "activities:list", query={"date_from": month_ago})
        add(role, "activities export, last 30 days", "activities:export", query={"date_from": month_ago},
            kind="export")
    for role in ("program_admin", "coordinator_largest", "coordinator", "school_admin", "sro"):
        add(role, "incidents", "incidents:incident_list")
    for role in ("program_admin", "coordinator_largest", "coordinator"):
        add(role, "incidents export, last 30 days", "incidents:incident_export", query={"occurred_from": month_ago},
            kind="export")
    add("sro", "my open incidents", "incidents:my_open")
    add("sro", "my activity log", "activities:my_log")
    add("sro", "log an activity", "activities:log")
    add("school_admin", "review queue", "incidents:review_queue")
    for role in ("program_admin", "coordinator_largest"):
        add(role, "audit log", "audit:event_list")
        add(role, "officers", "officers:officer_list")
        add(role, "schools", "schools:school_list")
        add(role, "access log", "incidents:access_log")
    for role in ("program_admin", "coordinator_largest", "evaluator", "school_admin"):
        add(role, "survey results list", "evaluations:results_list")
        if survey:
            add(role, "province survey results", "evaluations:survey_results", survey.pk)
    # Dashboards, costs and the outcome report, each role on the division or school it sees.
    users = {role: User.objects.get(username=name) for role, name in BENCH_USERS.items()}
    largest = _largest_division(users["coordinator_largest"])
    divisions = {role: SchoolDivision.objects.visible_to(users[role], roles=[Role.COORDINATOR]).order_by("pk").first()
                 for role in ("coordinator",)}
    divisions["coordinator_largest"] = divisions["program_admin"] = largest
    divisions["evaluator"] = SchoolDivision.objects.visible_to(users["evaluator"], roles=[Role.EVALUATOR]).first()
    add("program_admin", "program overview", "dashboards:program")
    for role in ("program_admin", "coordinator_largest", "coordinator", "evaluator"):
        add(role, "division dashboard", "dashboards:division", divisions[role].pk)
        add(role, "division outcome report", "report:division", divisions[role].pk)
    school = School.objects.visible_to(users["school_admin"], roles=[Role.SCHOOL_ADMIN]).first()
    add("school_admin", "school dashboard", "dashboards:school", school.pk)
    add("program_admin", "program outcome report", "report:program")
    for role in ("program_admin", "coordinator_largest", "evaluator"):
        add(role, "costs", "costs:overview")
    for role in ("program_admin", "coordinator_largest"):
        add(role, "division costs", "costs:division", divisions[role].pk)
    add("program_admin", "admin: activity change list (reference)", "admin:activities_activity_changelist")
    return pages, BENCH_USERS


def _largest_division(coordinator):
    """The division of the coordinator of the largest division (the most schools)."""
    from django.db.models import Count

    from accounts.models import Role
    from schools.models import SchoolDivision

    return (SchoolDivision.objects.visible_to(coordinator, roles=[Role.COORDINATOR])
            .annotate(n=Count("schools")).order_by("-n", "pk").first())


def count_queries(pages, users):
    """Queries per page, in-process, each role signed in with its session marked verified."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.models import User

    counts = {}
    clients = {}
    for role, username in users.items():
        client = Client(HTTP_X_FORWARDED_PROTO="https", HTTP_HOST="127.0.0.1")
        user = User.objects.get(username=username)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        device = TOTPDevice.objects.filter(user=user).first()
        if device:
            session = client.session
            session["otp_device_id"] = device.persistent_id
            session.save()
        clients[role] = client
    for role, _label, path, _kind in pages:
        client = clients[role]
        client.get(path, secure=True)  # warm caches (content types, sessions)
        cache.clear()  # count the queries of cached figures computed afresh
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, secure=True)
            if getattr(response, "streaming", False):
                for _ in response.streaming_content:
                    pass
        counts[(role, path)] = (response.status_code, len(captured.captured_queries))
    return counts


def worker_rss_mb(master_pid: int) -> float:
    """The largest resident memory of the gunicorn master's worker processes, in MB."""
    largest = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        if re.search(rf"^PPid:\s+{master_pid}$", status, re.M):
            match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
            largest = max(largest, int(match.group(1)) if match else 0)
    return largest / 1024


def machine() -> str:
    cpu = "?"
    with contextlib.suppress(OSError, StopIteration):
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    memory = ""
    with contextlib.suppress(OSError, ValueError, IndexError):
        memory = f", {int(Path('/proc/meminfo').read_text().split()[1]) // 1024 // 1024} GB RAM"
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores ({cpu}){memory}, load {load:.1f} at the start; {platform.platform()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=os.environ.get("BENCH_SIZE", "demo"))
    parser.add_argument("--database-url", default=os.environ.get(
        "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/sro_bench"))
    parser.add_argument("--rounds", type=int, default=int(os.environ.get("BENCH_ROUNDS", "15")))
    parser.add_argument("--warmup", type=int, default=int(os.environ.get("BENCH_WARMUP", "2")))
    parser.add_argument("--uncached-rounds", type=int, default=int(os.environ.get("BENCH_UNCACHED_ROUNDS", "5")),
                        help="Rounds of each page with the shared cache emptied first (Redis only).")
    parser.add_argument("--load-users", type=int, default=int(os.environ.get("BENCH_LOAD_USERS", "50")))
    parser.add_argument("--load-seconds", type=int, default=int(os.environ.get("BENCH_LOAD_SECONDS", "300")))
    parser.add_argument("--results", default=str(RESULTS), help="Markdown file to write (this size's section).")
    parser.add_argument("--no-full-export", action="store_true", help="Skip the full activity export.")
    args = parser.parse_args()

    env = {"DJANGO_SETTINGS_MODULE": "sro_portal.settings", "DATABASE_URL": args.database_url, "DEBUG": "0",
           "SECRET_KEY": "bench-only-not-a-secret",
           "ALLOWED_HOSTS": "127.0.0.1,localhost", "BEHIND_TLS_PROXY": "1", "SECURE_HSTS_SECONDS": "0",
           "LOG_LEVEL": "WARNING"}
    workdir = Path(tempfile.mkdtemp(prefix="sro-bench-"))
    processes = []
    try:
        redis = shutil.which("redis-server")
        flush_cache = None
        if redis:
            redis_port = free_port()
            processes.append(subprocess.Popen([redis, "--port", str(redis_port), "--save", "", "--appendonly", "no"],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            import redis as redis_client

            flush_cache = redis_client.Redis(port=redis_port).flushdb
        run_env = {**os.environ, **env}
        manage = [PYTHON, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], env=run_env, check=True)
        started = time.monotonic()
        subprocess.run([*manage, "seed_scale", "--size", args.size, "--force"], env=run_env, check=True)
        seeded_in = time.monotonic() - started
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], env=run_env, check=True)

        setup_django(env)
        from common.scale import SCALE_TOTP_KEY

        pages, users = bench_pages()
        size_line = sizes()
        queries = count_queries(pages, users)

        port = free_port()
        gunicorn = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", str(ROOT / "gunicorn.conf.py"), "sro_portal.wsgi"],
            cwd=ROOT, env={**run_env, "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESSLOG": str(
                workdir / "access.log")}, stdout=open(workdir / "gunicorn.log", "w"), stderr=subprocess.STDOUT)
        processes.append(gunicorn)
        wait_for(port)

        browsers = {}
        for role, username in users.items():
            browsers[role] = Browser(port)
            browsers[role].sign_in(username, SCALE_TOTP_KEY)
        timings = {}
        for role, label, path, kind in pages:
            browser = browsers[role]
            for _ in range(args.warmup):
                browser.request("GET", path, stream=kind == "export")
            seconds, sizes_ = [], []
            for _ in range(args.rounds):
                status, _content, elapsed, size, _location = browser.request("GET", path, stream=kind == "export")
                seconds.append(elapsed)
                sizes_.append(size)
            # The same page computed afresh: the shared cache emptied before each request (sessions
            # live in the database), so cached figures (dashboards, program overview and report) show
            # what their first reader waits.
            uncached = []
            for _ in range(args.uncached_rounds if flush_cache else 0):
                flush_cache()
                uncached.append(browser.request("GET", path, stream=kind == "export")[2])
            timings[(role, path)] = (status, statistics.median(seconds), percentile(seconds, 0.95),
                                     statistics.median(sizes_), statistics.median(uncached) if uncached else None)
            print(f"  {role:<20} {label:<42} {status} p50 {1000 * timings[(role, path)][1]:7.0f} ms "
                  f"p95 {1000 * timings[(role, path)][2]:7.0f} ms"
                  + (f" uncached p50 {1000 * timings[(role, path)][4]:7.0f} ms" if uncached else ""), flush=True)

        export = None
        if not args.no_full_export:
            browser = browsers["program_admin"]
            status, tail, elapsed, size, _location = browser.request("GET", "/activities/export.csv", stream=True)
            match = re.search(rb"End of export: ([\d,]+) rows", tail)
            rows = int(match.group(1).replace(b",", b"")) if match else 0
            export = (status, rows, elapsed, size, worker_rss_mb(gunicorn.pid), bool(match))
            print(f"  full activity export: {rows:,} rows in {elapsed:.1f} s", flush=True)

        cookie_file = workdir / "sessions.json"
        cookie_file.write_text(json.dumps({
            "sessions": {role: b.cookies for role, b in browsers.items()},
            "pages": {role: [[label, path] for r, label, path, kind in pages
                             if r == role and kind == "page" and not path.startswith("/admin/")]
                      for role in users},
        }))
        load = run_locust(port, cookie_file, workdir, args.load_users, args.load_seconds, run_env)
        if load and load["failed"]:  # the server's side of them, before the work folder goes
            print("  failures under load:", *load["failed"], sep="\n    ")
            print("  end of the server's log:\n" + (workdir / "gunicorn.log").read_text()[-6000:], flush=True)
        write_results(args, size_line, seeded_in, pages, timings, queries, export, load, redis is not None)
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def wait_for(port):
    for _ in range(120):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not start")


def sizes() -> str:
    from django.db import connection

    tables = [("schools_school", "schools"), ("officers_officer", "officers"), ("activities_activity", "activities"),
              ("incidents_incident", "incidents"), ("incidents_personinvolved", "people involved"),
              ("evaluations_surveyresponse", "survey responses"), ("evaluations_answer", "answers"),
              ("audit_auditevent", "audit events")]
    parts = []
    with connection.cursor() as cursor:
        for table, label in tables:
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608  # nosec B608: our own table names
            parts.append(f"{cursor.fetchone()[0]:,} {label}")
    return ", ".join(parts)


def run_locust(port, cookie_file, workdir, users, seconds, env):
    prefix = workdir / "locust"
    command = [PYTHON, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "-u", str(users),
               "-r", str(max(1, users // 10)), "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
               "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"]
    subprocess.run(command, env={**env, "BENCH_SESSIONS": str(cookie_file)}, check=False,
                   stdout=subprocess.DEVNULL, stderr=open(workdir / "locust.log", "w"))
    stats = Path(f"{prefix}_stats.csv")
    if not stats.exists():
        return None
    with stats.open() as handle:
        rows = list(csv.DictReader(handle))
    aggregated = next(row for row in rows if row["Name"] == "Aggregated")
    # The pages slowest under load (by p95), to say where the time goes.
    slowest = sorted((row for row in rows if row["Name"] != "Aggregated"), key=lambda row: -float(row["95%"]))[:8]
    # What failed, and how often (locust's own list): "a failure" alone says nothing to fix.
    failures_csv = Path(f"{prefix}_failures.csv")
    failed = []
    if failures_csv.exists():
        with failures_csv.open() as handle:
            failed = [(row["Name"], row["Error"], int(row["Occurrences"])) for row in csv.DictReader(handle)]
    return {"users": users, "seconds": seconds, "requests": int(aggregated["Request Count"]), "failed": failed,
            "failures": int(aggregated["Failure Count"]), "rps": float(aggregated["Requests/s"]),
            "p50": float(aggregated["50%"]), "p95": float(aggregated["95%"]),
            "slowest": [(row["Name"], int(row["Request Count"]), float(row["50%"]), float(row["95%"]))
                        for row in slowest]}


def write_results(args, size_line, seeded_in, pages, timings, queries, export, load, with_redis):
    lines = [f"## {args.size}", "",
             f"Measured {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC by `make bench` "
             f"(BENCH_SIZE={args.size}, {args.rounds} rounds after {args.warmup} warm-up).", "",
             f"- Machine: {machine()}.",
             f"- Data: {size_line}.",
             f"- Served by gunicorn with gunicorn.conf.py (gthread), DEBUG off, PostgreSQL"
             f"{', Redis cache' if with_redis else ', memory cache'}; seed_scale took {seeded_in:.0f} s"
             f" (nothing to do when the data was there).", "",
             "p50 uncached: the shared cache emptied before each request (what the first reader of cached figures "
             "waits); queries: computed afresh, in-process.", "",
             "| role | page | status | p50 ms | p95 ms | p50 uncached ms | KB | queries |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for role, label, path, _kind in pages:
        status, p50, p95, size, uncached = timings[(role, path)]
        _status, count = queries.get((role, path), (None, "?"))
        fresh = "" if uncached is None else f"{1000 * uncached:.0f}"
        lines.append(f"| {role} | {label} | {status} | {1000 * p50:.0f} | {1000 * p95:.0f} | {fresh} | "
                     f"{size / 1024:.0f} | {count} |")
    if export:
        status, rows, elapsed, size, rss, ended = export
        lines += ["", f"Full activity export (program administrator, through gunicorn): status {status}, "
                      f"{rows:,} rows, {size / 1e6:.0f} MB in {elapsed:.1f} s = {rows / elapsed:,.0f} rows/s; "
                      f"largest worker {rss:.0f} MB resident after it; last line states the count: "
                      f"{'yes' if ended else 'NO'}."]
    if load:
        lines += ["", f"Load (bench/locustfile.py): {load['users']} users for {load['seconds']} s: "
                      f"{load['requests']:,} requests, {load['failures']} failures, {load['rps']:.1f} requests/s, "
                      f"p50 {load['p50']:.0f} ms, p95 {load['p95']:.0f} ms. Slowest pages under load (requests, "
                      f"p50, p95): " + "; ".join(f"{name} ({count}, {p50:.0f} ms, {p95:.0f} ms)"
                                                 for name, count, p50, p95 in load["slowest"]) + "."]
        if load["failed"]:
            lines += ["", "Failures under load (page, error, times): " + "; ".join(
                f"{name}: {error} ({times})" for name, error, times in load["failed"]) + "."]
    section = "\n".join(lines) + "\n"
    path = Path(args.results)
    text = path.read_text() if path.exists() else "# Benchmark results\n\nWritten by `make bench` (bench/run.py).\n\n"
    pattern = re.compile(rf"^## {re.escape(args.size)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = pattern.sub(section + "\n", text) if pattern.search(text) else text.rstrip("\n") + "\n\n" + section
    path.write_text(text)
    print(f"Results written to {path}")


if __name__ == "__main__":
    main()
