"""Drafting: delegations propose amendments to the latest version of a draft; the Secretariat or
the Chair accepts or rejects them and incorporates the accepted ones into a new version. Each
service checks the right, the state of the draft, writes and audits in one transaction."""

from contextlib import contextmanager

from django.db import transaction
from django.db.models import Max
from django.urls import reverse
from django.utils.translation import gettext as _

from concord.accounts import selectors as account_selectors
from concord.audit.events import AuditEvent
from concord.audit.services import record
from concord.core import clock, faults
from concord.core.actors import Actor
from concord.core.exceptions import InvalidInput, InvalidTransition, NotFound, NotPermitted
from concord.core.inputs import checked_identifier, checked_text, limit
from concord.documents import services as documents
from concord.documents.models import Document, Version
from concord.documents.parsing import ParsedDocument
from concord.documents.selectors import document_link, document_name
from concord.inbox import services as inbox
from concord.inbox.models import MessageKind
from concord.members import selectors as registry

from . import amending, permissions
from .models import LANGUAGES, Amendment
from .requests import AmendmentRequest

OPEN_FOR_AMENDMENT = (Document.Status.DRAFT, Document.Status.CIRCULATED)


def _open_draft_version(version_id: int) -> Version:
    """The version, locked, if its document is still in drafting."""
    version = (
        Version.objects.select_for_update().select_related("document").filter(pk=version_id).first()
    )
    if version is None:
        raise NotFound(_("No version #%(id)s.") % {"id": version_id}, field="version")
    document = version.document
    if version.frozen or document.status not in OPEN_FOR_AMENDMENT:
        raise InvalidTransition(
            _("“%(title)s” is adopted: its text can no longer be amended.")
            % {"title": document_name(document)},
            field="version",
            document=document_link(document),
        )
    return version


def _latest_draft_version(version_id: int) -> Version:
    """The version, locked, if it is the one amendments are made to: a draft's latest."""
    version = _open_draft_version(version_id)
    document = version.document
    latest = document.versions.aggregate(n=Max("number"))["n"]
    if version.number != latest:
        raise InvalidTransition(
            _("Version %(n)s is not the latest version of “%(title)s”; amend version %(latest)s.")
            % {"n": version.number, "title": document_name(document), "latest": latest},
            field="version",
            document=document_link(document),
        )
    return version


def _locked_amendment(amendment_id: int, *, latest_only: bool = True) -> Amendment:
    """The amendment, locked after its version (the order every drafting write takes, so two
    writes on one draft never wait on each other crosswise)."""
    version_id = Amendment.objects.filter(pk=amendment_id).values_list("version", flat=True).first()
    if version_id is None:
        raise NotFound(_("No amendment #%(id)s.") % {"id": amendment_id}, field="amendment")
    if latest_only:
        _latest_draft_version(version_id)
    else:
        _open_draft_version(version_id)
    amendment = (
        Amendment.objects.select_for_update()
        .select_related("version__document", "participant")
        .filter(pk=amendment_id)
        .first()
    )
    if amendment is None:
        raise NotFound(_("No amendment #%(id)s.") % {"id": amendment_id}, field="amendment")
    return amendment


def _label(amendment: Amendment) -> str:
    version = amendment.version
    return f"{version.document.slug} v{version.number} amendment {amendment.number}"


def _structure(version: Version, language: str, field: str = "language") -> dict:
    text = version.texts.filter(language=language).first()
    if text is None:
        have = ", ".join(version.texts.values_list("language", flat=True)) or "-"
        raise InvalidInput(
            _("Version %(n)s has no %(language)s text; it has: %(have)s.")
            % {"n": version.number, "language": language, "have": have},
            field=field,
        )
    return text.structure


@contextmanager
def _refused(error=InvalidInput):
    """An ``AmendmentError`` within, raised as ``error``, naming the amendment at fault when
    there is one (on accepting or incorporating)."""
    try:
        yield
    except amending.AmendmentError as exc:
        if exc.ref is None:
            raise error(exc.message, field=exc.field) from exc
        message = _("Amendment %(n)s: %(message)s") % {"n": exc.ref, "message": exc.message}
        raise error(message, field="amendment") from exc


