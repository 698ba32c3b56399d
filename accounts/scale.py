"""Generated users (seed_scale): a coordinator per division, an administrator per school, a few
evaluators, and the benchmark's cast (common.scale.BENCH_USERS) with a bench-only two-step key."""

import datetime

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from common.bulkload import bulk_load, reserve_ids
from common.scale import BENCH_USERS, SCALE_TOTP_KEY

from .models import Role, RoleGrant, User

FIRST = ["Alex", "Chris", "Dana", "Jordan", "Kim", "Lee", "Morgan", "Pat", "Robin", "Sam", "Taylor", "Terry",
         "Amrit", "Marie", "Jean", "Nadia", "Omar", "Sophie", "Wei", "Yusuf"]
LAST = ["Anderson", "Beaulieu", "Bird", "Campbell", "Chartrand", "Chen", "Dubois", "Flett", "Gagnon", "Harper",
        "Kowalski", "Lavallee", "MacDonald", "Nguyen", "Olson", "Patel", "Roy", "Singh", "Thompson", "Wilson"]
USER_FIELDS = ["id", "password", "username", "first_name", "last_name", "email", "is_staff", "is_superuser",
               "is_active", "date_joined"]


class UserRows:
    """Users to load in one COPY, with keys reserved up front so grants can point at them."""

    def __init__(self, ctx, count: int, rng):
        self.ctx, self.rng = ctx, rng
        self.next_id = reserve_ids(User, count)
        self.rows = []
        self.joined = timezone.make_aware(datetime.datetime.combine(ctx.period_start, datetime.time(9)))

    def add(self, username: str, *, staff: bool = False) -> int:
        user_id = self.next_id
        self.next_id += 1
        self.rows.append((user_id, self.ctx.password_hash, username, self.rng.choice(FIRST), self.rng.choice(LAST),
                          f"{username}@example.org", staff, staff, True, self.joined))
        return user_id

    def load(self) -> int:
        return bulk_load(User, USER_FIELDS, self.rows)


def seed(ctx):
    rng = ctx.rng_for("accounts")
    divisions = ctx.data["divisions"]
    schools = ctx.data["schools"]
    evaluators = max(1, len(divisions) // 10)
    progress = ctx.progress("users and roles", len(divisions) + len(schools) + evaluators + len(BENCH_USERS))
    users = UserRows(ctx, len(divisions) + len(schools) + evaluators + len(BENCH_USERS), rng)
    grants = []  # (user_id, role, division_id, school_id)
    for index, (division_id, _service) in enumerate(divisions):
        grants.append((users.add(f"coord_{index + 1:04d}"), Role.COORDINATOR, division_id, None))
    for index, school in enumerate(schools):
        grants.append((users.add(f"principal_{index + 1:05d}"), Role.SCHOOL_ADMIN, None, school["id"]))
    for index in range(evaluators):
        user_id = users.add(f"evaluator_{index + 1:03d}")
        grants += [(user_id, Role.EVALUATOR, division_id, None) for division_id, _ in divisions[index::evaluators]]

    # The benchmark's cast: the largest division is the first; "scale_coord" coordinates the second
    # (a Winnipeg-sized one at province size); the principal runs the largest school of the largest division.
    largest, second = divisions[0][0], divisions[min(1, len(divisions) - 1)][0]
    biggest_school = max((s for s in schools if s["division_id"] == largest), key=lambda s: s["enrolment"])
    bench = {
        "program_admin": [(Role.PROGRAM_ADMIN, None, None)],
        "coordinator_largest": [(Role.COORDINATOR, largest, None)],
        "coordinator": [(Role.COORDINATOR, second, None)],
        "school_admin": [(Role.SCHOOL_ADMIN, None, biggest_school["id"])],
        "evaluator": [(Role.EVALUATOR, largest, None), (Role.EVALUATOR, second, None)],
        "sro": [(Role.SRO, None, None)],
    }
    ids = {}
    for key, username in BENCH_USERS.items():
        ids[key] = users.add(username, staff=key == "program_admin")
        grants += [(ids[key], role, division_id, school_id) for role, division_id, school_id in bench[key]]
    progress.finish(users.load())
    bulk_load(RoleGrant, ["user_id", "role", "division_id", "school_id"], grants)
    TOTPDevice.objects.bulk_create(
        TOTPDevice(user_id=ids[key], name="Benchmark authenticator", key=SCALE_TOTP_KEY, confirmed=True)
        for key in ("program_admin", "coordinator_largest", "coordinator")
    )
    ctx.data["bench_user_ids"] = ids
    ctx.data["bench_school_id"] = biggest_school["id"]
    ctx.data["principal_of"] = {school["id"]: grant[0] for school, grant in
                                zip(schools, grants[len(divisions):len(divisions) + len(schools)], strict=True)}
    ctx.data["coordinator_of"] = {division_id: grants[i][0] for i, (division_id, _) in enumerate(divisions)}
