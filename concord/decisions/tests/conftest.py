import datetime as dt

import pytest

from concord.accounts.services import create_user
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from conftest import PASSWORD

OPENING = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _opening_day():
    with clock.frozen_at(OPENING):
        yield


@pytest.fixture
def delegates(registry):
    """A delegate for each of a few Member States, by ISO code."""

    def delegate(code):
        email = f"d@{code.lower()}.example"
        return create_user(
            actor=SYSTEM, email=email, role="delegate", state=code, password=PASSWORD
        )

    return {code: actor_for(delegate(code)) for code in ("KZ", "CN", "IN", "RU", "TH")}


@pytest.fixture
def officer(secretariat_user):
    return actor_for(secretariat_user)


@pytest.fixture
def chair(chair_user):
    return actor_for(chair_user)
