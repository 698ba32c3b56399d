"""Generated audit log (seed_scale): a year of sign-ins and sign-outs, two-step checks, failed
sign-ins, exports and refused pages, for every generated user, weighted towards the busy ones."""

import datetime

from django.contrib.auth import get_user_model

from common.bulkload import bulk_load

from .models import AuditEvent

E = AuditEvent.Event
EVENTS = {E.SIGN_IN: 38, E.SIGN_OUT: 22, E.TWO_STEP: 10, E.SESSION_EXPIRED: 12, E.SIGN_IN_FAILED: 6,
          E.EXPORT: 5, E.ACCESS_REFUSED: 4, E.ADMIN_ACTION: 2, E.PASSWORD_CHANGED: 1}
EXPORTS = ["activities", "incidents", "schools", "officers", "audit", "survey_results"]
FIELDS = ["occurred_at", "user_id", "username", "event", "outcome", "source_address", "object_type", "object_id",
          "detail"]


def seed(ctx):
    rng = ctx.rng_for("audit")
    users = list(get_user_model().objects.filter(username__regex=r"^(scale_|sro_|coord_|principal_|evaluator_)")
                 .values_list("pk", "username"))
    # Officers and coordinators use the portal daily, principals weekly.
    weights = [5 if name.startswith(("sro_", "scale_", "coord_")) else 1 for _pk, name in users]
    events, event_weights = list(EVENTS), list(EVENTS.values())
    now = datetime.datetime.combine(ctx.today, datetime.time(17), tzinfo=datetime.UTC)
    total = ctx.size.audit_events

    def rows():
        for index in range(total):
            # Oldest first over the last 365 days (inside the legal floor the append-only trigger keeps).
            at = now - datetime.timedelta(seconds=(total - index) * 365 * 86400 // total)
            user_id, username = rng.choices(users, weights)[0]
            event = rng.choices(events, event_weights)[0]
            outcome = (AuditEvent.Outcome.FAILURE if event == E.SIGN_IN_FAILED else
                       AuditEvent.Outcome.DENIED if event == E.ACCESS_REFUSED else AuditEvent.Outcome.SUCCESS)
            detail, object_type, object_id = {}, "", ""
            if event == E.EXPORT:
                detail = {"export": rng.choice(EXPORTS), "filters": "", "rows": rng.randint(10, 50_000)}
            elif event == E.ACCESS_REFUSED:
                object_type, object_id, detail = "incident", str(rng.randint(1, 100_000)), {"status": 404}
            address = f"10.{rng.randint(0, 40)}.{rng.randint(0, 250)}.{rng.randint(2, 250)}"
            yield (at, None if event == E.SIGN_IN_FAILED else user_id, username, event, outcome, address,
                   object_type, object_id, detail)

    progress = ctx.progress("audit events", total)
    progress.finish(bulk_load(AuditEvent, FIELDS, progress.wrap(rows())))
