"""Opening a procedure: first the subject, then only its fields; a suggested title; the silence
procedure of two weeks by default; when the deadline falls in the reader's time zone and UTC."""

import datetime as dt
import re

import pytest
from django.test import Client, override_settings

from concord.core.actors import SYSTEM
from concord.decisions.models import Procedure
from conftest import PASSWORD

DRAFT = b"Statement on Water\n\nDecide:\n\n1. We cooperate on water.\n"


def signed_in(user, language="en") -> Client:
    client = Client()
    client.cookies["django_language"] = language
    assert client.login(email=user.email, password=PASSWORD)
    return client


@pytest.fixture
def version(registry):
    from concord.documents.services import import_text

    return import_text(actor=SYSTEM, raw=DRAFT).text.version


def names(html: str) -> set[str]:
    """The names of the fields of the procedure's own form (not the subject step's)."""
    form = html.split('id="procedure-form"')[1]
    return set(re.findall(r'name="([^"]+)"', form)) - {"csrfmiddlewaretoken"}


def value_of(html: str, name: str) -> str:
    found = re.search(rf'<input type="text" name="{re.escape(name)}" value="([^"]*)"', html)
    return found.group(1) if found else ""


def words(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).split())


def test_without_a_subject_the_form_asks_for_one_first(secretariat_user):
    html = signed_in(secretariat_user).get("/decisions/open/").content.decode()
    assert 'data-testid="subject-step"' in html and "Choose the subject" in html
    assert names(html) == set()


@pytest.mark.parametrize(
    ("subject", "shown", "hidden"),
    [
        ("document_adoption", {"subject.version"}, {"subject.state", "subject.text"}),
        ("accession", {"subject.state"}, {"subject.version", "subject.meeting.title"}),
        ("text", {"subject.text"}, {"subject.state", "subject.catalogue.text"}),
        ("meeting", {"subject.meeting.title", "subject.meeting.starts_on"}, {"subject.state"}),
    ],
)
def test_the_form_shows_only_the_fields_of_the_chosen_subject(
    secretariat_user, subject, shown, hidden
):
    html = signed_in(secretariat_user).get("/decisions/open/", {"subject.type": subject})
    fields = names(html.content.decode())
    assert shown <= fields and not hidden & fields
    assert {"title", "mode", "deadline", "subject.type"} <= fields


@pytest.mark.parametrize(
    ("language", "adoption", "accession"),
    [
        ("en", "Adoption of Statement on Water", "Accession of India"),
        ("ru", "Принятие документа «Statement on Water»", "Присоединение к СВМДА: Индия"),
    ],
)
def test_the_form_suggests_a_title(secretariat_user, version, language, adoption, accession):
    client = signed_in(secretariat_user, language)
    asked = {"subject.type": "document_adoption", "subject.version": version.pk}
    assert value_of(client.get("/decisions/open/", asked).content.decode(), "title") == adoption
    asked = {"subject.type": "accession", "subject.state": "IN"}
    assert value_of(client.get("/decisions/open/", asked).content.decode(), "title") == accession


def test_a_title_written_by_the_user_is_kept(secretariat_user, version):
    client = signed_in(secretariat_user)
    asked = {"subject.type": "accession", "subject.state": "IN", "title": "Accession of India",
             "suggested": "Accession of India"}  # fmt: skip
    # The state changed: a title still as suggested follows it ...
    html = client.get("/decisions/open/", {**asked, "subject.state": "JP"}).content.decode()
    assert value_of(html, "title") == "Accession of Japan"
    # ... one the user wrote stays.
    html = client.get(
        "/decisions/open/", {**asked, "subject.state": "JP", "title": "Japan joins"}
    ).content.decode()
    assert value_of(html, "title") == "Japan joins"


