"""A text held for a decision does not become part of an adopted version by any way round: not
as a new language of an adopted document, not under a wrong language label, and not disguised
by letters that look alike, invisible characters or paragraphs cut up differently."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation

from concord.accounts.services import issue_api_token
from concord.core.actors import SYSTEM
from concord.core.exceptions import DomainError, InvalidInput, InvalidTransition
from concord.decisions import services as procedures
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.documents import lookalikes, resemblance
from concord.documents.models import Text
from concord.documents.services import (
    adopt_version,
    import_text,
    load_seed_documents,
    register_documents,
)

from .conftest import OPENING

pytestmark = pytest.mark.usefixtures("opening_day")
ALMATY = "almaty-declaration-2006"
DRAFT = (
    "Statement on Water\n\n"
    "Recognizing the value of the rivers shared by the States of the region;\n\n"
    "Mindful of the needs of the people who live along their banks;\n\n"
    "Decide:\n\n"
    "1. We cooperate on the management of water resources in the region.\n\n"
    "2. We exchange data on the flow of rivers every month through the Secretariat.\n\n"
    "3. We meet once a year to review this cooperation and to plan its next steps.\n\n"
    "4. We ask the Secretariat to report to each meeting on the progress of this work.\n"
)
RUSSIAN_DRAFT = (
    "Заявление о воде\n\n"
    "Признавая ценность рек, общих для государств региона;\n\n"
    "Учитывая потребности людей, живущих на их берегах;\n\n"
    "Постановляем:\n\n"
    "1. Мы сотрудничаем в управлении водными ресурсами региона.\n\n"
    "2. Мы ежемесячно обмениваемся через Секретариат данными о стоке рек.\n\n"
    "3. Мы встречаемся раз в год, чтобы рассмотреть это сотрудничество и наметить его шаги.\n\n"
    "4. Мы просим Секретариат докладывать каждому совещанию о ходе этой работы.\n"
)
# A translation no one holds: Russian for the Almaty Declaration, say.
TRANSLATION = (
    "Декларация второго саммита СВМДА\n\n"
    "Вновь подтверждая приверженность целям и принципам Устава ООН;\n\n"
    "Заявляем:\n\n"
    "1. Мы продолжим диалог и взаимодействие в Азии.\n"
)


def _light_change(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


RUSSIAN_CHANGED = _light_change(RUSSIAN_DRAFT, "водными ресурсами", "водными и энергоресурсами")
ENGLISH_CHANGED = _light_change(DRAFT, "water resources", "water and energy resources")


@pytest.fixture
def almaty(registry):
    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)
    return Text.objects.get(version__document__slug=ALMATY).version


def _under_procedure(officer, raw: str, slug: str):
    draft = import_text(actor=SYSTEM, raw=raw.encode(), slug=slug)
    procedures.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Statement on Water",
            subject=SubjectRequest("document_adoption", version=draft.text.version_id),
            mode="silence",
        ),
    )
    return draft


def _post(user, raw: str, **data):
    _t, token = issue_api_token(actor=SYSTEM, user=user, name="t")
    upload = SimpleUploadedFile("text.txt", raw.encode(), content_type="text/plain")
    return Client().post(
        "/api/documents/import", {"file": upload, **data}, HTTP_AUTHORIZATION=f"Bearer {token}"
    )


def _same_refusal(**kwargs) -> DomainError:
    """The dry run refuses as the import does, with the same message, field and status."""
    refusals = []
    for dry_run in (True, False):
        with pytest.raises(DomainError) as caught:
            import_text(actor=SYSTEM, dry_run=dry_run, **kwargs)
        refusals.append(caught.value)
    dry, real = refusals
    assert (dry.message, dry.field, dry.status) == (real.message, real.field, real.status)
    return real


# A held draft does not join an adopted version as a language.


def test_a_held_draft_does_not_join_an_adopted_document_as_its_russian(
    secretariat_user, officer, almaty
):
    _under_procedure(officer, RUSSIAN_DRAFT, "water-draft")
    for dry_run in ("true", "false"):
        response = _post(
            secretariat_user, RUSSIAN_CHANGED, slug=ALMATY, language="ru", dry_run=dry_run
        )
        assert response.status_code == 409, dry_run
        assert response.json()["field"] == "file"
        assert response.json()["detail"].startswith(
            "This text reproduces the draft “Заявление о воде” (version 1):"
        )
    assert not almaty.texts.filter(language="ru").exists()


def test_nor_a_version_a_procedure_adopted(officer, registry):
    english = import_text(actor=SYSTEM, raw=DRAFT.encode(), slug="water")
    adopt_version(actor=officer, version=english.text.version, on=OPENING.date())
    import_text(actor=SYSTEM, raw=RUSSIAN_DRAFT.encode(), slug="water-2030")
    refused = _same_refusal(raw=RUSSIAN_CHANGED.encode(), slug="water")
    assert isinstance(refused, InvalidTransition) and refused.field == "file"
    assert refused.message.startswith(
        "This text reproduces the draft “Заявление о воде” (version 1):"
    )
    assert refused.message.endswith(
        "Only a consensus procedure can adopt a text held in Concord: it cannot join the "
        "adopted “Statement on Water” by import."
    )
    assert not english.text.version.texts.filter(language="ru").exists()


def test_a_translation_no_one_holds_still_joins(secretariat_user, officer, almaty):
    _under_procedure(officer, RUSSIAN_DRAFT, "water-draft")
    response = _post(secretariat_user, TRANSLATION, slug=ALMATY, language="ru")
    assert response.status_code == 201 and response.json()["slug"] == ALMATY
    assert almaty.texts.filter(language="ru").exists()


# The language a text is declared in is the one its letters are written in.


def test_an_english_draft_declared_russian_is_refused(secretariat_user, officer, almaty):
    _under_procedure(officer, DRAFT, "water-draft")
    for raw in (DRAFT, ENGLISH_CHANGED):
        for dry_run in ("true", "false"):
            response = _post(secretariat_user, raw, slug=ALMATY, language="ru", dry_run=dry_run)
            assert response.status_code == 422, dry_run
            assert response.json()["field"] == "language"
            assert response.json()["detail"] == (
                "The text is declared Russian, but most of its letters are Latin: declare the "
                "language it is written in."
            )
    assert not almaty.texts.filter(language="ru").exists()


def test_a_russian_text_declared_english_is_refused(registry):
    refused = _same_refusal(raw=TRANSLATION.encode(), language="en")
    assert isinstance(refused, InvalidInput) and refused.field == "language"
    assert refused.message == (
        "The text is declared English, but most of its letters are Cyrillic: declare the "
        "language it is written in."
    )


def test_the_refusals_are_in_russian(officer, registry):
    english = import_text(actor=SYSTEM, raw=DRAFT.encode(), slug="water")
    adopt_version(actor=officer, version=english.text.version, on=OPENING.date())
    import_text(actor=SYSTEM, raw=RUSSIAN_DRAFT.encode(), slug="water-2030")
    with translation.override("ru"):
        joins = _same_refusal(raw=RUSSIAN_CHANGED.encode(), slug="water")
        mislabelled = _same_refusal(raw=TRANSLATION.encode(), language="en")
    assert joins.message.startswith("Этот текст воспроизводит проект «Заявление о воде»")
    assert joins.message.endswith(
        "импортом он не может войти в принятый документ «Statement on Water»."
    )
    assert mislabelled.message.startswith("Текст заявлен как английский")


def test_look_alike_letters_do_not_make_english_russian(registry):
    disguised = DRAFT.translate(str.maketrans("aceopxyAEOPCTHKM", "асеорхуАЕОРСТНКМ"))
    refused = _same_refusal(raw=disguised.encode(), language="ru")
    assert refused.field == "language"


def test_a_declared_language_that_is_the_texts_is_taken(registry):
    quoting = TRANSLATION.replace("ООН", "ООН (United Nations Charter, San Francisco)")
    assert import_text(actor=SYSTEM, raw=quoting.encode(), language="ru").status == "imported"
    assert import_text(actor=SYSTEM, raw=DRAFT.encode(), language="en").status == "imported"


# Nothing a reader cannot see hides a held text.


def _renumbered(paragraphs: list[str]) -> str:
    preamble = "\n\n".join(p for p in paragraphs if not p[0].isdigit())
    numbered = [p.split(". ", 1)[1] for p in paragraphs if p[0].isdigit()]
    body = "\n\n".join(f"{n}. {p}" for n, p in enumerate(numbered, start=1))
    return f"Statement on Water\n\n{preamble}\n\nDecide:\n\n{body}\n"


def _parts(text: str) -> list[str]:
    blocks = text.strip().split("\n\n")
    return [b for b in blocks if b not in ("Statement on Water", "Decide:")]


def _split_in_two(text: str) -> str:
    halves = []
    for block in _parts(text):
        words = block.split(" ")
        middle = len(words) // 2
        head, tail = " ".join(words[:middle]), " ".join(words[middle:])
        if block[0].isdigit():
            halves += [f"{head}.", f"0. {tail}"]
        else:
            halves += [f"{head};", tail]
    return _renumbered(halves)


def _merged_in_pairs(text: str) -> str:
    parts, merged = _parts(text), []
    for first, second in zip(parts[::2], parts[1::2], strict=True):
        second = second.split(". ", 1)[1] if second[0].isdigit() else second
        merged.append(f"{first} {second}")
    return _renumbered(merged)


DISGUISES = {
    "Cyrillic е and о for Latin e and o": lambda t: t.replace("e", "е").replace("o", "о"),
    "Greek and Cyrillic capitals": lambda t: t.translate(str.maketrans("SWM", "ЅԜΜ")),
    "full-width and mathematical letters": lambda t: t.replace("a", "ａ").replace("r", "𝐫"),
    "a zero-width space inside every word": lambda t: " ".join(
        w[:2] + "\u200b" + w[2:] for w in t.split(" ")
    ),
    "soft hyphens and word joiners": lambda t: t.replace("at", "a\xadt").replace("re", "r\u2060e"),
    "every paragraph split in two": _split_in_two,
    "paragraphs merged in pairs": _merged_in_pairs,
}


@pytest.mark.parametrize("disguise", DISGUISES.values(), ids=DISGUISES.keys())
def test_a_disguised_draft_is_not_adopted(registry, disguise):
    import_text(actor=SYSTEM, raw=DRAFT.encode(), slug="water-draft")
    disguised = disguise(DRAFT)
    assert disguised != DRAFT
    refused = _same_refusal(raw=disguised.encode(), adopt=True)
    assert isinstance(refused, InvalidTransition) and refused.field == "adopt"
    assert refused.message.startswith(
        "This text reproduces the draft “Statement on Water” (version 1):"
    )


def test_a_text_quoting_a_paragraph_of_a_draft_is_adopted(registry):
    import_text(actor=SYSTEM, raw=DRAFT.encode(), slug="water-draft")
    quoting = (
        "Statement on Energy\n\n"
        "Recognizing the value of the rivers shared by the States of the region;\n\n"
        "Decide:\n\n"
        "1. We build a common electricity grid linking the capitals of the region.\n\n"
        "2. We open the grid to trade in electricity between all the member States.\n\n"
        "3. We set up a council of the ministers of energy, which meets twice a year.\n"
    )
    assert import_text(actor=SYSTEM, raw=quoting.encode(), adopt=True).status == "imported"


def test_the_skeleton_ignores_what_a_reader_cannot_see():
    plain = lookalikes.words("We cooperate on water.")
    assert plain == ["we", "cooperate", "on", "water"]
    for disguised in (
        "Wе cооperate on water.",  # Cyrillic е, о
        "WE COOPERATE ON WATER",
        "We co\u00adoperate on wa\u200bter",
        "Ｗｅ cooperate on water",
    ):
        assert lookalikes.words(disguised) == plain, disguised
    assert lookalikes.words("Мы сотрудничаем") == lookalikes.words("МЫ  «сотрудничаем»")
    # Greek capital Mu, Cyrillic capital Ve: both cases of a letter fold alike.
    assert lookalikes.words("Μindful, Вeing") == lookalikes.words("MINDFUL, being")


def test_shingles_run_across_paragraphs():
    units = [("paragraph", "one two three"), ("title", "left out"), ("paragraph", "four five six")]
    assert resemblance.shingles(units) == frozenset(
        {("one", "two", "three", "four", "five"), ("two", "three", "four", "five", "six")}
    )
    assert resemblance.shingles([("paragraph", "just three words")]) == frozenset(
        {("just", "three", "words")}
    )
