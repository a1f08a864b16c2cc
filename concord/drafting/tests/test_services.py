import pytest

from concord.audit.events import AuditEvent
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound, NotPermitted
from concord.documents import selectors as documents
from concord.documents.services import adopt_version
from concord.drafting import selectors, services
from concord.drafting.models import Amendment
from concord.drafting.requests import AmendmentRequest
from concord.inbox.models import Message


@pytest.fixture
def v1(draft):
    return draft.versions.get(number=1)


@pytest.fixture
def delegation(delegate_user, actor_of):
    return actor_of(delegate_user)  # India


@pytest.fixture
def officer(secretariat_user, actor_of):
    return actor_of(secretariat_user)


def propose(actor, version, **kwargs):
    args = {"language": "en", "kind": "edit", "unit": "op-1", "rationale": "Clarity."}
    args.update(kwargs)
    if args["kind"] in ("edit", "replace", "insert"):
        args.setdefault("text", "We decide to hold the 8th Summit in Astana in 2030.")
    return services.propose_amendment(
        actor=actor, request=AmendmentRequest(version_id=version.pk, **args)
    )


def test_a_delegation_proposes_and_it_is_numbered_and_audited(v1, delegation, audit_entries):
    first = propose(delegation, v1)
    second = propose(delegation, v1, kind="delete", unit="op-2-b")
    assert (first.number, second.number) == (1, 2)
    assert (first.participant.code, first.status, second.text) == ("IN", "proposed", "")
    entries = audit_entries(AuditEvent.AMENDMENT_PROPOSED)
    assert len(entries) == 2 and "proposed by IN: delete op-2-b" in entries[1].summary


@pytest.mark.parametrize("who", ["observer_user", "secretariat_user"])
def test_only_a_member_delegation_proposes(v1, who, request, actor_of):
    with pytest.raises(NotPermitted):
        propose(actor_of(request.getfixturevalue(who)), v1)
    assert not Amendment.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"rationale": "  "}, "rationale"),
        ({"unit": "op-7"}, "unit"),
        ({"unit": "formula", "kind": "delete"}, "unit"),
        ({"language": "ru"}, "language"),
        ({"kind": "merge"}, "kind"),
        ({"kind": "insert", "place": "inside"}, "place"),
        ({"kind": "replace", "text": ""}, "text"),
    ],
)
def test_bad_proposals_name_the_field(v1, delegation, kwargs, field):
    with pytest.raises(InvalidInput) as caught:
        propose(delegation, v1, **kwargs)
    assert caught.value.field == field
    assert not Amendment.objects.exists()


def test_accepting_checks_the_amendment_still_applies_beside_those_accepted(
    v1, delegation, officer, audit_entries
):
    delete = propose(delegation, v1, kind="delete", unit="op-1")
    edit = propose(delegation, v1)
    services.decide_amendment(actor=officer, amendment_id=delete.pk, accept=True)
    with pytest.raises(InvalidTransition) as caught:
        services.decide_amendment(actor=officer, amendment_id=edit.pk, accept=True)
    assert caught.value.message == "Amendment 2: op-1 is already amended by amendment 1."
    assert caught.value.field == "amendment"
    edit.refresh_from_db()
    assert edit.status == "proposed"
    rejected = services.decide_amendment(
        actor=officer, amendment_id=edit.pk, accept=False, reason="Overtaken by amendment 1."
    )
    assert (rejected.status, rejected.reason) == ("rejected", "Overtaken by amendment 1.")
    with pytest.raises(InvalidTransition, match="is rejected"):
        services.decide_amendment(actor=officer, amendment_id=edit.pk, accept=True)
    assert len(audit_entries(AuditEvent.AMENDMENT_ACCEPTED)) == 1
    assert len(audit_entries(AuditEvent.AMENDMENT_REJECTED)) == 1


def test_the_chair_decides_and_a_delegation_does_not(v1, delegation, chair_user, actor_of):
    amendment = propose(delegation, v1)
    with pytest.raises(NotPermitted):
        services.decide_amendment(actor=delegation, amendment_id=amendment.pk, accept=True)
    accepted = services.decide_amendment(
        actor=actor_of(chair_user), amendment_id=amendment.pk, accept=True
    )
    assert accepted.status == "accepted" and accepted.decided_by == chair_user


def test_only_the_proposing_delegation_withdraws(v1, delegation, coordinator_user, actor_of):
    amendment = propose(delegation, v1)
    with pytest.raises(NotPermitted):
        services.withdraw_amendment(actor=actor_of(coordinator_user), amendment_id=amendment.pk)
    assert services.withdraw_amendment(actor=delegation, amendment_id=amendment.pk).status == (
        "withdrawn"
    )
    with pytest.raises(InvalidTransition, match="can no longer be withdrawn"):
        services.withdraw_amendment(actor=delegation, amendment_id=amendment.pk)