@transaction.atomic(durable=True)
def propose_amendment(*, actor: Actor, request: AmendmentRequest) -> Amendment:
    """A delegation's amendment to one unit of a draft's latest version, with its rationale."""
    if not permissions.can_propose(actor):
        raise NotPermitted(
            _(
                "Only the national coordinator or a delegate of a Member State "
                "can propose amendments."
            )
        )
    version = _latest_draft_version(request.version_id)
    kind, language = request.kind, request.language
    with _refused():
        amendment_kind = amending.kinds.get(kind)
    if language not in LANGUAGES:
        raise InvalidInput(_("The language is en or ru."), field="language")
    unit = checked_identifier(request.unit, field="unit", max_length=limit(Amendment, "unit"))
    rationale = checked_text(
        request.rationale, field="rationale", max_length=limit(Amendment, "rationale")
    )
    if not rationale:
        raise InvalidInput(_("Give the rationale for the amendment."), field="rationale")
    with _refused():
        place = amendment_kind.place(request.place)
    text = request.text if amendment_kind.takes_text else ""
    text = checked_text(text, field="text", max_length=limit(Amendment, "text"))
    change = amending.Change(kind, unit, text, place or amending.Place.AFTER)
    with _refused():
        amending.apply(_structure(version, language), [change])
    number = (version.amendments.aggregate(n=Max("number"))["n"] or 0) + 1
    amendment = Amendment.objects.create(
        version=version,
        number=number,
        language=language,
        kind=kind,
        unit=change.unit,
        place=place,
        text=text,
        rationale=rationale,
        participant=actor.participant,
        proposed_by=actor.user,
        proposed_at=clock.now(),
    )
    record(
        actor=actor,
        event=AuditEvent.AMENDMENT_PROPOSED,
        target=amendment,
        summary=f"{_label(amendment)} proposed by {actor.participant.code}: {kind} {change.unit}",
        data={"kind": kind, "unit": change.unit, "language": language, "place": place},
    )
    return amendment


@transaction.atomic(durable=True)
def decide_amendment(
    *, actor: Actor, amendment_id: int, accept: bool, note: str = "", reason: str = ""
) -> Amendment:
    """Accept (to be incorporated in the next version) or reject a proposed amendment, a
    rejection with its reason. An amendment is accepted only if it still applies beside those
    accepted before it."""
    if not permissions.can_decide(actor):
        raise NotPermitted(_("Only the Secretariat or the Chair decides on amendments."))
    note = checked_text(note, field="note", max_length=limit(Amendment, "note"))
    reason = (
        ""
        if accept
        else checked_text(reason, field="reason", max_length=limit(Amendment, "reason"))
    )
    if not accept and not reason:
        raise InvalidInput(
            _("Give the reason for rejecting the amendment: the delegation reads it."),
            field="reason",
        )
    amendment = _locked_amendment(amendment_id)
    if amendment.status != Amendment.Status.PROPOSED:
        raise InvalidTransition(
            _("Amendment %(n)s is %(status)s; only a proposed amendment can be decided on.")
            % {"n": amendment.number, "status": amendment.get_status_display().lower()},
            field="amendment",
        )
    if accept:
        accepted = amendment.version.amendments.filter(
            status=Amendment.Status.ACCEPTED, language=amendment.language
        )
        changes = [a.as_change() for a in accepted] + [amendment.as_change()]
        with _refused(InvalidTransition):
            amending.apply(_structure(amendment.version, amendment.language), changes)
    amendment.status = Amendment.Status.ACCEPTED if accept else Amendment.Status.REJECTED
    amendment.decided_by, amendment.decided_at = actor.user, clock.now()
    amendment.note, amendment.reason = note, reason
    amendment.save(update_fields=["status", "decided_by", "decided_at", "note", "reason"])
    record(
        actor=actor,
        event=AuditEvent.AMENDMENT_ACCEPTED if accept else AuditEvent.AMENDMENT_REJECTED,
        target=amendment,
        summary=f"{_label(amendment)} {amendment.status}",
        data={"note": note, "reason": reason} if reason else {"note": note},
    )
    return amendment


