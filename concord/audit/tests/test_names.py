"""The audit trail's page names states, documents and meetings; the sealed summary is unchanged
and the API gives it as written."""

import datetime as dt

import pytest
from django.db import transaction
from django.test import Client

from concord.audit.events import AuditEvent
from concord.audit.models import AuditEntry
from concord.audit.names import readable
from concord.audit.services import record
from concord.core.actors import SYSTEM, actor_for
from concord.core.tests.pages import visible_text
from concord.members.selectors import get_state
from concord.members.services import hand_over_chairmanship
from conftest import PASSWORD

NAMES = {"KZ": "Kazakhstan", "IN": "India", "almaty-act-2002": "Almaty Act"}


def test_codes_and_slugs_standing_alone_are_named():
    assert readable("#3: KZ object", NAMES) == "#3: Kazakhstan object"
    assert readable("almaty-act-2002 v1 adopted on 2002-06-04", NAMES) == (
        "Almaty Act v1 adopted on 2002-06-04"
    )
    # an address, a longer word or a path keeps its letters
    assert readable("kz@x.example KZT /documents/almaty-act-2002/", NAMES) == (
        "kz@x.example KZT /documents/almaty-act-2002/"
    )


@pytest.mark.parametrize(("language", "name"), [("en", "Thailand"), ("ru", "Таиланд")])
def test_the_audit_page_names_the_state_and_keeps_the_record(secretariat_user, language, name):
    hand_over_chairmanship(actor=SYSTEM, participant=get_state("TH"), since=dt.date(2026, 11, 28))
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    client.cookies["django_language"] = language
    page = client.get("/audit/", {"event": "members.chairmanship_handed_over"}).content.decode()
    text = visible_text(page[page.index("<table") : page.index("</table>")])
    assert name in text and "TH" not in text.split()
    entry = AuditEntry.objects.get(event="members.chairmanship_handed_over")
    assert "TH" in entry.summary  # the sealed record is as written


def test_the_for_column_names_the_state(secretariat_user, delegate_user):
    with transaction.atomic():
        record(actor=actor_for(delegate_user), event=AuditEvent.MESSAGE_READ, summary="read")
    client = Client()
    client.login(email=secretariat_user.email, password=PASSWORD)
    page = client.get("/audit/", {"event": "inbox.message_read"}).content.decode()
    text = visible_text(page[page.index("<tbody") : page.index("</tbody>")])
    assert "India" in text and "IN" not in text.split()
