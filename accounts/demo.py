"""One demo user per role. Passwords are set only when a user is first created."""

from django.contrib.auth.hashers import make_password

from schools.models import School, SchoolDivision

from .models import Role, RoleGrant, User

DEMO_USERS = [
    # username, first, last, description
    ("sro", "Sam", "Roberts", "SRO, about ten Winnipeg School Division schools"),
    ("principal", "Priya", "Nanda", "School administrator of one Winnipeg school"),
    ("coordinator", "Colette", "Dumas", "Coordinator, Winnipeg School Division"),
    ("evaluator", "Evan", "Lee", "Evaluator, both Winnipeg-area divisions (aggregates only)"),
    ("programadmin", "Pat", "Morin", "Program administrator (everything, and the admin site)"),
]


def demo_user(ctx, username, first_name, last_name, **extra) -> User:
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"first_name": first_name, "last_name": last_name,
                  "email": f"{username}@example.org", **extra},
    )
    if created:
        # Hashing is deliberately slow; the demo users share one password, so hash it once.
        if not hasattr(ctx, "password_hash"):
            ctx.password_hash = make_password(ctx.password)
        user.password = ctx.password_hash
        user.save(update_fields=["password"])
    return user


def seed(ctx):
    wsd = SchoolDivision.objects.get(code="WSD")
    ptsd = SchoolDivision.objects.get(code="PTSD")
    users = {}
    for username, first, last, description in DEMO_USERS:
        extra = {"is_staff": True, "is_superuser": True} if username == "programadmin" else {}
        users[username] = demo_user(ctx, username, first, last, **extra)
        ctx.sign_ins.append((username, description))
    principal_school = School.objects.filter(division=wsd, level=School.Level.HIGH).order_by("name").first()
    grants = [
        (users["sro"], Role.SRO, None, None),
        (users["principal"], Role.SCHOOL_ADMIN, None, principal_school),
        (users["coordinator"], Role.COORDINATOR, wsd, None),
        (users["evaluator"], Role.EVALUATOR, wsd, None),
        (users["evaluator"], Role.EVALUATOR, ptsd, None),
        (users["programadmin"], Role.PROGRAM_ADMIN, None, None),
    ]
    for user, role, division, school in grants:
        RoleGrant.objects.get_or_create(user=user, role=role, division=division, school=school)
