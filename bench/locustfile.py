"""The load test of `make bench`: simulated users of every role browsing their usual pages, one page a
second. bench/run.py signs each role in once and hands the sessions and pages over (BENCH_SESSIONS), so
no simulated user needs a two-step code. Alone: `locust -f bench/locustfile.py` with BENCH_SESSIONS set."""

import json
import os
import random
from urllib.parse import urlsplit

from locust import HttpUser, between, task
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

PLAN = json.loads(open(os.environ["BENCH_SESSIONS"]).read()) if os.environ.get("BENCH_SESSIONS") else {
    "sessions": {}, "pages": {}}
# Who is on the portal at once: mostly officers logging and school staff reviewing.
WEIGHTS = {"sro": 40, "school_admin": 25, "coordinator": 12, "coordinator_largest": 8, "evaluator": 5,
           "program_admin": 10}


class PortalUser(HttpUser):
    wait_time = between(0.5, 1.5)

    def on_start(self):
        # A browser sends a GET again, unnoticed, when the kept-alive connection it reused was closed
        # under it (a gunicorn worker recycled after max_requests closes its idle connections). urllib3
        # does not by default, so each recycle counted as failures ("status 0") no person would see:
        # one retry of a GET, as a browser does; the time of both tries counts.
        retry = Retry(total=1, connect=1, read=1, status=0, other=0, allowed_methods={"GET"},
                      raise_on_status=False)
        self.client.mount("http://", HTTPAdapter(max_retries=retry))
        roles = [role for role in WEIGHTS if PLAN["pages"].get(role)]
        self.role = random.choices(roles, weights=[WEIGHTS[r] for r in roles])[0]
        host = urlsplit(self.host).netloc
        cookies = PLAN["sessions"].get(self.role, {})
        self.headers = {"X-Forwarded-Proto": "https", "Host": host, "Referer": f"https://{host}/",
                        "Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())}

    @task
    def browse(self):
        label, path = random.choice(PLAN["pages"][self.role])
        with self.client.get(path, headers=self.headers, name=f"{self.role}: {label}", allow_redirects=False,
                             catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")
