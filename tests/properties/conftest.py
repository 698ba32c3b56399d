"""The evaluations cast (an instrument with three questions, an open survey at two schools, one
unused code) is shared from tests/evaluations."""

from tests.evaluations.conftest import code, instrument, questions, survey  # noqa: F401
