"""A real server process killed with SIGKILL in the middle of an import, an adoption and an
amendment's incorporation leaves nothing of the interrupted write behind, and the audit chain
stays intact.

The server is `concord serve --no-worker` (gunicorn) on a database of its own: a temporary
SQLite file, or a temporary PostgreSQL database when the suite runs on PostgreSQL. A fault
checkpoint (concord/core/faults.py) holds each write inside its transaction, after it has
written everything it writes (rows, audit entries, inbox messages), until the test kills the
process group; the next server then starts on what the database kept.
"""

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from conftest import PASSWORD

from .permission_world import DRAFT, NEW_TEXT

CONCORD = [sys.executable, "-m", "concord.cli"]
# The test process allows async-unsafe calls for Playwright; a served process must not.
BASE_ENV = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
# Bookkeeping written outside any service's transaction: when a token was last used.
NOT_COMPARED = {"accounts_apitoken"}
AMENDED_DRAFT = DRAFT.replace("SEVENTH SUMMIT", "SEVENTH MINISTERIAL").replace("2030", "2028")


class Database:
    """The served database: created and dropped by the test, read without Django."""

    def __init__(self, tmp: Path):
        self.vendor = connection.vendor
        if self.vendor == "sqlite":
            self.path = tmp / "concord.sqlite3"
            self.url = f"sqlite:///{self.path}"
            return
        db = connection.settings_dict
        self.params = {
            k: db[k.upper()] for k in ("host", "port", "user", "password") if db[k.upper()]
        }
        self.name = f"concord_crash_{os.getpid()}"
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        self.url = f"postgres://{auth}@{db['HOST']}:{db['PORT'] or 5432}/{self.name}"
        self._admin(f'CREATE DATABASE "{self.name}"')

    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.params) as admin:
            admin.execute(sql)

    def drop(self) -> None:
        if self.vendor != "sqlite":
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def snapshot(self) -> dict[str, list]:
        """Every row of every table, in an order that does not depend on the engine."""
        if self.vendor == "sqlite":
            db = sqlite3.connect(self.path)
            listing = "SELECT name FROM sqlite_master WHERE type = 'table'"
        else:
            import psycopg

            db = psycopg.connect(dbname=self.name, **self.params)
            listing = "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
        with closing(db):
            tables = sorted(row[0] for row in db.execute(listing))
            return {
                table: sorted(map(repr, db.execute(f'SELECT * FROM "{table}"')))
                for table in tables
                if table not in NOT_COMPARED
            }


