"""Gunicorn settings for SRO Portal app servers: `gunicorn -c gunicorn.conf.py sro_portal.wsgi`.

Threads (gthread): a worker keeps answering while some of its threads stream a long CSV export,
and its heartbeat never waits on a request, so `timeout` only catches a stuck worker, not a long
download (a 2 M-row export takes about half a minute). Every value can be set from the environment.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "gthread"
# Two workers per core (or WEB_CONCURRENCY) with four threads each: requests mostly wait on PostgreSQL.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
# A worker silent this long is restarted (its threads' requests, exports included, do not count).
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
# On a restart or deploy, exports under way get this long to finish before the worker stops.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "120"))
# Behind a load balancer that keeps connections open.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", "5"))
# Recycle workers now and then so memory never creeps (jitter: not all at once).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", "500"))
# The proxy in front (nginx, the load balancer) may set X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESSLOG", "-")
errorlog = "-"
