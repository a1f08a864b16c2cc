"""What the pages say by the kind of a unit and the status of a document or an import."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from concord.core.actors import SYSTEM
from concord.documents.services import import_text
from conftest import PASSWORD

ACT = (Path(__file__).parent / "texts" / "act-with-articles.txt").read_bytes()
RULES = b"RULES OF PROCEDURE\n\nRule 1. Quorum\n\nTwo thirds of the Member States.\n"
WATER = b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n\nAlmaty, 5 October 2025\n"


@pytest.fixture
def secretariat(secretariat_user):
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    return client


def summary(response) -> str:
    return response.content.decode().split('data-testid="import-summary"')[1]


def import_water(client, language="en", **fields):
    upload = SimpleUploadedFile("water.txt", WATER)
    return summary(
        client.post(
            "/documents/import/", {"files": [upload], **fields}, HTTP_ACCEPT_LANGUAGE=language
        )
    )


def test_the_import_summary_says_what_became_of_each_text(secretariat):
    assert "would import (dry run)" in import_water(secretariat, dry_run="on")
    assert '<td class="govuk-table__cell">imported</td>' in import_water(secretariat)
    assert '<td class="govuk-table__cell">unchanged</td>' in import_water(secretariat)


def test_the_import_summary_says_it_in_russian(secretariat):
    assert "будет импортирован (пробный запуск)" in import_water(secretariat, "ru", dry_run="on")
    assert '<td class="govuk-table__cell">импортирован</td>' in import_water(secretariat, "ru")


def test_the_list_marks_a_document_not_yet_adopted(registry, secretariat):
    draft = import_text(actor=SYSTEM, raw=WATER).document
    adopted = import_text(actor=SYSTEM, raw=ACT, adopt=True).document
    rows = {
        row.split('href="/documents/')[1].split("/")[0]: row
        for row in secretariat.get("/documents/")
        .content.decode()
        .split('<tr class="govuk-table__row">')[2:]
    }
    assert '<span class="muted">(Draft)</span>' in rows[draft.slug]
    assert "muted" not in rows[adopted.slug]


def test_an_adopted_document_links_to_its_versions_a_draft_to_its_comparison(registry, secretariat):
    draft = import_text(actor=SYSTEM, raw=WATER).document
    adopted = import_text(actor=SYSTEM, raw=ACT, adopt=True).document
    assert (
        "Versions and amendments" in secretariat.get(f"/documents/{adopted.slug}/").content.decode()
    )
    draft_page = secretariat.get(f"/documents/{draft.slug}/").content.decode()
    assert "Versions, amendments and comparison" in draft_page


def test_an_article_s_heading_carries_its_number_a_rule_s_does_not(registry):
    act = import_text(actor=SYSTEM, raw=ACT, adopt=True).document
    rules = import_text(actor=SYSTEM, raw=RULES, adopt=True).document
    page = Client().get(f"/documents/{act.slug}/").content.decode()
    assert '<h4 class="article-heading">Article 2. Functions</h4>' in page
    export = Client().get(f"/api/documents/{act.slug}/export/html").content.decode()
    assert '<h4 class="article-heading">Article 2. Functions</h4>' in export
    ruled = Client().get(f"/documents/{rules.slug}/").content.decode()
    assert '<h4 class="article-heading">Quorum</h4>' in ruled