@transaction.atomic(durable=True)
def withdraw_amendment(*, actor: Actor, amendment_id: int) -> Amendment:
    amendment = _locked_amendment(amendment_id, latest_only=False)
    if not permissions.can_withdraw(actor, amendment):
        raise NotPermitted(_("Only the proposing delegation or the Secretariat can withdraw it."))
    if amendment.status not in (Amendment.Status.PROPOSED, Amendment.Status.ACCEPTED):
        raise InvalidTransition(
            _("Amendment %(n)s is %(status)s and can no longer be withdrawn.")
            % {"n": amendment.number, "status": amendment.get_status_display().lower()},
            field="amendment",
        )
    amendment.status = Amendment.Status.WITHDRAWN
    amendment.save(update_fields=["status"])
    record(
        actor=actor,
        event=AuditEvent.AMENDMENT_WITHDRAWN,
        target=amendment,
        summary=f"{_label(amendment)} withdrawn",
    )
    return amendment


@transaction.atomic(durable=True)
def incorporate_amendments(*, actor: Actor, version_id: int) -> Version:
    """The next version: every accepted amendment applied, in order, to its language's text;
    the other texts carried over unchanged. The version amended stays as it was."""
    if not permissions.can_decide(actor):
        raise NotPermitted(
            _("Only the Secretariat or the Chair incorporates amendments into a new version.")
        )
    version = _latest_draft_version(version_id)
    accepted = list(version.amendments.select_for_update().filter(status=Amendment.Status.ACCEPTED))
    if not accepted:
        raise InvalidInput(
            _("Version %(n)s has no accepted amendments to incorporate.") % {"n": version.number},
            field="version",
        )
    texts, traces = [], {}
    for text in version.texts.all():
        changes = [a.as_change() for a in accepted if a.language == text.language]
        if not changes:
            texts.append(ParsedDocument.from_dict(text.structure))
            continue
        with _refused(InvalidTransition):
            parsed, traces[text.language] = amending.apply_traced(text.structure, changes)
        texts.append(parsed)
    new = documents.store_version(based_on=version, texts=texts)
    for amendment in accepted:
        made, struck = traces[amendment.language].of(amendment.number)
        amendment.status, amendment.incorporated_into = Amendment.Status.INCORPORATED, new
        amendment.made_units, amendment.struck_units = made, struck
    Amendment.objects.bulk_update(
        accepted, ["status", "incorporated_into", "made_units", "struck_units"]
    )
    # Proposals still undecided were made to a text that is no longer the latest.
    lapsed = version.amendments.filter(status=Amendment.Status.PROPOSED).update(
        status=Amendment.Status.LAPSED
    )
    record(
        actor=actor,
        event=AuditEvent.DRAFT_VERSION_CREATED,
        target=new.document,
        summary=f"{new.document.slug} v{new.number} made from v{version.number} "
        f"with amendments {', '.join(str(a.number) for a in accepted)}",
        data={
            "version": new.number,
            "based_on": version.number,
            "amendments": [a.number for a in accepted],
            "lapsed": lapsed,
        },
    )
    members = registry.memberships_on(clock.today()).values_list("participant_id", flat=True)
    inbox.send(
        recipients=account_selectors.list_coordinators(members),
        kind=MessageKind.DRAFT_VERSION,
        write=lambda: (
            _("New version of a draft: %(title)s v%(n)s")
            % {"title": new.document.title, "n": new.number},
            _("Version %(n)s incorporates %(count)s accepted amendments.")
            % {"n": new.number, "count": len(accepted)},
        ),
        link=reverse("drafting:detail", args=[new.document.slug]),
    )
    faults.checkpoint("drafting.incorporate")
    return new
