"""The named cast every test can call on, and the browser set-up (Debian's Chromium)."""

import os
from contextlib import contextmanager

import pytest
import yaml

from concord.core.actors import SYSTEM, actor_for

# Playwright's sync API runs an event loop in the test thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "Consensus-2026!"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counts live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """A request in Russian leaves Russian active in its thread (as Django's locale middleware
    does): each test starts in the default language, whatever ran before it."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [*browser_type_launch_args.get("args", []), *CHROMIUM_ARGS],
    }


@pytest.fixture(scope="session", autouse=True)
def _yaml_parsed_by_libyaml():
    """Most tests load the reference data, whose YAML PyYAML's pure-Python parser reads several
    times slower than libyaml. Same safe constructor, same objects: the suite spends half its
    fixture time less."""
    if not yaml.__with_libyaml__:
        yield
        return
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(yaml, "safe_load", lambda stream: yaml.load(stream, Loader=yaml.CSafeLoader))
        yield


@pytest.fixture
def registry(db):
    """The CICA reference data, loaded the way `concord init` loads it."""
    from concord.members.services import load_reference_data

    return load_reference_data(actor=SYSTEM)


@pytest.fixture
def meetings(registry):
    from concord.meetings.services import load_meetings

    return load_meetings(actor=SYSTEM)


@pytest.fixture
def catalogue(registry):
    from concord.catalogue.services import load_catalogue

    return load_catalogue(actor=SYSTEM)


def _user(email, role, state=None):
    from concord.accounts.services import create_user

    return create_user(actor=SYSTEM, email=email, role=role, state=state, password=PASSWORD)


@pytest.fixture
def secretariat_user(registry):
    return _user("officer@secretariat.example", "secretariat")


@pytest.fixture
def chair_user(registry):
    """Azerbaijan's representative: Azerbaijan holds the Chairmanship today."""
    return _user("chair@az.example", "chair", "AZ")


@pytest.fixture
def coordinator_user(registry):
    return _user("coordinator@kz.example", "coordinator", "KZ")


@pytest.fixture
def delegate_user(registry):
    return _user("delegate@in.example", "delegate", "IN")


@pytest.fixture
def observer_user(registry):
    return _user("observer@jp.example", "observer", "JP")


@pytest.fixture
def actor_of():
    return actor_for


@pytest.fixture
def audit_entries(db):
    from concord.audit.models import AuditEntry

    def entries(event=None):
        qs = AuditEntry.objects.order_by("seq")
        return list(qs.filter(event=event) if event else qs)

    return entries


@pytest.fixture
def mail_worker():
    """E-mail leaves by background tasks, which the test settings record but do not run:
    `mail_worker()` runs the queued ones that are due (by `clock`), as `concord worker` would,
    and returns what became of each; retries scheduled for later stay queued."""
    from django_tasks import default_task_backend

    from concord.core import clock

    def due(result) -> bool:
        run_after = result.task.run_after
        return result.task.name == "send_delivery" and (
            run_after is None or run_after <= clock.now()
        )

    def run() -> list[str]:
        queued = [result for result in default_task_backend.results if due(result)]
        for result in queued:
            default_task_backend.results.remove(result)
        return [result.task.call(*result.args) for result in queued]

    default_task_backend.results.clear()
    return run


@pytest.fixture
def rows_read():
    """``with rows_read(Model) as (made, sql):`` the objects of ``Model`` made from rows within,
    and the SQL that read its table."""
    from django.db import connection
    from django.db.models.signals import post_init
    from django.test.utils import CaptureQueriesContext

    @contextmanager
    def reading(model):
        made, sql = [], []

        def count(sender, instance, **kwargs):
            made.append(instance)

        post_init.connect(count, sender=model)
        try:
            with CaptureQueriesContext(connection) as queries:
                yield made, sql
        finally:
            post_init.disconnect(count, sender=model)
        table = f'FROM "{model._meta.db_table}"'
        sql.extend(q["sql"] for q in queries.captured_queries if table in q["sql"])

    return reading
