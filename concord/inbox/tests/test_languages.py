"""Each person reads a message, and its e-mail, in their own language with times in their own
time zone, whoever caused it and in whatever language; every message links to its item."""

import datetime as dt

import pytest
from django.db import transaction
from django.utils import translation

from concord.accounts.services import create_user, set_user_active
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.decisions import services as decisions
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.inbox import services
from concord.inbox.models import Delivery, Message, MessageKind
from conftest import PASSWORD

NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
DEADLINE = dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(NOW):
        yield


def prefer(user, language="", zone=""):
    user.language, user.time_zone = language, zone
    user.save(update_fields=["language", "time_zone"])
    return user


def open_on_water(actor):
    request = ProcedureRequest(
        title="Declaration on water",
        subject=SubjectRequest("text", text="We agree."),
        mode="silence",
        deadline=DEADLINE,
    )
    return decisions.open_procedure(actor=actor, request=request)


def test_a_russian_reader_is_told_in_russian_when_an_english_officer_opens(
    coordinator_user, secretariat_user
):
    prefer(coordinator_user, "ru", "Asia/Almaty")
    cn = create_user(
        actor=SYSTEM, email="c@cn.example", role="coordinator", state="CN", password=PASSWORD
    )
    with translation.override("en"):
        procedure = open_on_water(actor_for(secretariat_user))
    russian = Message.objects.get(recipient=coordinator_user)
    assert russian.subject == "Открыта процедура: Declaration on water"
    assert "4 декабря 2026, 17:00 (Asia/Almaty)" in russian.body
    assert russian.link == f"/decisions/{procedure.pk}/"
    english = Message.objects.get(recipient=cn)
    assert english.subject == "Procedure opened: Declaration on water"
    assert "4 December 2026, 12:00 (UTC)" in english.body
    email = Delivery.objects.get(recipient=coordinator_user)
    assert email.subject == russian.subject
    assert email.body.startswith(russian.body)
    assert email.body.endswith(f"/decisions/{procedure.pk}/")


def test_what_was_written_stays_when_the_reader_changes_language(coordinator_user, chair_user):
    prefer(coordinator_user, "ru")
    open_on_water(actor_for(chair_user))
    prefer(coordinator_user, "en")
    assert Message.objects.get(recipient=coordinator_user).subject.startswith("Открыта")


def test_readers_who_share_a_language_and_zone_are_written_for_once(
    coordinator_user, secretariat_user
):
    calls = []

    def write():
        calls.append(translation.get_language())
        return "S", "B"

    others = [
        create_user(actor=SYSTEM, email=f"c@{c}.example", role="coordinator", state=c)
        for c in ("CN", "IN", "TH")
    ]
    prefer(others[0], "ru")
    with transaction.atomic():
        services.send(
            recipients=[coordinator_user, *others], kind="k", write=write, link="/decisions/1/"
        )
    assert sorted(calls) == ["en", "ru"]
    assert Message.objects.count() == 4


def test_a_message_without_a_link_to_its_item_is_refused(coordinator_user):
    with pytest.raises(ValueError, match="needs the link"), transaction.atomic():
        services.send(recipients=[coordinator_user], kind="k", subject="S", body="B", link="")


def test_every_kind_of_message_links_to_its_item(coordinator_user, secretariat_user):
    """Each sender in Concord: opening, reminder and outcome of a procedure, an account made
    or reactivated for one's state, a new version of a draft, one that supersedes the text
    under decision, and the procedure reopened on it."""
    from concord.decisions.superseding import reopen_on_version
    from concord.documents.services import import_text
    from concord.drafting import services as drafting
    from concord.drafting.requests import AmendmentRequest

    officer = actor_for(secretariat_user)
    procedure = open_on_water(officer)
    with clock.frozen_at(DEADLINE - dt.timedelta(hours=47)):
        assert decisions.remind(procedure.pk)
    with clock.frozen_at(DEADLINE):
        assert decisions.settle(procedure.pk)
    delegate = create_user(actor=officer, email="d@kz.example", role="delegate", state="KZ")
    set_user_active(actor=officer, user=delegate, active=False)
    set_user_active(actor=officer, user=delegate, active=True)
    raw = b"Statement\n\nRecognizing water;\n\nDecide:\n\n1. We agree.\n"
    version = import_text(actor=SYSTEM, raw=raw).document.versions.get(number=1)
    amendment = drafting.propose_amendment(
        actor=actor_for(delegate),
        request=AmendmentRequest(
            version_id=version.pk, language="en", kind="edit", unit="op-1",
            text="We agree on water.", rationale="Clearer.",
        ),
    )  # fmt: skip
    drafting.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    adoption = decisions.open_procedure(
        actor=officer,
        request=ProcedureRequest(
            title="Adoption of the Statement",
            subject=SubjectRequest("document_adoption", version=version.pk),
            mode="silence",
        ),
    )
    drafting.incorporate_amendments(actor=officer, version_id=version.pk)  # supersedes v1
    reopen_on_version(actor=officer, procedure_id=adoption.pk, reason="Version 2 is agreed.")
    kinds = set(Message.objects.values_list("kind", flat=True))
    assert (
        {
            MessageKind.PROCEDURE_OPENED,
            MessageKind.PROCEDURE_REMINDER,
            MessageKind.PROCEDURE_OUTCOME,
            MessageKind.ACCOUNT_CREATED,
            MessageKind.ACCOUNT_REACTIVATED,
            MessageKind.DRAFT_VERSION,
            MessageKind.PROCEDURE_VERSION_SUPERSEDED,
            MessageKind.PROCEDURE_REOPENED,
        }
        == kinds
        == set(MessageKind)
    )
    assert not Message.objects.filter(link="").exists()
