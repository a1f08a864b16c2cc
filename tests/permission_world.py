"""The cast and the data every row of the permission matrix acts on, built once through the
services, and a way to send one request as one role without leaving a trace.

The roles, by the columns of the table:
    anon      nobody signed in
    obs       an observer state's representative (Japan)
    delA      a delegate of state A (India)
    crdA      the national coordinator of state A (India)
    crdB      the national coordinator of state B (China)
    ended     the coordinator of a state whose membership has ended (Kuwait, see below)
    chair     the Chair's representative (Azerbaijan chairs today)
    xchair    a Chair's representative whose state's chairmanship ended (Kazakhstan, to 2024)
    secr      a Secretariat officer

Two-factor sign-in is required, as in production: the roles that need it (coordinators, the
Chair, the Secretariat) have set up an authenticator app and their sessions have given it; the
observer and the delegate sign in with a password alone.
"""

import contextlib
import datetime as dt
import json
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP

from concord.accounts.links import invitation_secret, password_reset_tokens
from concord.accounts.models import Invitation
from concord.accounts.services import create_user, issue_api_token
from concord.accounts.signin.two_factor import enrol_authenticator, new_secret, required_for
from concord.catalogue.services import load_catalogue
from concord.core import clock
from concord.core.actors import SYSTEM, actor_for
from concord.decisions.requests import ProcedureRequest, SubjectRequest
from concord.decisions.services import open_procedure
from concord.documents.services import import_text, load_seed_documents, register_documents
from concord.drafting.requests import AmendmentRequest
from concord.drafting.services import (
    decide_amendment,
    incorporate_amendments,
    propose_amendment,
)
from concord.inbox.models import Delivery
from concord.inbox.selectors import list_messages
from concord.meetings.services import load_meetings
from concord.members.models import Membership
from concord.members.services import load_reference_data
from conftest import PASSWORD

# The same opening day as the decisions tests: Azerbaijan chairs, Kazakhstan chaired until 2024.
MOMENT = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)
ROLES = ("anon", "obs", "delA", "crdA", "crdB", "ended", "chair", "xchair", "secr")
CAST = {  # role column: (e-mail, role, state)
    "obs": ("observer@jp.example", "observer", "JP"),
    "delA": ("delegate@in.example", "delegate", "IN"),
    "crdA": ("coordinator@in.example", "coordinator", "IN"),
    "crdB": ("coordinator@cn.example", "coordinator", "CN"),
    "ended": ("coordinator@kw.example", "coordinator", "KW"),
    "chair": ("chair@az.example", "chair", "AZ"),
    "xchair": ("chair@kz.example", "chair", "KZ"),
    "secr": ("officer@secretariat.example", "secretariat", None),
}
DRAFT_SLUG = "seventh-summit-declaration"
DRAFT = """CONFERENCE ON INTERACTION AND CONFIDENCE BUILDING MEASURES IN ASIA

DRAFT DECLARATION OF THE SEVENTH SUMMIT

We, the Heads of State and Government of the Member States of CICA,

Recalling the Almaty Act of 2002;

Declare the following:

1. We decide to hold the 8th CICA Summit in 2030.

2. We welcome the progress in implementing confidence building measures.

3. We celebrate CICA Day on 5 October each year.
"""
OTHER_DRAFT = b"""Statement on Connectivity

Recognizing the value of transport links across the region;

Decide:

1. We cooperate on transport corridors and logistics.

2. We meet again next year.
"""
# The draft's Russian text, in the structure of its English one: added by the rows that add it.
DRAFT_RU = """СОВЕЩАНИЕ ПО ВЗАИМОДЕЙСТВИЮ И МЕРАМ ДОВЕРИЯ В АЗИИ

ПРОЕКТ ДЕКЛАРАЦИИ СЕДЬМОГО САММИТА

Мы, главы государств и правительств государств — членов СВМДА,

Ссылаясь на Алматинский акт 2002 года;

Заявляем следующее:

1. Мы решили провести 8-й саммит СВМДА в 2030 году.

2. Мы приветствуем достигнутый прогресс.

3. Мы отмечаем День СВМДА 5 октября.
"""
# What a browser's CSRF cookie holds (a secret of 32 characters) and what it sends back.
CSRF_TOKEN = "Matrix0CsrfSecret0Of32Characters"
# A text none of the world's documents holds: imported by the rows that import.
NEW_TEXT = DRAFT.replace("SEVENTH SUMMIT", "EIGHTH SUMMIT").replace("2030", "2034").encode()


