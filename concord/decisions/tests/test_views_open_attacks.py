"""The open form's suggested title, for a document whose title is long or holds markup: a title
the procedure can take, shown as text."""

import re

from concord.core.actors import SYSTEM
from concord.decisions.models import TITLE_LIMIT, Procedure
from concord.documents.services import import_text

from .test_views_open import signed_in

EVIL = "<script>alert(1)</script><img src=x onerror=alert(2)>"


def _version(title: str):
    raw = f"{title}\n\nDecide:\n\n1. We cooperate on water.\n"
    return import_text(actor=SYSTEM, raw=raw).text.version


def test_an_empty_title_opens_under_a_suggestion_that_fits(registry, secretariat_user):
    long_title = "Statement on " + " ".join(["water and cooperation"] * 17)
    assert 288 < len(long_title) <= 400
    version = _version(long_title)
    client = signed_in(secretariat_user)
    form = {"subject.type": "document_adoption", "subject.version": version.pk}
    shown = client.get("/decisions/open/", form)
    assert shown.status_code == 200
    response = client.post("/decisions/open/", {**form, "title": "", "mode": "silence"})
    assert response.status_code == 302, re.findall(
        r"error-summary.{0,600}", response.content.decode(), re.S
    )
    title = Procedure.objects.get().title
    assert len(title) <= TITLE_LIMIT and title.startswith("Adoption of Statement on water")


def test_markup_in_a_documents_title_is_text_in_the_suggestion(registry, secretariat_user):
    version = _version(f"Statement {EVIL}")
    client = signed_in(secretariat_user)
    html = client.get(
        "/decisions/open/", {"subject.type": "document_adoption", "subject.version": version.pk}
    ).content.decode()
    assert "<script>alert(1)" not in html and "<img src=x" not in html
