"""What an import may do to a document: it never adopts a draft round a consensus procedure,
and it records a decision taken elsewhere as such (defect 1 of issue 8)."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.utils import translation

from concord.accounts.services import issue_api_token
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.core.exceptions import InvalidTransition
from concord.decisions import services as procedures
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.documents.import_rules import refusal
from concord.documents.models import Document, Text, Version
from concord.documents.services import (
    adopt_version,
    import_text,
    load_seed_documents,
    register_documents,
    seed_files,
)
from conftest import PASSWORD

from .conftest import OPENING

pytestmark = pytest.mark.usefixtures("opening_day")
DRAFT = b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n"
OTHER = b"Statement on Water\n\nDecide:\n\n1. We cooperate on nothing at all.\n"
TRANSLATION = (
    "Заявление о воде\n\nПостановляем:\n\n1. Мы сотрудничаем в области водных ресурсов.\n"
).encode()


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=DRAFT, slug="kill-draft")


@pytest.fixture
def under_decision(officer, draft):
    """A document_adoption procedure open on the draft, and one state objecting."""
    procedure = _open_adoption(officer, draft)
    delegate = actor_for(_delegate("KZ"))
    procedures.state_position(
        actor=delegate, procedure_id=procedure.pk, kind="object", statement="Not this text."
    )
    return procedure


def _open_adoption(officer, draft):
    return procedures.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Statement on Water",
            subject=SubjectRequest("document_adoption", version=draft.text.version_id),
            mode="silence",
        ),
    )


def _delegate(code):
    from concord.accounts.services import create_user

    return create_user(
        actor=SYSTEM,
        email=f"d@{code.lower()}.example",
        role="delegate",
        state=code,
        password=PASSWORD,
    )


def _post(user, raw, **data):
    _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
    upload = SimpleUploadedFile("text.txt", raw, content_type="text/plain")
    return Client().post(
        "/api/documents/import", {"file": upload, **data}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def test_an_import_cannot_adopt_a_text_under_decision(secretariat_user, under_decision):
    response = _post(secretariat_user, OTHER, slug="kill-draft", adopt="true")
    assert response.status_code == 409
    assert response.json()["field"] == "adopt"
    assert "consensus procedure" in response.json()["detail"]
    document = Document.objects.get(slug="kill-draft")
    assert document.status == "circulated" and not document.versions.filter(frozen=True).exists()
    assert Text.objects.filter(version__document=document).count() == 1
    assert Client().get("/documents/kill-draft/").status_code == 404  # still not published


def test_the_procedure_still_decides_after_a_refused_import(secretariat_user, under_decision):
    _post(secretariat_user, OTHER, slug="kill-draft", adopt="true")
    with clock.frozen_at(under_decision.deadline):
        procedures.settle_due()
    under_decision.refresh_from_db()
    assert under_decision.outcome == "not_adopted"
    assert Document.objects.get(slug="kill-draft").status == "draft"


def test_an_import_without_adopt_cannot_change_a_text_under_decision(
    secretariat_user, under_decision
):
    for raw in (OTHER, TRANSLATION):  # a new version, or a language added to the one decided on
        response = _post(secretariat_user, raw, slug="kill-draft")
        assert response.status_code == 409
        assert response.json()["field"] == "slug"
        assert "until the procedure" in response.json()["detail"]
    assert Text.objects.filter(version__document__slug="kill-draft").count() == 1


def test_an_import_cannot_adopt_a_draft(draft, audit_entries):
    before = len(audit_entries())
    with pytest.raises(InvalidTransition, match="consensus procedure") as caught:
        import_text(actor=SYSTEM, raw=OTHER, slug="kill-draft", adopt=True)
    assert caught.value.field == "adopt"
    assert Document.objects.get(slug="kill-draft").status == "draft"
    assert len(audit_entries()) == before


def test_the_dry_run_refuses_what_the_import_refuses(draft):
    with pytest.raises(InvalidTransition, match="consensus procedure"):
        import_text(actor=SYSTEM, raw=OTHER, slug="kill-draft", adopt=True, dry_run=True)


def test_a_draft_still_takes_new_versions_and_languages(draft):
    second = import_text(actor=SYSTEM, raw=OTHER, slug="kill-draft")
    russian = import_text(actor=SYSTEM, raw=TRANSLATION, slug="kill-draft")
    assert (second.text.version.number, russian.text.version.number) == (2, 2)
    assert second.document.status == "draft"


def test_a_new_historical_text_is_recorded_as_adopted(registry, audit_entries):
    outcome = import_text(actor=SYSTEM, raw=DRAFT, slug="water-2025", adopt=True)
    document, version = outcome.document, outcome.text.version
    assert document.status == "adopted" and version.frozen and version.adopted_elsewhere
    [entry] = audit_entries(AuditEvent.DOCUMENT_RECORDED_AS_ADOPTED)
    assert entry.target_id == str(document.pk)
    assert entry.summary == (
        "water-2025 v1 recorded as adopted by import: a decision taken elsewhere"
    )
    assert entry.data == {"version": 1, "language": "en", "adopted_on": None}


def test_the_page_says_the_adoption_was_recorded_by_import(registry):
    import_text(actor=SYSTEM, raw=DRAFT, slug="water-2025", adopt=True)
    english = Client().get("/documents/water-2025/").content.decode()
    assert "Recorded as adopted by import" in english
    with translation.override("ru"):  # the request leaves its language active: restore it
        russian = Client().get("/documents/water-2025/", HTTP_ACCEPT_LANGUAGE="ru")
    assert "Записан как принятый при импорте" in russian.content.decode()


def test_the_seed_is_recorded_as_adopted(registry, audit_entries):
    register_documents(actor=SYSTEM)
    [seed] = load_seed_documents(actor=SYSTEM)
    assert seed.text.version.adopted_elsewhere
    [entry] = audit_entries(AuditEvent.DOCUMENT_RECORDED_AS_ADOPTED)
    assert entry.data["adopted_on"] == "2006-06-17"


def test_a_registered_document_needs_adopt_to_take_its_text(registry):
    register_documents(actor=SYSTEM)
    [(slug, path)] = seed_files()
    with pytest.raises(InvalidTransition, match="registered as adopted") as caught:
        import_text(actor=SYSTEM, raw=path.read_bytes(), slug=slug)
    assert caught.value.field == "adopt"
    assert not Text.objects.exists()


def test_a_procedure_adoption_is_not_marked_as_recorded(officer, draft):
    procedure = _open_adoption(officer, draft)
    with clock.frozen_at(procedure.deadline):
        procedures.settle_due()
    version = draft.text.version
    version.refresh_from_db()
    assert version.frozen and not version.adopted_elsewhere
    client = Client()
    client.login(email="officer@secretariat.example", password=PASSWORD)
    assert (
        "Recorded as adopted by import" not in client.get("/documents/kill-draft/").content.decode()
    )


def test_an_adopted_document_takes_no_other_version_by_import(officer, draft):
    later = import_text(actor=SYSTEM, raw=OTHER, slug="kill-draft")
    adopt_version(actor=SYSTEM, version=draft.text.version, on=OPENING.date())
    with pytest.raises(InvalidTransition, match="adopted already") as caught:
        import_text(
            actor=SYSTEM, raw=OTHER.replace(b"nothing", b"little"), slug="kill-draft", adopt=True
        )
    assert caught.value.field == "adopt"
    later.text.version.refresh_from_db()
    assert not later.text.version.frozen


def test_a_translation_joins_the_adopted_version(registry):
    english = import_text(actor=SYSTEM, raw=DRAFT, slug="water-2025", adopt=True)
    russian = import_text(actor=SYSTEM, raw=TRANSLATION, slug="water-2025")
    assert russian.text.version == english.text.version


FROZEN, OPEN = Version(frozen=True), Version(frozen=False)


@pytest.mark.parametrize(
    ("status", "latest", "held", "adopt", "field"),
    [
        ("circulated", OPEN, True, True, "adopt"),
        ("circulated", OPEN, False, False, "slug"),
        ("draft", OPEN, True, True, "adopt"),
        ("draft", OPEN, True, False, None),  # a new version of the draft
        ("draft", OPEN, False, False, None),  # a language added to the latest version
        ("superseded", FROZEN, True, True, "adopt"),
        ("adopted", None, False, False, "adopt"),  # registered: its text needs adopt
        ("adopted", None, False, True, None),  # registered: recorded as adopted
        ("adopted", FROZEN, True, False, "file"),  # the adopted text is frozen
        ("adopted", FROZEN, False, True, None),  # a translation of the adopted text
        ("adopted", OPEN, False, True, "adopt"),  # a later version is not adopted by import
        ("adopted", OPEN, False, False, None),  # ... but it is drafting history
    ],
)
def test_every_rule_of_the_import(status, latest, held, adopt, field):
    refused = refusal(status, latest=latest, held=held, adopt=adopt)
    assert (refused[0] if refused else None) == field


DATED = b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n\nAlmaty, 17 June 2026\n"


def test_the_import_page_refuses_to_adopt_a_text_under_decision(officer, secretariat_user):
    draft = import_text(actor=SYSTEM, raw=DATED, slug="kill-draft")
    _open_adoption(officer, draft)
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    changed = SimpleUploadedFile("water.txt", DATED.replace(b"on water", b"on nothing"))
    response = client.post("/documents/import/", {"files": [changed], "adopt": "on"})
    assert response.status_code == 409
    summary = response.content.decode().split('data-testid="import-summary"')[1]
    assert "<strong>Already adopted (a historical document)" in summary
    # By its title, with a link, never by its slug.
    linked = f'“<a href="/drafts/kill-draft/" class="govuk-link">{draft.document.title}</a>”'
    assert f"{linked} is under a consensus procedure: only that procedure can adopt" in summary
    assert "kill-draft is" not in summary
    assert Document.objects.get(slug="kill-draft").status == "circulated"


def test_the_command_refuses_to_adopt_a_draft_naming_the_option(draft, tmp_path):
    path = tmp_path / "water.txt"
    path.write_bytes(OTHER)
    err = StringIO()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command(
            "import-document", str(path), "--slug", "kill-draft", "--adopt",
            stdout=StringIO(), stderr=err,
        )  # fmt: skip
    held = f"refused: {path}: --adopt: “{draft.document.title}” is a draft held in Concord"
    assert held in err.getvalue()


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "is adopted: its English text is frozen and cannot be replaced."),
        ("ru", "принят: его текст на английском языке зафиксирован и не может быть заменён."),
    ],
)
def test_the_refusal_of_a_frozen_text_names_its_language_in_words(registry, language, said):
    import_text(actor=SYSTEM, raw=DRAFT, slug="water-2025", adopt=True)
    with translation.override(language), pytest.raises(InvalidTransition) as caught:
        import_text(actor=SYSTEM, raw=OTHER, slug="water-2025")
    assert caught.value.field == "file"
    assert said in str(caught.value) and " en " not in str(caught.value)
