import datetime as dt
import shutil

import pytest
import yaml

from concord.audit.events import AuditEvent
from concord.core.actors import SYSTEM
from concord.core.exceptions import NotPermitted
from concord.members.models import Chairmanship, Membership, Participant
from concord.members.services import DATA_DIR, load_reference_data


def test_first_load_creates_the_registry_and_one_audit_entry(db, audit_entries):
    summary = load_reference_data(actor=SYSTEM)
    assert summary["created"]["participant"] == Participant.objects.count() == 45
    assert summary["updated"] == {}
    [entry] = audit_entries(AuditEvent.REFERENCE_DATA_LOADED)
    assert entry.actor_label == "SYSTEM"
    assert entry.data["created"]["membership"] == Membership.objects.count()


def test_loading_again_changes_nothing_and_writes_no_audit_entry(registry, audit_entries):
    before = list(Membership.objects.values())
    assert load_reference_data(actor=SYSTEM) == {"created": {}, "updated": {}}
    assert list(Membership.objects.values()) == before
    assert len(audit_entries(AuditEvent.REFERENCE_DATA_LOADED)) == 1


def test_a_corrected_fact_updates_the_row_and_keeps_what_the_forum_added(
    registry, tmp_path, audit_entries
):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    participants = yaml.safe_load((data / "participants.yaml").read_text())
    participants["states"][0]["name_ru"] = "Исправлено"
    (data / "participants.yaml").write_text(yaml.safe_dump(participants, allow_unicode=True))
    added = Participant.objects.create(kind="state", code="ZZ", name_en="Test", name_ru="Тест")

    summary = load_reference_data(actor=SYSTEM, data_dir=data)

    assert summary == {"created": {}, "updated": {"participant": 1}}
    assert Participant.objects.get(code=participants["states"][0]["code"]).name_ru == "Исправлено"
    assert Participant.objects.filter(pk=added.pk).exists()
    assert "1 participant updated" in audit_entries(AuditEvent.REFERENCE_DATA_LOADED)[-1].summary


def test_only_the_system_loads_reference_data(coordinator_user, actor_of):
    with pytest.raises(NotPermitted, match="loaded by the system"):
        load_reference_data(actor=actor_of(coordinator_user))


def test_a_reload_keeps_an_observer_status_a_decision_ended(registry):
    from concord.members.services import end_observer_status

    belarus = Participant.objects.get(code="BY")
    end_observer_status(actor=SYSTEM, participant=belarus, until=dt.date(2026, 3, 1))

    assert load_reference_data(actor=SYSTEM) == {"created": {}, "updated": {}}

    observer = Membership.objects.get(participant=belarus, status=Membership.Status.OBSERVER)
    assert (observer.until, observer.until_precision) == (dt.date(2026, 3, 1), "day")


def test_a_reload_keeps_an_accession_and_the_observer_period_it_closed(registry):
    from concord.members.services import admit_member

    japan = Participant.objects.get(code="JP")
    admit_member(
        actor=SYSTEM, participant=japan, since=dt.date(2026, 3, 1), source="consensus procedure #7"
    )

    assert load_reference_data(actor=SYSTEM) == {"created": {}, "updated": {}}

    periods = Membership.objects.filter(participant=japan).order_by("since")
    assert [(m.status, m.until, m.source) for m in periods][-2:] == [
        (Membership.Status.OBSERVER, dt.date(2026, 3, 1), periods[0].source),
        (Membership.Status.MEMBER, None, "consensus procedure #7"),
    ]


def test_a_reload_keeps_a_chairmanship_handed_over_by_a_decision(registry):
    from concord.members.services import hand_over_chairmanship

    kazakhstan = Participant.objects.get(code="KZ")
    hand_over_chairmanship(actor=SYSTEM, participant=kazakhstan, since=dt.date(2026, 10, 1))

    assert load_reference_data(actor=SYSTEM) == {"created": {}, "updated": {}}

    terms = Chairmanship.objects.order_by("-since")[:2]
    assert [(t.participant.code, t.since, t.until) for t in terms] == [
        ("KZ", dt.date(2026, 10, 1), None),
        ("AZ", dt.date(2024, 12, 17), dt.date(2026, 10, 1)),
    ]


def test_a_reload_leaves_a_row_a_decision_made_even_when_the_file_now_lists_it(registry, tmp_path):
    """A later release of the files may list what the forum decided meanwhile; the row the
    decision made stays as the decision made it (its source names the procedure)."""
    from concord.members.services import hand_over_chairmanship

    kazakhstan = Participant.objects.get(code="KZ")
    hand_over_chairmanship(
        actor=SYSTEM,
        participant=kazakhstan,
        since=dt.date(2026, 10, 1),
        source="consensus procedure #9",
    )
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    terms = yaml.safe_load((data / "chairmanships.yaml").read_text())
    terms.append(
        {
            "state": "CN",
            "since": dt.date(2026, 10, 1),
            "until": dt.date(2027, 1, 1),
            "source": "https://example.org/fact-sheet-2027",
        }
    )
    (data / "chairmanships.yaml").write_text(yaml.safe_dump(terms, allow_unicode=True))

    assert load_reference_data(actor=SYSTEM, data_dir=data) == {"created": {}, "updated": {}}

    term = Chairmanship.objects.get(since=dt.date(2026, 10, 1))
    assert (term.participant.code, term.until, term.source) == (
        "KZ",
        None,
        "consensus procedure #9",
    )
