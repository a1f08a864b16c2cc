import contextlib
import json
import os
import sqlite3
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.audit.events import AuditEvent
from concord.audit.models import AuditEntry, ChainHead
from conftest import PASSWORD

from .tampering import delete_entries, move_head


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_an_intact_trail(append):
    append(3)
    out = run("audit-verify")
    assert out.startswith("Checked 3 entries against the head #3, signed ")
    assert out.endswith("The audit trail is intact.\n")


def test_a_broken_trail_names_the_entry_and_exits_with_status_1(append):
    append(3)
    delete_entries(3)
    out = StringIO()
    with pytest.raises(CommandError, match="broken: 1 problem") as caught:
        call_command("audit-verify", stdout=out)
    assert caught.value.returncode == 1
    assert "#3: The chain ends at #2 but the head is at #3" in out.getvalue()


def test_a_saved_head_the_chain_passes_through(append, copy_of, tmp_path):
    saved = tmp_path / "head.json"
    saved.write_text(json.dumps(copy_of(append(2))))
    append(1)
    out = run("audit-verify", str(saved))
    assert "The chain passes through the saved head #2.\n" in out


def test_a_saved_head_after_a_rollback_to_an_earlier_signed_head(append, copy_of, tmp_path):
    earlier = append(2)
    saved = tmp_path / "head.json"
    saved.write_text(json.dumps(copy_of(append(2))))
    delete_entries(3, 4)
    move_head(earlier.seq, earlier.hash, earlier.signature)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("audit-verify", str(saved), stdout=out)
    assert "#4: The chain no longer reaches the saved head #4: it ends at #2" in out.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "Expecting property name"),
        ("[]", "a saved head is a JSON object"),
        ('{"seq": 0, "hash": "' + "a" * 64 + '"}', "“seq” must be a whole number from 1"),
        ('{"seq": true, "hash": "' + "a" * 64 + '"}', "“seq” must be a whole number from 1"),
        ('{"seq": 1, "hash": "xyz"}', "“hash” must be 64 lowercase hexadecimal digits"),
        ('{"seq": 1, "hash": "' + "a" * 64 + '"}', "“signature” is missing"),
    ],
)
def test_a_saved_head_that_is_not_one_is_refused_naming_the_file(db, tmp_path, content, message):
    saved = tmp_path / "head.json"
    saved.write_text(content)
    with pytest.raises(CommandError, match=f"^{saved}: .*{message}"):
        run("audit-verify", str(saved))


def test_a_missing_saved_head_file(db, tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        run("audit-verify", str(tmp_path / "nothing.json"))


def test_signing_the_head_anew_is_a_dry_run_unless_for_real(append):
    append(2)
    ChainHead.objects.update(signature="")
    out = run("audit-sign-head")
    assert "#2: The head (#2) is not signed with this installation's key" in out
    assert out.endswith("Dry run: nothing signed. Add --for-real to sign the head.\n")
    assert ChainHead.objects.get().signature == ""
    assert run("audit-sign-head", "--for-real").endswith(
        "Signed. The trail records it as entry #3.\n"
    )
    assert AuditEntry.objects.get(seq=3).event == AuditEvent.HEAD_SIGNED_ANEW
    assert run("audit-verify").endswith("The audit trail is intact.\n")


def test_signing_a_head_that_is_signed_already_is_refused(append):
    append(1)
    with pytest.raises(CommandError, match="already signed"):
        run("audit-sign-head", "--for-real")


def test_the_command_exits_non_zero_once_someone_deletes_past_the_triggers(tmp_path):
    """As an operator runs it, on a database an attacker edited with its own SQL access."""
    database = tmp_path / "concord.sqlite3"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": f"sqlite:///{database}",
        "CONCORD_VAR_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }

    def concord(*args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "concord.cli", *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=False,
        )

    assert concord("migrate").returncode == 0
    # With a password, so that each account is one entry (no invitation is sent).
    for email in ("a@s.example", "b@s.example"):
        created = concord("createuser", email, "--role", "secretariat", "--password", PASSWORD)
        assert created.returncode == 0, created.stderr
    intact = concord("audit-verify")
    assert (intact.returncode, intact.stdout.splitlines()[-1]) == (0, "The audit trail is intact.")
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute("DELETE FROM audit_auditentry WHERE seq = 2")
        db.execute("DROP TRIGGER audit_refuse_delete")
        db.execute("DELETE FROM audit_auditentry WHERE seq = 2")
    broken = concord("audit-verify")
    assert broken.returncode == 1
    assert "#2: The chain ends at #1 but the head is at #2" in broken.stdout
    assert "The audit trail is broken: 1 problem(s)." in broken.stderr
