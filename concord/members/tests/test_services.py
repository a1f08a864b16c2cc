import shutil

import pytest
import yaml

from concord.audit.events import AuditEvent
from concord.core.actors import SYSTEM
from concord.core.exceptions import NotPermitted
from concord.members.models import Membership, Participant
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
