"""The `concord` console script, run as a user runs it: in a subprocess, on a throwaway database."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.accounts.models import User
from concord.accounts.services import use_api_token

CONCORD = [sys.executable, "-m", "concord.cli"]
# The test process allows async-unsafe calls for Playwright; a deployed process must not.
BASE_ENV = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run(*args, env=None, check=True):
    result = subprocess.run(
        [*CONCORD, *args],
        capture_output=True,
        text=True,
        env={**BASE_ENV, **(env or {})},
        timeout=120,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture
def throwaway(tmp_path) -> dict:
    return {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'concord.sqlite3'}",
        "CONCORD_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }


def test_init_is_idempotent_on_a_fresh_database(throwaway):
    first = run("init", env=throwaway).stdout
    assert "45 participant created" in first
    assert "Seed text almaty-declaration-2006: imported." in first
    again = run("init", env=throwaway).stdout
    assert "Reference data: nothing changed." in again
    assert "Registered documents: nothing changed." in again
    assert "Seed text almaty-declaration-2006: unchanged." in again


def test_createuser_prints_the_token_last(registry):
    out = StringIO()
    call_command(
        "createuser",
        "c@kz.example",
        "--role",
        "coordinator",
        "--state",
        "KZ",
        "--token",
        stdout=out,
    )
    token = out.getvalue().strip().splitlines()[-1]
    api_token = use_api_token(token)
    assert api_token.user == User.objects.get(email="c@kz.example")
    assert api_token.scope == "write"


def test_createuser_error_names_the_field(registry):
    with pytest.raises(CommandError, match=r"Turkmenistan is not a Member State today. \(state\)"):
        call_command("createuser", "d@tm.example", "--role", "delegate", "--state", "TM")


def test_production_settings_pass_the_deployment_check(throwaway, tmp_path):
    key = tmp_path / "audit_signing_key"
    key.write_bytes(
        Ed25519PrivateKey.generate().private_bytes(
            Encoding.PEM, PrivateFormat.PKCS8, NoEncryption()
        )
    )
    env = {
        **throwaway,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 64 + "production-only-secret-for-the-check",
        "ALLOWED_HOSTS": "concord.example.org",
        "AUDIT_SIGNING_KEY_FILE": str(key),
    }
    result = run("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(throwaway):
    env = {**throwaway, "DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": ""}
    result = run("check", env=env, check=False)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_the_file_mail_backend_writes_where_the_environment_says(throwaway, tmp_path):
    outbox = tmp_path / "outbox"
    env = {
        **throwaway,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(outbox),
    }
    run("sendtestemail", "officer@example.org", env=env)
    [message] = outbox.iterdir()
    assert "To: officer@example.org" in message.read_text()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_gunicorn_with_static_files(throwaway):
    run("init", env=throwaway)
    port = free_port()
    server = subprocess.Popen(
        [*CONCORD, "serve", "--port", str(port), "--workers", "1", "--no-worker"],
        env={**BASE_ENV, **throwaway},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                members = json.load(
                    urllib.request.urlopen(f"{base}/api/members?as_of=2006-06-17", timeout=2)
                )
                break
            except OSError:
                time.sleep(0.2)
        else:
            pytest.fail("concord serve did not answer")
        assert len([m for m in members if m["status"] == "member"]) == 18
        home = urllib.request.urlopen(f"{base}/", timeout=5).read().decode()
        css = next(
            part.split('"')[0] for part in home.split('href="/static/')[1:] if ".css" in part
        )
        assert urllib.request.urlopen(f"{base}/static/{css}", timeout=5).status == 200
        assert Path(throwaway["CONCORD_VAR_DIR"], "static").is_dir()
    finally:
        server.terminate()
        server.wait(timeout=20)
