"""Fixtures of the import tests that open procedures on drafts: a day to open them on, and the
Secretariat officer who opens them."""

import datetime as dt

import pytest

from concord.core import clock
from concord.core.actors import actor_for

OPENING = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def opening_day():
    with clock.frozen_at(OPENING):
        yield


@pytest.fixture
def officer(secretariat_user):
    return actor_for(secretariat_user)
