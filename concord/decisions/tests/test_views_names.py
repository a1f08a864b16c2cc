"""A procedure's page names states and units as a reader does, in the reader's language."""

import re

import pytest
from django.test import Client

from concord.core.actors import SYSTEM, actor_for
from concord.core.tests.pages import visible_text
from concord.decisions import services
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from conftest import PASSWORD

DRAFT = (
    b"Statement on Water\n\nRecognizing the value of water;\n\nNoting the rivers;\n\n"
    b"Decide:\n\n1. We cooperate on water:\n\n(a) rivers;\n\n(b) lakes.\n\n2. We meet.\n"
)


@pytest.fixture
def page_in(secretariat_user, delegate_user):
    """The page of a procedure on a draft that India has joined, in a given language."""
    from concord.documents.services import import_text

    version = import_text(actor=SYSTEM, raw=DRAFT).text.version
    procedure = services.open_procedure(
        actor=SYSTEM,
        request=ProcedureRequest(
            title="Water",
            subject=SubjectRequest("document_adoption", version=version.pk),
            mode="silence",
        ),
    )
    services.state_position(actor=actor_for(delegate_user), procedure_id=procedure.pk, kind="join")

    def page(language: str, user=secretariat_user) -> str:
        client = Client()
        client.cookies["django_language"] = language
        assert client.login(email=user.email, password=PASSWORD)
        return client.get(f"/decisions/{procedure.pk}/").content.decode()

    return page


def board_row(page: str, n: int) -> str:
    rows = re.findall(
        r'<tr class="govuk-table__row"><th class="govuk-table__header" scope="row">.*?</th>'
        r'<td class="govuk-table__cell">(.*?)</td></tr>',
        page,
        re.S,
    )
    return rows[n]


@pytest.mark.parametrize(
    ("language", "joined", "silent"),
    [
        ("en", "India", ["Afghanistan", "Azerbaijan", "Bahrain"]),
        ("ru", "Индия", ["Азербайджан", "Афганистан", "Бангладеш"]),
    ],
)
def test_positions_by_state_name_the_states_alphabetically(page_in, language, joined, silent):
    page = page_in(language)
    assert board_row(page, 0) == joined
    assert board_row(page, 3).split(", ")[:3] == silent
    assert "AF, " not in page and "AZ, " not in page


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        (
            "en",
            ["Title", "Preambular paragraph 1", "Preambular paragraph 2", "Operative formula",
             "Operative paragraph 1", "Operative paragraph 1 (a)", "Operative paragraph 1 (b)",
             "Operative paragraph 2"],
        ),
        (
            "ru",
            ["Название", "Пункт 1 преамбулы", "Пункт 2 преамбулы",
             "Формула постановляющей части", "Пункт 1 постановляющей части",
             "Пункт 1 постановляющей части (a)", "Пункт 1 постановляющей части (b)",
             "Пункт 2 постановляющей части"],
        ),
    ],
)  # fmt: skip
def test_the_text_under_decision_names_its_units(page_in, language, labels):
    page = page_in(language)
    assert re.findall(r'<span class="unit-label">(.*?)</span>', page) == labels
    assert '<span class="code">' not in page


@pytest.mark.parametrize(("language", "heading"), [("en", "Position of India"), ("ru", "Индия")])
def test_the_position_form_names_my_state(page_in, delegate_user, language, heading):
    text = visible_text(page_in(language, delegate_user))
    assert heading in text and "IN" not in text.split()


def test_the_open_form_lists_states_by_name_alone(secretariat_user):
    client = Client()
    assert client.login(email=secretariat_user.email, password=PASSWORD)
    page = client.get("/decisions/open/?subject.type=chairmanship").content.decode()
    options = dict(re.findall(r'<option value="([A-Z]{2})"[^>]*>([^<]+)</option>', page))
    assert options and all(name.strip() and "(" not in name for name in options.values())
    assert "(KZ)" not in visible_text(page)
