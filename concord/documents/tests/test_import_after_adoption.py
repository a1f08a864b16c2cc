"""A language added by import to a version a procedure adopted is allowed, and never unnoticed:
the text, the audit trail, the page and the API say it came after the adoption."""

import datetime as dt
from importlib import import_module
from io import StringIO

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from concord.accounts.services import issue_api_token
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.documents.models import Text
from concord.documents.services import adopt_version, import_text
from conftest import PASSWORD

ADOPTED_ON = dt.date(2026, 11, 27)
LATER = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
ENGLISH = b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n"
RUSSIAN = (
    "Заявление о воде\n\nПостановляем:\n\n1. Мы сотрудничаем в области водных ресурсов.\n"
).encode()


@pytest.fixture
def adopted(secretariat_user):
    """A draft adopted by a procedure (its effect: the version frozen, not adopted elsewhere)."""
    draft = import_text(actor=SYSTEM, raw=ENGLISH, slug="water")
    adopt_version(actor=actor_for(secretariat_user), version=draft.text.version, on=ADOPTED_ON)
    return draft.text.version


def _import_russian(user):
    _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
    upload = SimpleUploadedFile("ru.txt", RUSSIAN, content_type="text/plain")
    with clock.frozen_at(LATER):
        return Client().post(
            "/api/documents/import",
            {"file": upload, "slug": "water"},
            HTTP_AUTHORIZATION=f"Bearer {token}",
        )


def test_a_language_added_after_adoption_is_flagged(secretariat_user, adopted, audit_entries):
    response = _import_russian(secretariat_user)
    assert response.status_code == 201 and response.json()["added_after_adoption"] is True
    russian = adopted.texts.get(language="ru")
    english = adopted.texts.get(language="en")
    assert russian.added_after_adoption and not english.added_after_adoption
    assert russian.imported_by == secretariat_user
    [entry] = audit_entries(AuditEvent.DOCUMENT_TEXT_ADDED_AFTER_ADOPTION)
    assert entry.summary == (
        "water v1 [ru] added after its adoption by procedure on 2026-11-27: 1 paragraphs, "
        "0 references"
    )
    assert entry.data["added_after_adoption"] is True and entry.data["language"] == "ru"
    assert entry.actor_user == secretariat_user
    # One entry for the change, under its own event.
    assert [e.data["language"] for e in audit_entries(AuditEvent.DOCUMENT_IMPORTED)] == ["en"]


def test_the_dry_run_says_the_same(secretariat_user, adopted):
    dry = import_text(actor=SYSTEM, raw=RUSSIAN, slug="water", dry_run=True)
    assert dry.status == "would import" and dry.added_after_adoption
    real = import_text(actor=SYSTEM, raw=RUSSIAN, slug="water")
    assert real.status == "imported" and real.added_after_adoption


def test_the_import_page_and_the_command_say_so(secretariat_user, adopted, tmp_path):
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    # The page names no document: a text joins the one adopted on the day it gives, of its type.
    dated = RUSSIAN + "\nАлматы, 27 ноября 2026 года\n".encode()
    upload = SimpleUploadedFile("ru.txt", dated)
    response = client.post("/documents/import/", {"files": [upload], "dry_run": "on"})
    summary = response.content.decode().split('data-testid="import-summary"')[1]
    assert "Added after the adoption of the version it joins" in summary
    path = tmp_path / "ru.txt"
    path.write_bytes(RUSSIAN)
    out = StringIO()
    call_command("import-document", str(path), "--slug", "water", stdout=out, stderr=StringIO())
    assert out.getvalue().splitlines()[1] == "  note: added after the version's adoption"


def test_the_page_notes_the_language_added_after_adoption(secretariat_user, adopted):
    secretariat_user.display_name = "Aliya Seitkali"
    secretariat_user.save(update_fields=["display_name"])
    _import_russian(secretariat_user)
    public = Client().get("/documents/water/").content.decode()
    note = (
        '<p class="govuk-body-s note" role="note" data-testid="added-after-adoption">'
        "Russian text added after adoption, on 3 December 2026, by the Secretariat.</p>"
    )
    assert note in public
    officer = Client()
    officer.login(email=secretariat_user.email, password=PASSWORD)
    page = officer.get("/documents/water/").content.decode()
    assert "Russian text added after adoption, on 3 December 2026, by Aliya Seitkali." in page
    with translation.override("ru"):
        russian = Client().get("/documents/water/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "Русский текст добавлен после принятия, 3 декабря 2026, Секретариатом." in russian


def test_the_api_exposes_the_flag(secretariat_user, adopted):
    _import_russian(secretariat_user)
    russian = Client().get("/api/documents/water", {"lang": "ru"}).json()
    english = Client().get("/api/documents/water", {"lang": "en"}).json()
    assert russian["added_after_adoption"] is True and english["added_after_adoption"] is False


def test_a_translation_of_a_text_recorded_as_adopted_is_not_flagged(registry, audit_entries):
    import_text(actor=SYSTEM, raw=ENGLISH, slug="water", adopt=True)
    outcome = import_text(actor=SYSTEM, raw=RUSSIAN, slug="water")
    assert not outcome.text.added_after_adoption and not outcome.added_after_adoption
    assert not audit_entries(AuditEvent.DOCUMENT_TEXT_ADDED_AFTER_ADOPTION)
    assert "added after adoption" not in Client().get("/documents/water/").content.decode()


def test_a_language_added_to_a_draft_is_not_flagged(registry):
    import_text(actor=SYSTEM, raw=ENGLISH, slug="water")
    outcome = import_text(actor=SYSTEM, raw=RUSSIAN, slug="water")
    assert not outcome.text.added_after_adoption


def test_texts_added_before_the_flag_existed_are_marked(secretariat_user, adopted):
    _import_russian(secretariat_user)
    Text.objects.update(added_after_adoption=False, imported_by=None)  # as they were stored
    migration = import_module("concord.documents.migrations.0005_text_added_after_adoption")
    migration.mark_texts_added_after_adoption(apps, None)
    marked = Text.objects.filter(added_after_adoption=True)
    assert [(t.language, t.imported_by) for t in marked] == [("ru", secretariat_user)]
