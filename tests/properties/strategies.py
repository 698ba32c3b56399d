"""Hypothesis strategies for hostile form input: what a browser, a script or a fat thumb can post."""

from hypothesis import strategies as st

MISSING = object()  # a field left out of the post altogether

NUL = "\x00"

NASTY_STRINGS = [
    "", " ", NUL, f"a{NUL}b", "\r\n", "\t", "\u202e", "\ufeff", "😀", "ж", "x" * 5000, "9" * 400,
    "<script>alert(1)</script>", "'; DROP TABLE x; --", "%s %(x)s {0}", "None", "null", "true", "on",
    "-1", "0", "2147483648", "-2147483649", "9223372036854775808", "1e309", "NaN", "inf", "1.5", " 7 ",
    "²", "٣", "𝟗",  # isdigit() but not all int()-able
    "2026-02-30", "2026-13-01", "0000-00-00", "0001-01-01", "9999-12-31", "10000-01-01",
    "0001-01-01T00:00", "9999-12-31T23:59", "2025-10-14T10:30", "2025-10-14 25:61", "1970-01-01T00:00:00+14:00",
]

# Text with unicode of every category but surrogates (which no browser can send as UTF-8).
any_text = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)
control_text = st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf", "Zl", "Zp"]),
                       min_size=1, max_size=10)


def with_nul(text: str) -> str:
    middle = len(text) // 2
    return f"{text[:middle]}{NUL}{text[middle:]}"


nasty_text = st.one_of(
    st.sampled_from(NASTY_STRINGS),
    any_text,
    control_text,
    any_text.map(with_nul),
    st.integers(min_value=-(2 ** 70), max_value=2 ** 70).map(str),
    st.text(alphabet="0123456789-T:", min_size=1, max_size=20),
)


class Field:
    """A form field: one valid value, other values worth trying, and whatever hostile text."""

    def __init__(self, valid, *alternatives):
        self.valid = valid
        others = [st.sampled_from(alternatives)] if alternatives else []
        self.hostile = st.one_of(*others, st.just(MISSING), nasty_text)


def field(valid, *alternatives) -> Field:
    return Field(valid, *alternatives)


def valid_data(**fields) -> dict:
    """The post with every field valid (a test checks first that it is accepted)."""
    return {name: spec.valid for name, spec in fields.items() if isinstance(spec, Field)}


def form_data(**fields):
    """Posted data: every field valid but for up to three, each replaced by another value,
    left out, or hostile text; a field given as a strategy is drawn from it as is."""
    fixed = {name: spec for name, spec in fields.items() if isinstance(spec, st.SearchStrategy)}
    specs = {name: spec for name, spec in fields.items() if isinstance(spec, Field)}

    @st.composite
    def build(draw):
        data = {name: spec.valid for name, spec in specs.items()}
        if specs:
            names = draw(st.lists(st.sampled_from(sorted(specs)), max_size=3, unique=True))
            for name in names:
                data[name] = draw(specs[name].hostile)
        for name, strategy in fixed.items():
            data[name] = draw(strategy)
        return {name: value for name, value in data.items() if value is not MISSING}

    return build()