def test_an_empty_title_opens_the_procedure_under_the_suggested_one(secretariat_user, version):
    response = signed_in(secretariat_user).post(
        "/decisions/open/",
        {"title": "", "subject.type": "document_adoption", "subject.version": version.pk,
         "mode": "silence"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Procedure.objects.get().title == "Adoption of Statement on Water"


def test_a_text_defaults_to_the_silence_procedure_of_two_weeks(secretariat_user):
    client = signed_in(secretariat_user)
    html = client.get("/decisions/open/", {"subject.type": "text"}).content.decode()
    assert '<option value="silence" selected>' in html
    assert "The deadline falls on 11 December 2026, 09:00 (UTC)." in words(html)
    response = client.post(
        "/decisions/open/",
        {"title": "CICA Day", "subject.type": "text", "subject.text": "We agree.",
         "mode": "silence"},
    )  # fmt: skip
    assert response.status_code == 302
    assert Procedure.objects.get().deadline == dt.datetime(2026, 12, 11, 9, tzinfo=dt.UTC)


@override_settings(TIME_ZONE="Asia/Tokyo")
@pytest.mark.parametrize(
    ("language", "label", "falls"),
    [
        (
            "en",
            "Deadline (Asia/Tokyo), for a silence procedure",
            "The deadline falls on 1 December 2026, 10:00 (Asia/Tokyo); "
            "1 December 2026, 01:00 UTC.",
        ),
        (
            "ru",
            "Срок (Asia/Tokyo) для режима молчания",
            "Срок истекает 1 декабря 2026, 10:00 (Asia/Tokyo); 1 декабря 2026, 01:00 UTC.",
        ),
    ],
)
def test_the_deadline_is_read_and_shown_in_the_readers_time_zone(
    secretariat_user, language, label, falls
):
    client = signed_in(secretariat_user, language)
    asked = {"subject.type": "text", "mode": "silence", "deadline": "2026-12-01T10:00"}
    html = words(client.get("/decisions/open/", asked).content.decode())
    assert label in html and falls in html
    response = client.post(
        "/decisions/open/", {**asked, "title": "CICA Day", "subject.text": "We agree."}
    )
    assert response.status_code == 302
    assert Procedure.objects.get().deadline == dt.datetime(2026, 12, 1, 1, tzinfo=dt.UTC)


def test_in_session_there_is_no_deadline_to_show(secretariat_user):
    asked = {"subject.type": "text", "mode": "in_session"}
    html = signed_in(secretariat_user).get("/decisions/open/", asked).content.decode()
    assert "An in-session procedure has no deadline: the Chair closes it." in html


def test_a_post_without_a_subject_says_so(secretariat_user):
    response = signed_in(secretariat_user).post("/decisions/open/", {"title": "X"})
    assert response.status_code == 422
    assert 'data-testid="error-summary"' in response.content.decode()


def test_the_fields_that_move_the_title_or_deadline_ask_again(secretariat_user):
    html = signed_in(secretariat_user).get("/decisions/open/", {"subject.type": "accession"})
    select = re.search(r'<select name="subject.state"[^>]*>', html.content.decode()).group(0)
    assert 'hx-get="/decisions/open/"' in select and 'hx-trigger="change"' in select


def test_an_unreadable_deadline_is_not_said_to_fall_anywhere(secretariat_user):
    asked = {"subject.type": "text", "mode": "silence", "deadline": "soon"}
    html = signed_in(secretariat_user).get("/decisions/open/", asked).content.decode()
    assert "The deadline falls on" not in html and "has no deadline" not in html


def test_the_error_summary_lists_each_refusal_and_links_to_its_field(secretariat_user, version):
    client = signed_in(secretariat_user)
    asked = {"subject.type": "document_adoption", "subject.version": version.pk, "mode": "silence"}
    assert client.post("/decisions/open/", {**asked, "title": ""}).status_code == 302
    response = client.post("/decisions/open/", {**asked, "title": ""})
    assert response.status_code in (409, 422)
    html = response.content.decode()
    summary = html.split('data-testid="error-summary"')[1].split("</ul>")[0]
    assert 'href="#id_subject.version"' in summary and 'id="id_subject.version"' in html
    assert words(summary).endswith(
        "Document version under decision: A procedure on the adoption of “Statement on Water” "
        "is already open."
    )  # one link to the field, none nested in it; the field's own message links the draft
    assert '<a href="/drafts/statement-2026-11-27/" class="govuk-link">' in html