def test_incorporating_makes_the_next_version_and_leaves_the_old_one_as_it_was(
    v1, delegation, officer, coordinator_user, audit_entries
):
    edit = propose(delegation, v1)
    insert = propose(delegation, v1, kind="insert", unit="op-1", text="We welcome a new member.")
    withdrawn = propose(delegation, v1, kind="delete", unit="op-3")
    for amendment in (edit, insert):
        services.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    services.withdraw_amendment(actor=delegation, amendment_id=withdrawn.pk)
    propose(delegation, v1, kind="delete", unit="op-2-a")  # still undecided when v2 is made

    v2 = services.incorporate_amendments(actor=officer, version_id=v1.pk)

    assert (v2.number, v2.based_on, v2.frozen) == (2, v1, False)
    new = {u["id"]: u["text"] for u in selectors.version_units(v2, "en")}
    old = {u["id"]: u["text"] for u in selectors.version_units(v1, "en")}
    assert new["op-1"] == "We decide to hold the 8th Summit in Astana in 2030."
    assert new["op-2"] == "We welcome a new member."
    assert new["op-4"] == old["op-3"]
    assert old["op-1"] == "We decide to hold the 8th CICA Summit in 2030." and "op-4" not in old
    statuses = dict(Amendment.objects.values_list("number", "status"))
    assert statuses == {1: "incorporated", 2: "incorporated", 3: "withdrawn", 4: "lapsed"}
    assert Amendment.objects.get(number=1).incorporated_into == v2
    entry = audit_entries(AuditEvent.DRAFT_VERSION_CREATED)[0]
    assert entry.summary.endswith("v2 made from v1 with amendments 1, 2")
    assert Message.objects.filter(recipient=coordinator_user, kind="drafting.version").exists()
    assert documents.current_text(v1.document, "en").version == v2


def test_only_the_latest_version_is_amended_and_only_with_something_accepted(
    v1, delegation, officer
):
    with pytest.raises(InvalidInput, match="no accepted amendments"):
        services.incorporate_amendments(actor=officer, version_id=v1.pk)
    amendment = propose(delegation, v1)
    services.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    services.incorporate_amendments(actor=officer, version_id=v1.pk)
    with pytest.raises(InvalidTransition, match="not the latest version") as caught:
        propose(delegation, v1)
    assert caught.value.field == "version"
    with pytest.raises(NotPermitted):
        services.incorporate_amendments(actor=delegation, version_id=v1.pk)


def test_an_adopted_text_cannot_be_amended_and_keeps_the_adopted_version(v1, delegation, officer):
    amendment = propose(delegation, v1)
    services.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)
    v2 = services.incorporate_amendments(actor=officer, version_id=v1.pk)
    pending = propose(delegation, v2, kind="delete", unit="op-3")
    adopt_version(actor=SYSTEM, version=v1, on=v1.created_at.date())  # states agreed to v1
    with pytest.raises(InvalidTransition, match="can no longer be amended"):
        propose(delegation, v2)
    with pytest.raises(InvalidTransition, match="can no longer be amended"):
        services.withdraw_amendment(actor=delegation, amendment_id=pending.pk)
    assert documents.current_text(v1.document, "en").version == v1


def test_a_missing_amendment_or_version_is_not_found(v1, officer, delegation):
    with pytest.raises(NotFound):
        services.decide_amendment(actor=officer, amendment_id=999, accept=True)
    with pytest.raises(NotFound):
        services.propose_amendment(actor=delegation, request=AmendmentRequest(
            version_id=999, language="en", kind="delete", unit="op-1", rationale="r",
        ))  # fmt: skip


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_rejection_needs_its_reason(v1, delegation, officer, audit_entries, reason):
    amendment = propose(delegation, v1)
    with pytest.raises(InvalidInput, match="reason for rejecting") as caught:
        services.decide_amendment(
            actor=officer, amendment_id=amendment.pk, accept=False, reason=reason
        )
    assert caught.value.field == "reason"
    amendment.refresh_from_db()
    assert amendment.status == "proposed" and not audit_entries(AuditEvent.AMENDMENT_REJECTED)
    services.decide_amendment(
        actor=officer, amendment_id=amendment.pk, accept=False, reason="Out of scope."
    )
    entry = audit_entries(AuditEvent.AMENDMENT_REJECTED)[0]
    assert entry.data["reason"] == "Out of scope."


def test_the_new_version_records_which_amendment_made_and_struck_which_unit(
    v1, delegation, officer
):
    edit = propose(delegation, v1)
    insert = propose(delegation, v1, kind="insert", unit="op-1", text="We welcome a new member.")
    delete = propose(delegation, v1, kind="delete", unit="op-2")
    replace = propose(
        delegation, v1, kind="replace", unit="pre-2", text="Reaffirming our shared principles;"
    )
    for amendment in (edit, insert, delete, replace):
        services.decide_amendment(actor=officer, amendment_id=amendment.pk, accept=True)

    v2 = services.incorporate_amendments(actor=officer, version_id=v1.pk)

    units = {a.number: (a.made_units, a.struck_units) for a in v2.incorporated.all()}
    assert units == {
        1: (["op-1"], []),
        2: (["op-2"], []),
        3: ([], ["op-2", "op-2-a", "op-2-b", "op-2-c"]),
        4: (["pre-2"], ["pre-2"]),
    }
