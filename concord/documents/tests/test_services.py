import datetime as dt

import pytest
import yaml

from concord.audit.events import AuditEvent
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput, InvalidTransition, NotPermitted
from concord.documents.models import Document, Reference, Text, Unit
from concord.documents.services import (
    DATA_DIR,
    REGISTER_FILE,
    import_text,
    load_seed_documents,
    register_documents,
)

SEED = (DATA_DIR / "cica-2006-almaty-declaration.txt").read_bytes()


@pytest.fixture
def documents(registry):
    register_documents(actor=SYSTEM)


@pytest.fixture
def seed(documents):
    [outcome] = load_seed_documents(actor=SYSTEM)
    return outcome


def test_seed_becomes_the_adopted_declaration_of_the_second_summit(seed, audit_entries):
    document = seed.document
    assert document.slug == "almaty-declaration-2006"
    assert (document.status, document.body.code, str(document.adopted_on)) == (
        "adopted",
        "summit",
        "2006-06-17",
    )
    version = document.versions.get()
    assert version.frozen
    text = version.texts.get()
    assert text.language == "en"
    assert len(text.structure["paragraphs"]) == 25
    assert audit_entries(AuditEvent.DOCUMENT_IMPORTED)[-1].target_id == str(document.pk)


def test_units_are_addressable(seed):
    uids = set(Unit.objects.filter(text=seed.text).values_list("uid", flat=True))
    assert {
        "pre-1",
        "pre-7",
        "op-1",
        "op-8",
        "op-8-2",
        "op-8-8",
        "op-25",
        "sec-I",
        "sec-VI",
    } <= uids


def test_mentions_link_to_registered_documents(seed):
    targets = set(
        Reference.objects.filter(unit__text=seed.text).values_list("target__slug", flat=True)
    )
    assert {
        "almaty-act-2002",
        "declaration-on-principles-1999",
        "catalogue-of-cbms-2004",
        "un-charter",
    } <= targets
    first = Reference.objects.filter(unit__uid="pre-4", target__slug="almaty-act-2002").get()
    assert first.phrase == "Almaty Act"


def test_importing_the_same_text_again_changes_nothing(seed, audit_entries):
    before = (Text.objects.count(), Unit.objects.count(), len(audit_entries()))
    crlf = SEED.replace(b"\n", b"\r\n")
    outcome = import_text(actor=SYSTEM, raw=b"\xef\xbb\xbf" + crlf)
    assert outcome.status == "unchanged"
    assert (Text.objects.count(), Unit.objects.count(), len(audit_entries())) == before


def test_a_changed_text_of_an_adopted_document_is_refused(seed):
    changed = SEED.replace(
        b"We decide to hold the 3rd CICA Summit in 2010.", b"We decide to hold it later."
    )
    with pytest.raises(InvalidTransition, match="frozen"):
        import_text(actor=SYSTEM, raw=changed, slug="almaty-declaration-2006")
    assert Text.objects.count() == 1


def test_errors_name_the_line_and_nothing_is_written(documents, audit_entries):
    gap = b"Declaration of Testing\n\nDECLARE THE FOLLOWING:\n\n1. One.\n\n3. Three.\n"
    before = (Document.objects.count(), len(audit_entries()))
    with pytest.raises(InvalidInput, match=r"line 7") as caught:
        import_text(actor=SYSTEM, raw=gap)
    assert caught.value.field == "file"
    assert (Document.objects.count(), len(audit_entries())) == before


def test_empty_and_binary_files_are_refused(documents):
    with pytest.raises(InvalidInput, match="empty"):
        import_text(actor=SYSTEM, raw=b"")
    with pytest.raises(InvalidInput, match="binary"):
        import_text(actor=SYSTEM, raw=b"\x00\x01\x02PK")


def test_dry_run_changes_nothing(documents):
    outcome = import_text(actor=SYSTEM, raw=SEED, adopt=True, dry_run=True)
    assert outcome.status == "would import" and outcome.slug == "almaty-declaration-2006"
    assert not Text.objects.exists()


def test_only_the_secretariat_imports(delegate_user, actor_of):
    with pytest.raises(NotPermitted, match=r"Only the Secretariat can import documents\."):
        import_text(actor=actor_of(delegate_user), raw=SEED)


def test_registering_again_changes_nothing(documents, audit_entries):
    count = len(audit_entries(AuditEvent.DOCUMENTS_REGISTERED))
    assert register_documents(actor=SYSTEM) == {"created": {}, "updated": {}}
    assert len(audit_entries(AuditEvent.DOCUMENTS_REGISTERED)) == count == 1


def test_control_characters_mark_a_binary_file(documents):
    with pytest.raises(InvalidInput, match=r"line 2: binary file \(control character U\+0001\)"):
        import_text(actor=SYSTEM, raw=b"Declaration\n\x01T},D\n")


def test_registering_again_never_adopts_a_draft_held_in_concord(documents, tmp_path):
    """Only a consensus procedure adopts a draft: a later register that lists its slug (as
    adopted) leaves it a draft."""
    draft = import_text(actor=SYSTEM, raw=b"Statement on Water\n\nDecide:\n\n1. We agree.\n")
    rows = yaml.safe_load(REGISTER_FILE.read_text("utf-8"))
    rows["documents"].append(
        {
            "slug": draft.document.slug,
            "doc_type": "statement",
            "title_en": "Statement on Water",
            "adopted_on": "2026-06-01",
        }
    )
    (tmp_path / "register.yaml").write_text(yaml.safe_dump(rows, allow_unicode=True))

    assert register_documents(actor=SYSTEM, path=tmp_path / "register.yaml") == {
        "created": {},
        "updated": {},
    }

    draft.document.refresh_from_db()
    assert (draft.document.status, draft.document.adopted_on) == ("draft", None)


def test_registering_again_leaves_a_document_a_procedure_adopted(documents, tmp_path):
    from concord.documents.services import adopt_version
    from concord.meetings.models import Meeting

    draft = import_text(actor=SYSTEM, raw=b"Statement on Water\n\nDecide:\n\n1. We agree.\n")
    baku = Meeting(
        title_en="Baku meeting", title_ru="Бакинская встреча", place_en="Baku", place_ru="Баку"
    )
    adopt_version(actor=SYSTEM, version=draft.text.version, on=dt.date(2026, 6, 1), at=baku)
    rows = yaml.safe_load(REGISTER_FILE.read_text("utf-8"))
    rows["documents"].append(
        {
            "slug": draft.document.slug,
            "doc_type": "statement",
            "title_en": "Water",
            "adopted_on": "2026-05-01",
        }
    )
    (tmp_path / "register.yaml").write_text(yaml.safe_dump(rows, allow_unicode=True))

    assert register_documents(actor=SYSTEM, path=tmp_path / "register.yaml") == {
        "created": {},
        "updated": {},
    }

    draft.document.refresh_from_db()
    assert (draft.document.title_en, draft.document.adopted_on, draft.document.place) == (
        "Statement on Water",
        dt.date(2026, 6, 1),
        "Baku",
    )
