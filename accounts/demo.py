"""One demo user per role. Passwords are set only when a user is first created.

The coordinator and the program administrator must use two-step verification: they get an
authenticator device with a fixed, published demo key (DEMO_TOTP_KEY), so that anyone running
the demo can add it to an authenticator app, or print the current code with
``manage.py demo_two_step_code``. Never a key to use outside the demo.
"""

from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from schools.models import School, SchoolDivision

from .models import Role, RoleGrant, User
from .two_step import base32

# b"SROPortalDemoTOTP-20" in hex; in base32 (what authenticator apps take): KNJE 6UDP OJ2G C3CE MVWW 6VCP KRIC 2MRQ
DEMO_TOTP_KEY = "53524f506f7274616c44656d6f544f54502d3230"
DEMO_TOTP_USERS = ("coordinator", "programadmin")
DEMO_TOTP_DEVICE = "Demo authenticator"

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
        if username in DEMO_TOTP_USERS:
            TOTPDevice.objects.get_or_create(
                user=users[username], name=DEMO_TOTP_DEVICE, defaults={"key": DEMO_TOTP_KEY, "confirmed": True}
            )
            description += f" — two-step key {base32(DEMO_TOTP_KEY)}"
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
