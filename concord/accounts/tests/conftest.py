import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client

from concord.core import clock
from conftest import PASSWORD

TODAY = dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(TODAY):
        yield


@pytest.fixture
def run_tasks(django_capture_on_commit_callbacks):
    """What the worker would do: run every task enqueued so far (the test backend only
    records them) and give back their return values; then send the e-mail deliveries those
    tasks queued, as the worker would next, so that the mail is in the outbox."""
    from django_tasks import default_task_backend

    default_task_backend.clear()

    def call_queued() -> list:
        results = list(default_task_backend.results)
        default_task_backend.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return [result.task.call(*result.args, **result.kwargs) for result in results]

    def run() -> list:
        values = call_queued()
        while default_task_backend.results:
            call_queued()
        return values

    return run


def sign_in(user, password: str = PASSWORD) -> Client:
    client = Client()
    response = client.post("/accounts/login/", {"username": user.email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    return client


def link_in(message, prefix: str) -> str:
    """The path of the absolute link under `prefix` in an e-mail (a bilingual message
    carries it once per language)."""
    [path] = set(re.findall(rf"{re.escape(settings.SITE_URL)}({prefix}\S*/)", message.body))
    return path


def last_mail_to(address: str):
    return [m for m in mail.outbox if m.to == [address]][-1]
