"""The access-control matrix: for every URL pattern of the project, what each role gets,
with an object inside and one outside that role's scope.

Rows live in ``rows_<app>.py`` modules beside this file, each defining ``ROWS``: a dict from
URL name (``"namespace:name"``) to a :class:`Row`. A new app adds its own module; this file
collects them all. A URL pattern without a row fails the suite (tests/access/test_url_matrix.py).

A row says how to build the URL's arguments for a role and a scope, and the expected outcome
for each role, either one outcome (scope does not matter) or a pair (inside, outside)::

    "schools:school_detail": Row(
        args=lambda w, scope, role: [w.school_for(role, scope).pk],
        expect={ANONYMOUS: LOGIN, SRO: (PAGE, NOT_FOUND), ..., PROGRAM_ADMIN: PAGE},
    ),

``w`` is the :class:`World`: the shared cast (tests/conftest.py) and, per role, a school and
a division inside and outside the role's scope. Feature rows create their objects on those,
e.g. ``args=lambda w, scope, role: [IncidentFactory(school=w.school_for(role, scope)).pk]``.
"""

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass, field

ANONYMOUS, SRO, PRINCIPAL, COORDINATOR, EVALUATOR, PROGRAM_ADMIN = (
    "anonymous", "sro", "principal", "coordinator", "evaluator", "program_admin")
# The fixture names of tests/conftest.py, one per role (the principal is the school administrator).
ROLES = [ANONYMOUS, SRO, PRINCIPAL, COORDINATOR, EVALUATOR, PROGRAM_ADMIN]
SIGNED_IN = ROLES[1:]
INSIDE, OUTSIDE = "inside", "outside"

# Outcomes.
PAGE = 200
BAD_REQUEST = 400  # an empty POST to a form inside scope: the page again, with the form's errors
FORBIDDEN = 403
NOT_FOUND = 404
METHOD_NOT_ALLOWED = 405
LOGIN = "login"  # a redirect to the sign-in page
REDIRECT = "redirect"  # any other redirect


@dataclass(frozen=True)
class Row:
    expect: dict  # role -> outcome, or role -> (outcome inside scope, outcome outside scope)
    args: Callable | None = None  # (world, scope, role) -> list of URL arguments
    method: str = "get"
    # Why a row's expectations look odd, for the reader (optional).
    note: str = ""
    scoped: bool = field(init=False, default=False)

    def __post_init__(self):
        missing = set(ROLES) - set(self.expect)
        if missing:
            raise ValueError(f"row without an expectation for {sorted(missing)}")
        object.__setattr__(self, "scoped", self.args is not None)

    def outcome(self, role, scope):
        expected = self.expect[role]
        if isinstance(expected, tuple):
            return expected[0] if scope == INSIDE else expected[1]
        return expected


def everyone(outcome, *, anonymous=LOGIN) -> dict:
    """The same outcome for every signed-in role; anonymous users are sent to sign in."""
    return {ANONYMOUS: anonymous, **dict.fromkeys(SIGNED_IN, outcome)}


def only(roles, outcome=PAGE, *, others=FORBIDDEN, anonymous=LOGIN) -> dict:
    """`outcome` for `roles`, `others` (403 by default) for the other signed-in roles."""
    return {ANONYMOUS: anonymous, **{role: outcome if role in roles else others for role in SIGNED_IN}}


def scoped(roles, inside=PAGE) -> dict:
    """`inside` within scope and 404 outside for `roles`, 403 for the other signed-in roles; a
    program administrator has no outside: `inside` everywhere."""
    expect = only(roles)
    for role in roles:
        expect[role] = (inside, NOT_FOUND)
    expect[PROGRAM_ADMIN] = inside
    return expect


class World:
    """The cast and, per role, objects inside and outside their scope."""

    # For each role, the school outside their scope that is the most telling to try: the
    # SRO's and the principal's is in their own division; a coordinator's or evaluator's is
    # in another division. A program administrator has no outside: everything is inside.
    OUTSIDE_SCHOOL = {SRO: "other_school", PRINCIPAL: "other_school", COORDINATOR: "outside_school",
                      EVALUATOR: "outside_school", PROGRAM_ADMIN: "outside_school", ANONYMOUS: "school"}

    def __init__(self, request):
        self._request = request

    def __getattr__(self, name):
        # Any fixture of the cast: w.school, w.other_division, w.coordinator...
        return self._request.getfixturevalue(name)

    def school_for(self, role, scope):
        return self.school if scope == INSIDE else getattr(self, self.OUTSIDE_SCHOOL[role])

    def division_for(self, role, scope):
        return self.division if scope == INSIDE else self.other_division


def load_rows() -> dict[str, Row]:
    rows: dict[str, Row] = {}
    package = importlib.import_module(__package__)
    for module_info in pkgutil.iter_modules(package.__path__):
        if not module_info.name.startswith("rows_"):
            continue
        module = importlib.import_module(f"{__package__}.{module_info.name}")
        duplicated = rows.keys() & module.ROWS.keys()
        if duplicated:
            raise ValueError(f"{module_info.name} repeats rows {sorted(duplicated)}")
        rows.update(module.ROWS)
    return rows


MATRIX = load_rows()
