import datetime

import pytest
from django.utils import timezone

from tests.factories import sro_for


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def yesterday(today):
    return today - datetime.timedelta(days=1)


@pytest.fixture
def other_sro(other_school):
    """Another SRO of the same division, serving a school our SRO does not serve."""
    return sro_for(other_school, username="other_sro")
