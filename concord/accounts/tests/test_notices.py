"""A state's national coordinators hear of every account that can state positions in its name:
created or reactivated, by whom. The Secretariat cannot speak for a state unseen."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import translation

from concord.accounts import services
from concord.core.actors import SYSTEM, actor_for
from concord.inbox.models import Message
from conftest import PASSWORD


def told(user) -> list[Message]:
    return list(Message.objects.filter(recipient=user).order_by("pk"))


@pytest.fixture
def officer(registry):
    return services.create_user(
        actor=SYSTEM, email="officer@secretariat.example", role="secretariat",
        display_name="Li Wei", password=PASSWORD,
    )  # fmt: skip


def test_the_coordinators_hear_of_a_new_coordinator_and_who_created_it(
    officer, coordinator_user, mail_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        shadow = services.create_user(
            actor=actor_for(officer), email="shadow@kz.example", role="coordinator", state="KZ",
            display_name="A. Shadow",
        )  # fmt: skip
    [message] = told(coordinator_user)
    assert message.kind == "accounts.account_created"
    assert message.subject == "Kazakhstan: new account A. Shadow <shadow@kz.example>"
    assert message.body == (
        "A new account can state positions in the name of your state.\n"
        "State: Kazakhstan\n"
        "Account: A. Shadow <shadow@kz.example>, National coordinator\n"
        "Created by: Li Wei <officer@secretariat.example>\n\n"
        "Positions stated through this account count as your state's. If your state did not "
        "ask for this account, tell the Secretariat."
    )
    assert told(shadow) == []
    mail_worker()
    [sent] = [m for m in mail.outbox if m.to == [coordinator_user.email]]
    assert sent.subject == message.subject and "Created by: Li Wei" in sent.body


def test_a_new_delegate_is_told_to_the_coordinators_of_its_state_only(officer, coordinator_user):
    services.create_user(
        actor=SYSTEM, email="focal@cn.example", role="coordinator", state="CN", password=PASSWORD
    )
    away = services.create_user(
        actor=SYSTEM, email="away@kz.example", role="coordinator", state="KZ", password=PASSWORD
    )
    services.set_user_active(actor=SYSTEM, user=away, active=False)
    services.create_user(
        actor=actor_for(officer), email="d@kz.example", role="delegate", state="KZ"
    )
    [message] = Message.objects.filter(subject__contains="d@kz.example")
    assert message.recipient == coordinator_user
    assert "Account: d@kz.example, Delegate\n" in message.body
    assert told(away) == []


@pytest.mark.parametrize(
    ("role", "state"), [("secretariat", None), ("chair", "AZ"), ("observer", "JP")]
)
def test_accounts_that_cannot_state_positions_are_not_told(officer, registry, role, state):
    coordinator = services.create_user(
        actor=SYSTEM, email="focal@az.example", role="coordinator", state="AZ", password=PASSWORD
    )
    services.create_user(actor=actor_for(officer), email="x@x.example", role=role, state=state)
    assert told(coordinator) == []


def test_the_coordinators_hear_of_a_reactivation(officer, coordinator_user, delegate_user):
    kz_delegate = services.create_user(
        actor=SYSTEM, email="d@kz.example", role="delegate", state="KZ", password=PASSWORD
    )
    Message.objects.all().delete()
    services.set_user_active(actor=actor_for(officer), user=kz_delegate, active=False)
    assert told(coordinator_user) == []
    services.set_user_active(actor=actor_for(officer), user=kz_delegate, active=True)
    [message] = told(coordinator_user)
    assert message.kind == "accounts.account_reactivated"
    assert message.subject == "Kazakhstan: account d@kz.example reactivated"
    assert message.body.startswith(
        "An account that can state positions in the name of your state was reactivated.\n"
        "State: Kazakhstan\n"
        "Account: d@kz.example, Delegate\n"
        "Reactivated by: Li Wei <officer@secretariat.example>\n\n"
    )


def test_an_account_made_on_the_command_line_is_told_as_such(coordinator_user):
    call_command(
        "createuser", "d@kz.example", "--role", "delegate", "--state", "KZ", stdout=StringIO()
    )
    [message] = told(coordinator_user)
    assert "Created by: an operator, on the server's command line\n" in message.body


def test_a_coordinator_who_reads_russian_is_told_in_russian(officer, coordinator_user):
    """The recipient's language, not the officer's: the officer works in English."""
    coordinator_user.language = "ru"
    coordinator_user.save(update_fields=["language"])
    with translation.override("en"):
        services.create_user(
            actor=actor_for(officer), email="d@kz.example", role="delegate", state="KZ"
        )
    [message] = told(coordinator_user)
    assert message.subject == "Казахстан: новая учётная запись d@kz.example"
    assert "Делегат" in message.body
    assert message.link == "/members/KZ/"
