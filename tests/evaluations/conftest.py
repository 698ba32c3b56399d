import pytest

from evaluations.models import Indicator, QuestionKind

from .factories import InstrumentFactory, QuestionFactory, SurveyFactory, make_codes


@pytest.fixture
def instrument(coordinator):
    instrument = InstrumentFactory(owner=coordinator, name="Safety survey")
    QuestionFactory(instrument=instrument, position=1, text="I feel safe at this school.", required=True,
                    kind=QuestionKind.AGREEMENT, indicator=Indicator.PERCEIVED_SAFETY)
    QuestionFactory(instrument=instrument, position=2, text="How often have you seen bullying?",
                    kind=QuestionKind.FREQUENCY, indicator=Indicator.BULLYING_SEEN, reverse_scored=True)
    QuestionFactory(instrument=instrument, position=3, text="Anything else?", kind=QuestionKind.TEXT,
                    indicator=Indicator.OTHER)
    return instrument


@pytest.fixture
def questions(instrument):
    return list(instrument.questions.all())


@pytest.fixture
def survey(instrument, school, other_school):
    return SurveyFactory(instrument=instrument, title="Student safety 2025", schools=[school, other_school])


@pytest.fixture
def code(survey, school):
    return make_codes(survey, school)[0]
