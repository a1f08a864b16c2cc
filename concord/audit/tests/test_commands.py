import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.audit.events import AuditEvent
from concord.audit.models import AuditEntry, ChainHead

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
