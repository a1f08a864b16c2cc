import datetime as dt

import pytest

from concord.accounts import services
from concord.accounts.models import ApiToken, User
from concord.audit.events import AuditEvent
from concord.core import clock
from concord.core.actors import SYSTEM
from concord.core.exceptions import InvalidInput, InvalidTransition, NotPermitted


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen_at(dt.date(2026, 11, 27)):
        yield


def test_secretariat_creates_a_coordinator_and_the_audit_says_so(
    secretariat_user, actor_of, audit_entries
):
    user = services.create_user(
        actor=actor_of(secretariat_user), email="Focal@KR.example", role="coordinator", state="kr"
    )
    assert (user.email, user.role, user.participant.code) == (
        "focal@kr.example",
        "coordinator",
        "KR",
    )
    assert not user.has_usable_password()
    entry = audit_entries(AuditEvent.USER_CREATED)[-1]
    assert entry.actor_user == secretariat_user
    assert entry.target_id == str(user.pk)
    assert entry.data == {"email": "focal@kr.example", "role": "coordinator", "participant": "KR"}


def test_only_the_secretariat_creates_accounts(coordinator_user, actor_of):
    with pytest.raises(NotPermitted, match=r"Only the Secretariat can create accounts\."):
        services.create_user(
            actor=actor_of(coordinator_user), email="x@example.org", role="delegate", state="KZ"
        )
    assert not User.objects.filter(email="x@example.org").exists()


@pytest.mark.parametrize(
    ("role", "state", "field", "message"),
    [
        ("delegate", None, "state", "must act for a state"),
        ("delegate", "TM", "state", "Turkmenistan is not a Member State today."),
        ("observer", "KZ", "state", "Kazakhstan is not an observer today."),
        ("coordinator", "XX", "state", "Unknown state or organisation 'XX'."),
        ("secretariat", "KZ", "state", "acts for the Secretariat"),
        ("president", None, "role", "Unknown role 'president'"),
    ],
)
def test_role_bindings_are_checked_against_the_registry(registry, role, state, field, message):
    with pytest.raises(InvalidInput, match=message) as caught:
        services.create_user(actor=SYSTEM, email="p@example.org", role=role, state=state)
    assert caught.value.field == field


def test_email_must_be_valid_and_unique(coordinator_user):
    with pytest.raises(InvalidInput, match="not a valid e-mail address") as bad:
        services.create_user(actor=SYSTEM, email="not-an-email", role="secretariat")
    assert bad.value.field == "email"
    with pytest.raises(InvalidInput, match="already exists"):
        services.create_user(actor=SYSTEM, email=coordinator_user.email.upper(), role="secretariat")


def test_weak_password_is_refused(registry):
    with pytest.raises(InvalidInput, match="too short") as caught:
        services.create_user(
            actor=SYSTEM, email="p@example.org", role="secretariat", password="abc"
        )
    assert caught.value.field == "password"


def test_chair_defaults_to_the_chairing_state(registry):
    user = services.create_user(actor=SYSTEM, email="c@example.org", role="chair")
    assert user.participant.code == "AZ"


def test_token_is_shown_once_and_stored_hashed(delegate_user, actor_of, audit_entries):
    token, plaintext = services.issue_api_token(
        actor=actor_of(delegate_user), user=delegate_user, name="script"
    )
    assert plaintext.startswith("cnc_")
    assert plaintext not in token.digest and token.digest != plaintext
    assert services.use_api_token(plaintext).user == delegate_user
    assert audit_entries(AuditEvent.TOKEN_ISSUED)[-1].data["prefix"] == token.prefix


def test_tokens_are_personal(delegate_user, coordinator_user, actor_of):
    with pytest.raises(NotPermitted, match="only issue your own"):
        services.issue_api_token(actor=actor_of(coordinator_user), user=delegate_user, name="x")


def test_token_needs_a_name(delegate_user, actor_of):
    with pytest.raises(InvalidInput, match="Give the token a name") as caught:
        services.issue_api_token(actor=actor_of(delegate_user), user=delegate_user, name="  ")
    assert caught.value.field == "name"


def test_revoked_token_no_longer_authenticates(delegate_user, actor_of, audit_entries):
    actor = actor_of(delegate_user)
    token, plaintext = services.issue_api_token(actor=actor, user=delegate_user, name="script")
    services.revoke_api_token(actor=actor, token=token)
    assert services.use_api_token(plaintext) is None
    assert audit_entries(AuditEvent.TOKEN_REVOKED)[-1].target_id == str(token.pk)
    with pytest.raises(InvalidTransition, match="already revoked"):
        services.revoke_api_token(actor=actor, token=token)


def test_others_cannot_revoke_but_the_secretariat_can(
    delegate_user, coordinator_user, secretariat_user, actor_of
):
    token, _plain = services.issue_api_token(
        actor=actor_of(delegate_user), user=delegate_user, name="s"
    )
    with pytest.raises(NotPermitted):
        services.revoke_api_token(actor=actor_of(coordinator_user), token=token)
    services.revoke_api_token(actor=actor_of(secretariat_user), token=token)
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_deactivated_user_token_stops_working(
    delegate_user, secretariat_user, actor_of, audit_entries
):
    _token, plaintext = services.issue_api_token(
        actor=actor_of(delegate_user), user=delegate_user, name="s"
    )
    services.set_user_active(actor=actor_of(secretariat_user), user=delegate_user, active=False)
    assert services.use_api_token(plaintext) is None
    assert audit_entries(AuditEvent.USER_DEACTIVATED)[-1].target_id == str(delegate_user.pk)


def test_secretariat_cannot_deactivate_itself(secretariat_user, actor_of):
    with pytest.raises(InvalidTransition, match="your own account"):
        services.set_user_active(
            actor=actor_of(secretariat_user), user=secretariat_user, active=False
        )


def test_password_change_is_audited(delegate_user, actor_of, audit_entries):
    services.change_password(actor=actor_of(delegate_user), new_password="Another-pass-2026")
    delegate_user.refresh_from_db()
    assert delegate_user.check_password("Another-pass-2026")
    assert audit_entries(AuditEvent.PASSWORD_CHANGED)[-1].actor_user == delegate_user


def test_a_failed_write_leaves_no_audit_entry(registry, audit_entries):
    before = len(audit_entries())
    with pytest.raises(InvalidInput):
        services.create_user(actor=SYSTEM, email="p@example.org", role="delegate", state="TM")
    assert len(audit_entries()) == before
