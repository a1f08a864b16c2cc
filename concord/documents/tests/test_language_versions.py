"""A language version joins a document's latest version only when its structure matches the
text held, through the import service, in one transaction: the Secretariat for any document
the import rules allow, the Chair for a draft."""

from pathlib import Path

import pytest
from django.utils import translation

from concord.audit.events import AuditEvent
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidTransition, NotPermitted
from concord.documents.import_rules import StructureMismatch
from concord.documents.models import ImportStatus, Text
from concord.documents.requests import ImportRequest
from concord.documents.services import adopt_version, import_document, import_text

TEXTS = Path(__file__).parent / "texts"
ENGLISH = (TEXTS / "english-declaration.txt").read_text("utf-8")
RUSSIAN = (TEXTS / "russian-declaration.txt").read_text("utf-8")
SHORT = RUSSIAN.replace("в) развивать меры доверия.", "")


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=ENGLISH, slug="second-summit").text.version


@pytest.fixture
def adopted(draft, secretariat_user):
    adopt_version(actor=actor_for(secretariat_user), version=draft, on=draft.created_at.date())
    return draft


def _add(user, raw=RUSSIAN, **options):
    request = ImportRequest(
        raw=raw, language="ru", slug="second-summit", language_version=True, **options
    )
    return import_document(actor=actor_for(user), request=request)


def test_the_chair_adds_the_russian_text_of_a_draft(chair_user, draft, audit_entries):
    outcome = _add(chair_user)
    assert outcome.status == ImportStatus.IMPORTED
    assert outcome.text.version == draft and outcome.text.imported_by == chair_user
    [entry] = audit_entries(AuditEvent.DOCUMENT_IMPORTED)[-1:]
    assert entry.data["language_version"] is True and entry.data["language"] == "ru"
    assert "added as a language version" in entry.summary


def test_a_dry_run_checks_the_structure_and_writes_nothing(chair_user, draft):
    outcome = _add(chair_user, dry_run=True)
    assert outcome.status == ImportStatus.WOULD_IMPORT
    assert not Text.objects.filter(language="ru").exists()


def test_a_text_whose_structure_differs_is_refused_naming_where(chair_user, draft):
    for dry_run in (True, False):
        with translation.override("en"), pytest.raises(StructureMismatch) as refused:
            _add(chair_user, raw=SHORT, dry_run=dry_run)
        assert refused.value.message == (
            "The structure of the text does not match the English text of "
            "“Declaration of the Second Summit of the Conference on Interaction and Confidence "
            "Building Measures in Asia”: 1 difference."
        )
        [difference] = refused.value.differences
        assert (difference.unit, difference.where) == ("op-2-c", "Operative paragraph 2 (c)")
    assert not Text.objects.filter(language="ru").exists()


def test_only_the_secretariat_adds_a_language_to_an_adopted_document(
    chair_user, secretariat_user, adopted
):
    with pytest.raises(NotPermitted):
        _add(chair_user)
    outcome = _add(secretariat_user)
    assert outcome.text.version == adopted and outcome.text.added_after_adoption


def test_delegations_do_not_add_language_versions(coordinator_user, draft):
    with pytest.raises(NotPermitted):
        _add(coordinator_user)


def test_a_language_the_version_holds_is_not_added_again(chair_user, draft):
    english = ENGLISH.replace("third CICA Summit", "next CICA Summit")
    with pytest.raises(InvalidTransition) as refused:
        import_document(
            actor=actor_for(chair_user),
            request=ImportRequest(
                raw=english, language="en", slug="second-summit", language_version=True
            ),
        )
    assert refused.value.field == "language"
