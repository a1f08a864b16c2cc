"""POST /api/documents/{slug}/languages: a dry run and an addition, a refusal listing each
difference, and who may call it."""

from pathlib import Path

import pytest
from django.test import Client

from concord.accounts.services import issue_api_token
from concord.core.actors import SYSTEM
from concord.documents.models import Text
from concord.documents.services import import_text

TEXTS = Path(__file__).parent / "texts"
ENGLISH = (TEXTS / "english-declaration.txt").read_text("utf-8")
RUSSIAN = (TEXTS / "russian-declaration.txt").read_text("utf-8")
URL = "/api/documents/second-summit/languages"


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=ENGLISH, slug="second-summit").text.version


def _post(user, **body):
    token = issue_api_token(actor=SYSTEM, user=user, name="t")[1]
    return Client().post(
        URL, body, content_type="application/json", HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def test_a_dry_run_counts_then_the_text_is_added(chair_user, draft):
    checked = _post(chair_user, language="ru", text=RUSSIAN, dry_run=True)
    assert checked.status_code == 200
    assert checked.json()["status"] == "would import"
    assert checked.json()["counts"] == {
        "preamble": 5, "paragraphs": 3, "items": 3, "sections": 2, "annexes": 0
    }  # fmt: skip
    assert not Text.objects.filter(language="ru").exists()
    added = _post(chair_user, language="ru", text=RUSSIAN)
    assert added.status_code == 201 and added.json()["status"] == "imported"
    assert draft.texts.filter(language="ru").exists()


def test_a_mismatch_is_422_with_each_difference(secretariat_user, draft):
    short = RUSSIAN.replace("в) развивать меры доверия.", "")
    response = _post(secretariat_user, language="ru", text=short, dry_run=True)
    assert response.status_code == 422
    body = response.json()
    assert body["field"] == "text" and body["detail"].endswith("1 difference.")
    assert body["differences"] == [
        {
            "unit": "op-2-c",
            "change": "missing",
            "where": "Operative paragraph 2 (c)",
            "what": "missing from the Russian text (expected after line 33)",
            "line": 33,
        }
    ]


def test_a_delegation_may_not_add_a_language_version(coordinator_user, draft):
    assert _post(coordinator_user, language="ru", text=RUSSIAN).status_code == 403
