"""The page that adds a language version: checked first, refused naming each difference and
its line, added on confirmation; the side-by-side view aligns the two texts unit by unit."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.core.actors import SYSTEM, actor_for
from concord.documents.models import Text
from concord.documents.services import adopt_version, import_text
from conftest import PASSWORD

TEXTS = Path(__file__).parent / "texts"
ENGLISH = (TEXTS / "english-declaration.txt").read_text("utf-8")
RUSSIAN = (TEXTS / "russian-declaration.txt").read_text("utf-8")
SHORT = RUSSIAN.replace("в) развивать меры доверия.", "")
PAGE = "/documents/second-summit/languages/"


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=ENGLISH, slug="second-summit").text.version


def _signed_in(user) -> Client:
    client = Client()
    client.login(email=user.email, password=PASSWORD)
    return client


def test_the_chair_checks_then_adds_the_russian_text_of_a_draft(chair_user, draft):
    client = _signed_in(chair_user)
    assert 'data-testid="add-language"' in client.get("/drafts/second-summit/").content.decode()
    assert 'name="language"' in client.get(PAGE).content.decode()
    checked = client.post(PAGE, {"language": "ru", "text": RUSSIAN})
    html = checked.content.decode()
    assert checked.status_code == 200 and 'data-testid="structure-match"' in html
    assert "5 preambular paragraphs" in html and "3 operative paragraphs" in html
    assert not Text.objects.filter(language="ru").exists()
    added = client.post(PAGE, {"language": "ru", "text": RUSSIAN, "confirm": "True"})
    assert added.status_code == 302
    assert added["Location"] == "/documents/second-summit/?lang=ru&view=both"
    assert draft.texts.get(language="ru").imported_by == chair_user


def test_a_file_is_checked_as_a_pasted_text_is(secretariat_user, draft):
    upload = SimpleUploadedFile("ru.txt", RUSSIAN.encode("cp1251"))
    response = _signed_in(secretariat_user).post(PAGE, {"language": "ru", "file": upload})
    assert response.status_code == 200
    assert "Встретившись в Алматы" in response.content.decode()  # carried to the confirmation


def test_a_mismatch_is_refused_with_each_difference_and_its_line(secretariat_user, draft):
    response = _signed_in(secretariat_user).post(
        PAGE, {"language": "ru", "text": SHORT, "confirm": "True"}
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert 'data-testid="error-summary"' in html
    table = html.split('data-testid="structure-differences"')[1]
    assert '<th class="govuk-table__header" scope="row">Operative paragraph 2 (c)</th>' in table
    assert "missing from the Russian text (expected after line 33)" in table
    assert not Text.objects.filter(language="ru").exists()


def test_nothing_pasted_is_refused_at_the_field(secretariat_user, draft):
    response = _signed_in(secretariat_user).post(PAGE, {"language": "ru", "text": " "})
    assert response.status_code == 422
    assert "Paste the text, or choose a file." in response.content.decode()


def test_the_chair_may_not_add_a_language_to_an_adopted_document(
    chair_user, secretariat_user, draft
):
    adopt_version(actor=actor_for(secretariat_user), version=draft, on=draft.created_at.date())
    client = _signed_in(chair_user)
    assert client.get(PAGE).status_code == 403
    assert (
        'data-testid="add-language"' not in client.get("/documents/second-summit/").content.decode()
    )
    assert 'data-testid="add-language"' in (
        _signed_in(secretariat_user).get("/documents/second-summit/").content.decode()
    )


def test_side_by_side_rows_align_with_a_blank_cell_where_a_unit_is_missing(secretariat_user, draft):
    import_text(actor=SYSTEM, raw=SHORT, slug="second-summit", language="ru")  # the CLI's way
    html = (
        _signed_in(secretariat_user)
        .get("/documents/second-summit/", {"lang": "en", "view": "both"})
        .content.decode()
    )
    row = html.split('id="op-2-c"')[1].split('class="aligned-row')[0]
    assert "to develop confidence building measures." in row
    assert "Not in the Russian text" in row
    both = html.split('id="op-2-b"')[1].split('class="aligned-row')[0]
    assert "to exchange information;" in both and "обмениваться информацией;" in both
