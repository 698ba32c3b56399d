"""Rows of the installable, offline quick log (issue 17): the queue's endpoint is the quick log's
own (SROs only); the manifest and the service worker hold no one's data and are open to all,
since a phone fetches them by itself, signed in or not."""

from .matrix import BAD_REQUEST, PAGE, SRO, Row, everyone, only

ROWS = {
    "activities:log_queued": Row(
        method="post", expect=only({SRO}, BAD_REQUEST),
        note="POST only, JSON; an empty body is not an entry (400); tests/activities/test_log_queued.py",
    ),
    "manifest": Row(expect=everyone(PAGE, anonymous=PAGE)),
    "service_worker": Row(expect=everyone(PAGE, anonymous=PAGE)),
}
