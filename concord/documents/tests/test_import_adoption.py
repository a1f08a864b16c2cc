"""An adopting import records only a decision taken elsewhere: it never adopts, under any slug,
a text Concord holds as a draft or has put to a procedure, and a dry run answers as the import
does."""

from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from concord.accounts.services import issue_api_token
from concord.core.actors import SYSTEM
from concord.core.exceptions import DomainError, InvalidTransition
from concord.decisions import services as procedures
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.documents import lookalikes, resemblance
from concord.documents.models import Document, Text
from concord.documents.services import import_text
from conftest import PASSWORD

from .conftest import OPENING

pytestmark = pytest.mark.usefixtures("opening_day")
DRAFT = (
    b"Statement on Water\n\n"
    b"Recognizing the value of shared rivers;\n\n"
    b"Mindful of the needs of the region;\n\n"
    b"Decide:\n\n"
    b"1. We cooperate on water.\n\n"
    b"2. We exchange data on the flow of rivers every month.\n\n"
    b"3. We meet once a year to review this cooperation.\n\n"
    b"4. We ask the Secretariat to report on its progress.\n"
)
# A slightly changed text of the draft: one paragraph reworded, the title and numbering changed.
RESEMBLING = (
    b"Statement of Almaty on Water Resources\n\n"
    b"Recognizing the value of shared rivers,\n\n"
    b"Mindful of the needs of the region,\n\n"
    b"Decide:\n\n"
    b"1. We cooperate on water and energy.\n\n"
    b"2. We exchange data on the flow of rivers every month.\n\n"
    b"3. We meet once a year to review this cooperation.\n\n"
    b"4. We ask the Secretariat to report on its progress.\n"
)
HISTORICAL = (
    b"Statement on Energy\n\n"
    b"Recognizing the value of shared rivers;\n\n"
    b"Decide:\n\n"
    b"1. We cooperate on energy.\n\n"
    b"2. We build a common grid.\n\n"
    b"3. We meet every two years.\n"
)


@pytest.fixture
def draft(registry):
    return import_text(actor=SYSTEM, raw=DRAFT, slug="water-draft")


def _post(user, raw, **data):
    _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
    upload = SimpleUploadedFile("text.txt", raw, content_type="text/plain")
    return Client().post(
        "/api/documents/import", {"file": upload, **data}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def _refusal(dry_run: bool, **kwargs) -> DomainError:
    with pytest.raises(DomainError) as caught:
        import_text(actor=SYSTEM, dry_run=dry_run, **kwargs)
    return caught.value


def _same_refusal(**kwargs) -> DomainError:
    """The dry run refuses as the import does, with the same message, field and status."""
    dry, real = _refusal(True, **kwargs), _refusal(False, **kwargs)
    assert (dry.message, dry.field, dry.status) == (real.message, real.field, real.status)
    return real


def test_a_changed_text_of_a_draft_is_not_adopted_under_a_new_slug(draft):
    refused = _same_refusal(raw=RESEMBLING, adopt=True)
    assert isinstance(refused, InvalidTransition) and refused.field == "adopt"
    assert refused.message == (
        "This text reproduces the draft “Statement on Water” (version 1): 86% of its wording "
        "is found in that text, and 90% of that text's wording in it (compared in runs of five "
        "words). Only a consensus procedure can adopt a text held in Concord, not an import."
    )
    assert list(Document.objects.values_list("slug", "status")) == [("water-draft", "draft")]


def test_the_api_refuses_it_with_409_naming_the_draft(secretariat_user, draft):
    response = _post(secretariat_user, RESEMBLING, adopt="true", slug="water-2026")
    assert response.status_code == 409
    assert response.json()["field"] == "adopt"
    assert "the draft “Statement on Water” (version 1)" in response.json()["detail"]
    assert not Document.objects.filter(slug="water-2026").exists()


def test_a_text_padded_with_paragraphs_of_its_own_is_still_refused(draft):
    padding = b"".join(b"\n\n%d. We note item %d of the agenda." % (n, n) for n in range(5, 29))
    refused = _same_refusal(raw=RESEMBLING.rstrip() + padding + b"\n", adopt=True)
    assert "22% of its wording is found in that text, and 90% of that text's" in refused.message


def test_a_changed_text_under_a_procedure_is_not_adopted(officer, draft):
    procedures.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Statement on Water",
            subject=SubjectRequest("document_adoption", version=draft.text.version_id),
            mode="silence",
        ),
    )
    refused = _same_refusal(raw=RESEMBLING, adopt=True)
    assert refused.message.startswith("This text reproduces the draft “Statement on Water”")


def test_an_earlier_version_of_a_draft_is_held_too(draft):
    import_text(actor=SYSTEM, raw=HISTORICAL, slug="water-draft")  # version 2
    refused = _same_refusal(raw=RESEMBLING, adopt=True)
    assert "the draft “Statement on Water” (version 1)" in refused.message


def test_the_free_text_of_an_open_procedure_is_held(officer, registry):
    procedures.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Water cooperation",
            subject=SubjectRequest("text", text=DRAFT.decode()),
            mode="silence",
        ),
    )
    refused = _same_refusal(raw=RESEMBLING, adopt=True)
    assert refused.message.startswith(
        "This text reproduces the text of the open procedure “Water cooperation”"
    )