@dataclass
class World:
    users: dict = field(default_factory=dict)  # role -> User
    tokens: dict = field(default_factory=dict)  # role -> plaintext Bearer token
    sessions: dict = field(default_factory=dict)  # role -> session key
    values: dict = field(default_factory=dict)  # a path parameter of a row -> its value


def build_world() -> World:
    """Everything through the services, as `concord init` and the people of the forum do it."""
    world = World()
    load_reference_data(actor=SYSTEM)
    load_meetings(actor=SYSTEM)
    load_catalogue(actor=SYSTEM)
    register_documents(actor=SYSTEM)
    load_seed_documents(actor=SYSTEM)
    for role, (email, kind, state) in CAST.items():
        world.users[role] = create_user(
            actor=SYSTEM, email=email, role=kind, state=state, password=PASSWORD
        )
    # The registry holds no Member State whose membership ended, and no service ends one (the
    # forum has no decision for it): the end is written on the registry row itself, after the
    # account was made while Kuwait was still a member, as an ended membership would leave it.
    Membership.objects.filter(participant__code="KW", status="member").update(
        until=MOMENT.date() - dt.timedelta(days=30)
    )
    actors = {role: actor_for(user) for role, user in world.users.items()}
    devices = {
        role: _authenticator(actors[role])
        for role, user in world.users.items()
        if required_for(user)
    }
    # Opened an hour before the requests, so that its e-mail, which no worker has sent, has
    # stalled: the Secretariat may send it again.
    with clock.frozen_at(MOMENT - dt.timedelta(hours=1)):
        procedure = open_procedure(
            actor=actors["secr"],
            request=ProcedureRequest(
                title="Declaration on connectivity",
                subject=SubjectRequest("text", text="We agree to work on connectivity."),
                mode="in_session",
            ),
        )
    invitee = create_user(actor=SYSTEM, email="invitee@in.example", role="delegate", state="IN")
    draft = import_text(actor=SYSTEM, raw=DRAFT, slug=DRAFT_SLUG).document
    first = draft.versions.get(number=1)
    _accepted(actors, first.pk, "op-3", "We celebrate CICA Day on 5 October.")
    second = incorporate_amendments(actor=actors["secr"], version_id=first.pk)
    proposed = propose_amendment(actor=actors["delA"], request=AmendmentRequest(
        version_id=second.pk, language="en", kind="edit", unit="op-1",
        text="We decide to hold the 8th CICA Summit in 2031.", rationale="A later year.",
    ))  # fmt: skip
    _accepted(actors, second.pk, "op-2", "We welcome the progress made.")
    # Opened on version 1 of another draft when version 2 exists: the Chair or the Secretariat
    # may reopen it (the draft above stays free of procedures, so texts can still join it).
    other = import_text(actor=SYSTEM, raw=OTHER_DRAFT, slug="connectivity-statement").document
    other_first = other.versions.get(number=1)
    _accepted(actors, other_first.pk, "op-2", "We meet again in 2027.")
    incorporate_amendments(actor=actors["secr"], version_id=other_first.pk)
    on_earlier = open_procedure(
        actor=actors["secr"],
        request=ProcedureRequest(
            title="Statement on Connectivity",
            subject=SubjectRequest("document_adoption", version=other_first.pk),
            mode="silence",
        ),
    )
    for role in ROLES[1:]:
        world.tokens[role] = issue_api_token(actor=SYSTEM, user=world.users[role], name="matrix")[1]
        world.sessions[role] = _session(world.users[role], devices.get(role))
    own_token = issue_api_token(actor=SYSTEM, user=world.users["delA"], name="revocable")[0]
    world.values = {
        "procedure": procedure.pk,
        "superseded": on_earlier.pk,
        "draft": DRAFT_SLUG,
        "amendment": proposed.pk,
        "meeting": "summit-2",
        "measure": "HD-3",
        "state": "KZ",
        "message": list_messages(actors["crdA"]).first().pk,
        "token": own_token.pk,
        "user": world.users["delA"].pk,
        "enrolled": world.users["crdA"].pk,  # has a second factor to reset
        "invitee": invitee.pk,  # has no password yet
        "uidb64": urlsafe_base64_encode(force_bytes(world.users["delA"].pk)),
        "reset_token": password_reset_tokens.make_token(world.users["delA"]),
        "secret": invitation_secret(Invitation.objects.get(user=invitee)),
        # The procedure's notice, the oldest e-mail: stalled by the time of the requests.
        "delivery": Delivery.objects.filter(recipient=world.users["crdA"])
        .earliest("created_at")
        .pk,
    }
    return world


