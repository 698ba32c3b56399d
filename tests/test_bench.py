"""The benchmark itself (bench/run.py) at demo size, so it never rots: every page answers 200, the
full export ends with its row count, the load test runs without errors. Slow: CI and `make test-slow`."""

import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL"),
]


@pytest.fixture
def database_url():
    settings = connection.settings_dict
    name = f"sro_bench_ci_{uuid.uuid4().hex[:8]}"
    admin = psycopg2.connect(dbname="postgres", user=settings["USER"], host=settings["HOST"],
                             port=settings["PORT"] or 5432, password=settings["PASSWORD"])
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    yield f"postgres://{settings['USER']}{password}@{settings['HOST']}:{settings['PORT'] or 5432}/{name}"
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_the_benchmark_runs_at_demo_size(database_url, tmp_path):
    results = tmp_path / "RESULTS.md"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "sro_portal.settings"}
    subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--size", "demo", "--database-url", database_url,
                    "--rounds", "2", "--warmup", "1", "--load-users", "4", "--load-seconds", "10",
                    "--results", str(results)], env=env, check=True, timeout=900, cwd=ROOT)
    text = results.read_text()
    rows = [line.split(" | ") for line in text.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) > 40
    assert {row[2] for row in rows} == {"200"}, "every page answers"
    if shutil.which("redis-server"):
        assert all(row[5].strip() for row in rows), "every page timed with the cache emptied too"
    assert "last line states the count: yes" in text
    if shutil.which("redis-server"):
        assert "Redis cache" in text
    assert " 0 failures" in text
