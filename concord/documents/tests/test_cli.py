import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from concord.core.actors import SYSTEM
from concord.documents.models import Text
from concord.documents.services import DATA_DIR, register_documents

SEED = DATA_DIR / "cica-2006-almaty-declaration.txt"


@pytest.fixture
def documents(registry):
    register_documents(actor=SYSTEM)


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import-document", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_prints_the_tree_and_changes_nothing(documents):
    out, _err = run(str(SEED), "--adopt", "--dry-run")
    assert (
        "section I" in out
        and "op-8  8 block(s)" in out
        and "formula: DECLARE THE FOLLOWING:" in out
    )
    assert "Summary: 1 would import." in out
    assert "document: almaty-declaration-2006\n" in out  # the document it would go into
    assert not Text.objects.exists()


def test_a_language_its_letters_are_not_in_is_refused_naming_the_option(documents):
    err = StringIO()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command(
            "import-document", str(SEED), "--language", "ru", stdout=StringIO(), stderr=err
        )
    refused = "--language: The text is declared Russian, but most of its letters are Latin"
    assert refused in err.getvalue()


def test_dry_run_json_is_the_api_structure(documents):
    out, _err = run(str(SEED), "--adopt", "--dry-run", "--json")
    tree = json.loads(out)
    assert tree["title"].startswith("Declaration of the Second Summit")
    assert len(tree["paragraphs"]) == 25


def test_a_folder_imports_each_file_and_sums_up(documents, tmp_path):
    (tmp_path / "seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "gap.txt").write_text("Declaration on X\n\nDecide:\n\n1. One.\n\n3. Three.\n")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")  # not a text: not picked up
    out, err = run(str(tmp_path), "--adopt")  # the seed's document is registered as adopted
    assert "imported:" in out and "Summary: 1 imported, 1 refused." in out
    assert "gap.txt: line 7: paragraph 3 follows paragraph 1 (expected 2)" in err
    out, _err = run(str(tmp_path / "seed.txt"))
    assert "Summary: 1 unchanged." in out


def test_nothing_importable_is_an_error(documents, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match="nothing imported"):
        run(str(tmp_path / "empty.txt"))
    with pytest.raises(CommandError, match="no such file or folder"):
        run(str(tmp_path / "missing.txt"))