def _accepted(actors, version_id: int, unit: str, text: str) -> None:
    amendment = propose_amendment(actor=actors["crdB"], request=AmendmentRequest(
        version_id=version_id, language="en", kind="edit", unit=unit, text=text,
        rationale="Shorter.",
    ))  # fmt: skip
    decide_amendment(actor=actors["chair"], amendment_id=amendment.pk, accept=True)


def _authenticator(actor):
    """The person sets up an authenticator app, typing the code it shows."""
    key = new_secret()
    device, _codes = enrol_authenticator(
        actor=actor, key=key, code=f"{TOTP(bytes.fromhex(key)).token():06d}"
    )
    return device


def _session(user, device=None) -> str:
    """A signed-in session; with `device`, one that has also given its second factor."""
    client = Client()
    client.force_login(user)
    key = client.cookies[settings.SESSION_COOKIE_NAME].value
    if device is not None:
        session = SessionStore(session_key=key)
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()
    return key


@contextlib.contextmanager
def rolled_back():
    """A savepoint undone afterwards, marked as the test case's own so that the services'
    durable transactions may open inside it as they do inside a test."""
    atomics = TestCase._enter_atomics()
    try:
        yield
    finally:
        TestCase._rollback_atomics(atomics)


@contextlib.contextmanager
def world_in_one_transaction(django_db_blocker):
    """The world for a whole module, in one transaction rolled back at its end."""
    with django_db_blocker.unblock(), clock.frozen_at(MOMENT), rolled_back():
        yield build_world()


def client_for(world: World, role: str, transport: str) -> Client:
    """A fresh client per request, so that a request that ends a session (signing out, a
    password change) cannot change the next. CSRF is checked as in production: a `browser`
    holds the CSRF cookie and sends its token back, with the role's session when signed in; a
    `script` sends the role's Bearer token, or nothing at all for the anonymous."""
    if transport == "script":
        if role == "anon":
            return Client(enforce_csrf_checks=True)
        return Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {world.tokens[role]}")
    client = Client(enforce_csrf_checks=True, HTTP_X_CSRFTOKEN=CSRF_TOKEN)
    client.cookies[settings.CSRF_COOKIE_NAME] = CSRF_TOKEN
    if role != "anon":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


def outcome(response) -> str:
    """The status code, except that a redirect to the sign-in page is `login`."""
    if response.status_code == 302 and response["Location"].startswith(reverse(settings.LOGIN_URL)):
        return "login"
    return str(response.status_code)


def send(world: World, role: str, transport: str, method: str, path: str, body) -> str:
    """One request, as one role, whose writes are undone; throttles and caches start empty."""
    client = client_for(world, role, transport)
    with rolled_back():
        cache.clear()
        response = body.send(client, method, path) if body else client.generic(method, path)
    return outcome(response)


@dataclass(frozen=True)
class Json:
    """A JSON request body."""

    data: dict

    def send(self, client, method, path):
        return client.generic(method, path, json.dumps(self.data), "application/json")


@dataclass(frozen=True)
class Form:
    """A form as a browser posts it; `files` maps a field to (file name, content)."""

    data: dict
    files: dict = field(default_factory=dict)

    def send(self, client, method, path):
        uploads = {name: SimpleUploadedFile(*file) for name, file in self.files.items()}
        return client.post(path, {**self.data, **uploads})
