"""No read writes: every page and API operation answering GET, as every role, with a silence
procedure past its deadline and not yet settled, runs no INSERT, UPDATE or DELETE on the
forum's data, and takes no lock to write it. Settling belongs to the task at the deadline and
to the write paths.

The GET endpoints are the GET rows of the permission table, which the matrix test holds to
the URL configuration and the OpenAPI schema: a new page or operation is covered here as soon
as it has its row.

What a request may write, because it is the bookkeeping of who asks and not the forum's
record, is named in ALLOWED: the session (Django saves it when it changes; a password-reset
link moves its token into it) and an API token's last use (throttled, never audited)."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test import override_settings

from concord.core import clock
from concord.core.actors import actor_for
from concord.decisions import selectors, services
from concord.decisions.models import Procedure
from concord.decisions.requests import ProcedureRequest, SubjectRequest

from .permission_table import TABLE
from .permission_world import MOMENT, ROLES, send, world_in_one_transaction
from .test_permission_matrix import endpoint_of, parse

WRITE = re.compile(r'^\s*(INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.IGNORECASE)
ALLOWED = {
    "django_session": "the session of who asks",
    "accounts_apitoken": "when a token was last used",
}
GETS = [row for row in parse(TABLE) if row.method == "GET"]
DEADLINE = MOMENT - dt.timedelta(days=1)
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The matrix's world, and in it the accession of Turkmenistan under silence, shared with
    observers, whose deadline passed a day ago: adopted, and still to be recorded."""
    production = override_settings(REQUIRE_TWO_FACTOR=True)  # as the matrix asks
    with production, world_in_one_transaction(django_db_blocker) as world:
        officer = actor_for(world.users["secr"])
        with clock.frozen_at(DEADLINE - dt.timedelta(days=14)):
            due = services.open_procedure(
                actor=officer,
                request=ProcedureRequest(
                    title="Accession of Turkmenistan",
                    subject=SubjectRequest("accession", state="TM"),
                    mode="silence",
                    deadline=DEADLINE,
                    shared_with_observers=True,
                ),
            )
            services.state_position(
                actor=actor_for(world.users["crdB"]), procedure_id=due.pk, kind="join"
            )
        world.values["procedure"] = due.pk
        yield world


class Writes:
    """A connection wrapper that refuses every write outside ALLOWED, and a lock taken to write
    (PostgreSQL's FOR UPDATE; SQLite has none), and remembers it even where a handler turns
    the error into a 500."""

    def __init__(self):
        self.refused = []

    def __call__(self, execute, sql, params, many, context):
        match = WRITE.match(sql)
        if (match and match.group(2).lower() not in ALLOWED) or " FOR UPDATE" in sql:
            self.refused.append(sql.split(" WHERE ")[0][:120])
            raise AssertionError(f"a read wrote: {sql[:120]}")
        return execute(sql, params, many, context)


def test_the_procedure_is_due_and_unsettled(world, django_db_blocker):
    with django_db_blocker.unblock():
        procedure = Procedure.objects.get(pk=world.values["procedure"])
        standing = selectors.standing(procedure)
    assert (procedure.status, procedure.deadline) == ("open", DEADLINE)
    assert (standing.status, standing.outcome, standing.settling) == ("closed", "adopted", True)


@pytest.mark.parametrize("row", GETS, ids=[row.key for row in GETS])
def test_no_get_writes(row, world, django_db_blocker):
    is_api = endpoint_of(row, world)[1].startswith("/api/")
    path = row.path.format_map(world.values)
    writes = Writes()
    answers = {}
    with django_db_blocker.unblock(), connection.execute_wrapper(writes):
        for role in ROLES:
            transports = ("script", "browser") if is_api else ("browser",)
            for transport in transports[: 1 if role == "anon" else 2]:
                answers[role, transport] = send(world, role, transport, "GET", path, None)
    assert writes.refused == [], f"{row.key} wrote: {writes.refused}"
    assert "500" not in answers.values(), answers
    with django_db_blocker.unblock():
        assert Procedure.objects.get(pk=world.values["procedure"]).status == "open"