class Server:
    """`concord serve --no-worker`, in a process group of its own so that one signal kills it
    whole: the command, gunicorn's master and its worker."""

    def __init__(self, env: dict, checkpoint: str | None = None):
        self.env = {**env, "CONCORD_FAULT_CHECKPOINT": checkpoint or ""}
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [*CONCORD, "serve", "--no-worker", "--workers", "1", "--port", str(self.port)],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        for _ in range(300):
            try:
                urllib.request.urlopen(f"{self.url}/api/members", timeout=2)
                return
            except OSError:
                time.sleep(0.1)
        self.kill()
        pytest.fail("concord serve did not answer")

    def call(self, method: str, path: str, token: str, body=None, form=None) -> tuple[int, dict]:
        headers = {"Authorization": f"Bearer {token}"}
        data = None
        if body is not None:
            data, headers["Content-Type"] = json.dumps(body).encode(), "application/json"
        elif form is not None:
            data, headers["Content-Type"] = encode_multipart(BOUNDARY, form), MULTIPART_CONTENT
        request = urllib.request.Request(self.url + path, data, headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:
            return error.code, json.load(error)

    def killed_inside(self, checkpoint: str, method: str, path: str, token: str, **payload):
        """Send the request, wait until it holds at the checkpoint, then SIGKILL everything."""
        marker = Path(self.env["CONCORD_VAR_DIR"], f"fault-{checkpoint}")
        answers = []
        request = threading.Thread(
            target=lambda: answers.append(self._try(method, path, token, **payload)), daemon=True
        )
        request.start()
        for _ in range(300):
            if marker.exists():
                break
            time.sleep(0.05)
        else:
            self.kill()
            pytest.fail(f"the request never reached the checkpoint {checkpoint}: {answers}")
        self.kill()
        request.join(timeout=10)
        marker.unlink()
        assert answers == ["no answer"], "the killed request must not have been answered"

    def _try(self, *args, **payload):
        try:
            return self.call(*args, **payload)
        except (ConnectionError, urllib.error.URLError):
            return "no answer"

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def run(*args: str, env: dict) -> str:
    result = subprocess.run([*CONCORD, *args], env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def instance(tmp_path):
    """A database of its own, initialised as `concord init` does, with a Secretariat officer
    and a delegate of India who hold API tokens; yields (a way to start a server on it, the
    database, the tokens). Whatever server is left running is killed at the end."""
    database, servers = Database(tmp_path), []
    env = {
        **BASE_ENV,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database.url,
        "CONCORD_VAR_DIR": str(tmp_path),
    }
    try:
        run("init", env=env)
        tokens = {
            role: run("createuser", email, "--role", role, *state, "--password", PASSWORD,
                      "--token", env=env).strip().splitlines()[-1]
            for role, email, state in (
                ("secretariat", "officer@secretariat.example", ()),
                ("delegate", "delegate@in.example", ("--state", "IN")),
            )
        }  # fmt: skip

        def serve(checkpoint: str | None = None) -> Server:
            servers.append(Server(env, checkpoint))
            return servers[-1]

        yield serve, database, tokens
    finally:
        for server in servers:
            server.kill()
        database.drop()


def test_a_killed_write_leaves_no_partial_state_and_the_chain_intact(instance):
    serve, database, tokens = instance
    officer, india = tokens["secretariat"], tokens["delegate"]
    server = serve("decisions.conclude")
    adoption = prepare(server, officer, india)
    cases = [
        ("decisions.conclude", "POST", f"/api/procedures/{adoption}/close", {}),
        ("drafting.incorporate", "POST", "/api/drafts/seventh-ministerial/versions", {}),
        ("documents.import", "POST", "/api/documents/import", {"form": {"file": upload(NEW_TEXT)}}),
    ]
    for index, (checkpoint, method, path, payload) in enumerate(cases):
        before, chain = database.snapshot(), intact_chain(server, officer)
        server.killed_inside(checkpoint, method, path, officer, **payload)
        following = cases[index + 1][0] if index + 1 < len(cases) else None
        server = serve(following)
        assert database.snapshot() == before, f"{checkpoint}: the database changed"
        assert intact_chain(server, officer) == chain
    # Nothing is left locked or half-done: each write succeeds once the server is back.
    assert server.call("POST", f"/api/procedures/{adoption}/close", officer)[0] == 200
    assert server.call("POST", "/api/drafts/seventh-ministerial/versions", officer)[0] == 201
    assert (
        server.call("POST", "/api/documents/import", officer, form={"file": upload(NEW_TEXT)})[0]
        == 201
    )
    assert intact_chain(server, officer) > chain


def prepare(server: Server, officer: str, india: str) -> int:
    """Two drafts: one under an in-session adoption procedure, one with an accepted amendment.
    Returns the procedure's id."""
    for slug, text in (("seventh-summit", DRAFT), ("seventh-ministerial", AMENDED_DRAFT)):
        form = {"file": upload(text.encode()), "slug": slug}
        assert server.call("POST", "/api/documents/import", officer, form=form)[0] == 201
    _, draft = server.call("GET", "/api/drafts/seventh-summit", officer)
    status, procedure = server.call("POST", "/api/procedures", officer, body={
        "title": "Adoption of the Declaration of the Seventh Summit", "mode": "in_session",
        "subject": {"type": "document_adoption", "version": draft["versions"][0]["id"]},
    })  # fmt: skip
    assert status == 201, procedure
    proposal = {
        "kind": "edit", "unit": "op-3", "text": "We celebrate CICA Day on 5 October.",
        "rationale": "Shorter.", "language": "en", "version": 1,
    }  # fmt: skip
    amendments = "/api/drafts/seventh-ministerial/amendments"
    status, amendment = server.call("POST", amendments, india, body=proposal)
    assert status == 201, amendment
    accept = f"{amendments}/{amendment['id']}/accept"
    assert server.call("POST", accept, officer, body={"note": ""})[0] == 200
    return procedure["id"]


def intact_chain(server: Server, officer: str) -> int:
    """The number of entries in the audit chain, which must verify."""
    status, chain = server.call("GET", "/api/audit/verify", officer)
    assert status == 200 and chain["intact"] is True, chain
    return chain["entries"]


def upload(text: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile("text.txt", text)