def test_a_historical_text_matching_nothing_held_is_adopted(draft):
    dry = import_text(actor=SYSTEM, raw=HISTORICAL, adopt=True, dry_run=True)
    outcome = import_text(actor=SYSTEM, raw=HISTORICAL, adopt=True)
    assert (dry.status, outcome.status) == ("would import", "imported")
    assert outcome.document.status == "adopted" and outcome.text.version.adopted_elsewhere


def test_a_resembling_text_may_still_be_held_as_a_draft(draft):
    outcome = import_text(actor=SYSTEM, raw=RESEMBLING)
    assert outcome.document.status == "draft" and outcome.document.slug != "water-draft"


def test_an_adopted_text_is_not_held(officer, draft):
    from concord.documents.services import adopt_version

    adopt_version(actor=officer, version=draft.text.version, on=OPENING.date())
    outcome = import_text(actor=SYSTEM, raw=RESEMBLING, adopt=True)
    assert outcome.status == "imported" and outcome.document.status == "adopted"


def test_adopting_the_unchanged_text_of_a_draft_is_refused(draft, audit_entries):
    before = len(audit_entries())
    refused = _same_refusal(raw=DRAFT, adopt=True)
    assert isinstance(refused, InvalidTransition) and refused.field == "adopt"
    assert refused.message == (
        "This text is held already as the draft “Statement on Water” (version 1): only a "
        "consensus procedure can adopt it, not an import."
    )
    assert Document.objects.get(slug="water-draft").status == "draft"
    assert len(audit_entries()) == before


def test_the_api_refuses_the_unchanged_draft_with_409(secretariat_user, draft):
    for dry_run in ("true", "false"):
        response = _post(secretariat_user, DRAFT, adopt="true", dry_run=dry_run)
        assert response.status_code == 409, dry_run
        assert response.json()["field"] == "adopt"


def test_the_unchanged_text_without_adopt_is_still_unchanged(draft):
    for dry_run in (True, False):
        outcome = import_text(actor=SYSTEM, raw=DRAFT, dry_run=dry_run)
        assert (outcome.status, outcome.document.slug) == ("unchanged", "water-draft")


def test_an_adopted_text_imported_again_with_adopt_is_unchanged(registry):
    first = import_text(actor=SYSTEM, raw=HISTORICAL, slug="energy-2006", adopt=True)
    again = import_text(actor=SYSTEM, raw=HISTORICAL, slug="energy-2006", adopt=True)
    assert again.status == "unchanged" and again.text == first.text


@pytest.mark.parametrize("slug", ["energy-2006", "water-2030"])
def test_a_text_held_under_another_document_is_refused_naming_it(draft, slug):
    if slug == "energy-2006":  # an existing document, or a new one
        import_text(actor=SYSTEM, raw=HISTORICAL, slug=slug, adopt=True)
    refused = _same_refusal(raw=DRAFT, slug=slug)
    assert isinstance(refused, InvalidTransition) and refused.field == "slug"
    assert refused.message == (
        "This text is held already in “Statement on Water”; it cannot be imported into "
        "another document as well."
    )
    assert Text.objects.filter(version__document__slug="water-draft").count() == 1
    assert not Document.objects.filter(slug="water-2030").exists()


def test_the_api_answers_409_for_a_text_held_under_another_document(secretariat_user, draft):
    response = _post(secretariat_user, DRAFT, slug="water-2030")
    assert response.status_code == 409
    assert response.json()["field"] == "slug"
    assert "“Statement on Water”" in response.json()["detail"]


def test_the_same_slug_answers_unchanged(draft):
    outcome = import_text(actor=SYSTEM, raw=DRAFT, slug="water-draft")
    assert outcome.status == "unchanged"


def test_the_command_refuses_a_resembling_text(draft, tmp_path):
    path = tmp_path / "water.txt"
    path.write_bytes(RESEMBLING)
    err = StringIO()
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import-document", str(path), "--adopt", stdout=StringIO(), stderr=err)
    assert f"refused: {path}: --adopt: This text reproduces the draft" in err.getvalue()


def test_the_import_page_refuses_a_resembling_text(secretariat_user, draft):
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    upload = SimpleUploadedFile("water.txt", RESEMBLING)
    response = client.post("/documents/import/", {"files": [upload], "adopt": "on"})
    assert response.status_code == 409
    summary = response.content.decode().split('data-testid="import-summary"')[1]
    assert "This text reproduces the draft “Statement on Water”" in summary


@pytest.mark.parametrize(
    ("imported", "held", "refused"),
    [
        ({"a", "b", "c", "d"}, {"a", "b", "x", "y", "z"}, True),  # half of the import
        ({"a", "b", "c"}, {"a", "x", "y", "z"}, False),  # a third, a quarter
        ({"a", "b", "c", "d", "e", "f"}, {"a", "b"}, True),  # the whole held text, padded
        ({"a"}, {"x"}, False),
        (set(), {"x"}, False),
    ],
)
def test_the_rule_of_resemblance(imported, held, refused):
    text = resemblance.HeldText("held", frozenset(held))
    found = resemblance.closest(frozenset(imported), [text])
    assert (found is not None) == refused


def test_wording_compares_without_case_punctuation_or_spacing():
    assert lookalikes.words("  We  cooperate, on WATER;") == ["we", "cooperate", "on", "water"]
    assert lookalikes.words("«Мы» сотрудничаем —  в области воды.") == lookalikes.words(
        "мы сотрудничаем в области воды"
    )
