"""Rights follow role + participant + date; one test per role."""

import datetime as dt

import pytest

from concord.accounts import permissions
from concord.core import clock
from concord.core.actors import PUBLIC, SYSTEM
from concord.members.models import Membership

TODAY = dt.date(2026, 11, 27)
NONE = {"secretariat": False, "chair": False, "member": False, "observer": False,
        "manage_accounts": False, "read_audit": False}  # fmt: skip


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(TODAY):
        yield


def test_secretariat(secretariat_user, actor_of):
    rights = permissions.rights_of(actor_of(secretariat_user))
    assert rights == {**NONE, "secretariat": True, "manage_accounts": True, "read_audit": True}


def test_chair_has_rights_only_while_its_state_chairs(chair_user, actor_of):
    actor = actor_of(chair_user)
    assert permissions.rights_of(actor) == {**NONE, "chair": True, "read_audit": True}
    assert not permissions.has_chair_rights(actor, on=dt.date(2024, 12, 16))  # Kazakhstan chaired


def test_coordinator_has_member_rights(coordinator_user, actor_of):
    assert permissions.rights_of(actor_of(coordinator_user)) == {**NONE, "member": True}


def test_coordinator_loses_member_rights_when_membership_ends(coordinator_user, actor_of):
    Membership.objects.filter(participant__code="KZ", status="member").update(until=TODAY)
    assert permissions.rights_of(actor_of(coordinator_user)) == NONE
    assert permissions.has_member_rights(
        actor_of(coordinator_user), on=TODAY - dt.timedelta(days=1)
    )


def test_delegate_has_member_rights_from_the_accession_day_only(registry, actor_of):
    from concord.accounts.services import create_user

    korean = create_user(actor=SYSTEM, email="d@kr.example", role="delegate", state="KR")
    actor = actor_of(korean)
    assert permissions.has_member_rights(actor, on=dt.date(2006, 6, 17))
    assert not permissions.has_member_rights(actor, on=dt.date(2006, 6, 16))


def test_observer(observer_user, actor_of):
    assert permissions.rights_of(actor_of(observer_user)) == {**NONE, "observer": True}


def test_public_has_no_rights(registry):
    assert permissions.rights_of(PUBLIC) == NONE


def test_system_may_manage_accounts_but_is_no_secretariat_person(registry):
    rights = permissions.rights_of(SYSTEM)
    assert rights["manage_accounts"] and not rights["secretariat"]
