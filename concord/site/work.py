"""The work waiting for a person, read in one place for the home page and ``GET /api/me/work``:
what their state must answer, what they must decide, what runs under silence, what they have
not read. Each section reads a count and a few rows, so the page costs the same number of
queries however much waits."""

import datetime as dt
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from concord.core.actors import Actor
from concord.decisions import selectors as decisions
from concord.drafting import permissions as drafting_permissions
from concord.drafting import selectors as drafting
from concord.inbox import selectors as inbox

SHOWN = 5  # rows shown per section; the count and the section's link give the rest


@dataclass(frozen=True)
class Task:
    title: str
    url: str
    hint: str = ""
    deadline: dt.datetime | None = None
    message_id: int | None = None  # a message: opened by marking it read, then to its item


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    count: int
    url: str
    tasks: list[Task] = field(default_factory=list)

    @property
    def more(self) -> int:
        return self.count - len(self.tasks)


@dataclass(frozen=True)
class Work:
    sections: list[Section]

    @property
    def total(self) -> int:
        return sum(section.count for section in self.sections)


def work_for(actor: Actor) -> Work:
    """The sections that apply to the actor's role, each even when nothing waits in it."""
    if actor.user is None:
        return Work([])
    sections = []
    if decisions.has_positions_to_state(actor):
        sections.append(_positions(actor))
    if drafting_permissions.can_decide(actor):
        sections.append(_amendments(actor))
    if drafting_permissions.can_read_drafts(actor):
        sections.append(_silences(actor))
    sections.append(_messages(actor))
    return Work(sections)


def _positions(actor: Actor) -> Section:
    qs = decisions.list_awaiting_position(actor)
    return Section(
        key="positions",
        title=_("Procedures awaiting the position of %(state)s")
        % {"state": actor.participant.name},
        count=qs.count(),
        url=f"{reverse('decisions:list')}?awaiting=1",
        tasks=[
            Task(
                title=p.title,
                url=reverse("decisions:detail", args=[p.pk]),
                hint=p.get_mode_display(),
                deadline=p.deadline,
            )
            for p in qs[:SHOWN]
        ],
    )


def _amendments(actor: Actor) -> Section:
    qs = drafting.list_drafts(actor).filter(proposed__gt=0)
    return Section(
        key="amendments",
        title=_("Amendments awaiting a decision"),
        count=sum(qs.values_list("proposed", flat=True)),
        url=reverse("drafting:list"),
        tasks=[
            Task(
                title=d.title,
                url=reverse("drafting:detail", args=[d.slug]),
                hint=ngettext("%(n)s amendment proposed", "%(n)s amendments proposed", d.proposed)
                % {"n": d.proposed},
            )
            for d in qs[:SHOWN]
        ],
    )


def _silences(actor: Actor) -> Section:
    qs = decisions.list_drafts_under_silence(actor)
    return Section(
        key="silences",
        title=_("Drafts under silence"),
        count=qs.count(),
        url=f"{reverse('decisions:list')}?status=open",
        tasks=[
            Task(
                title=p.version.document.title,
                url=reverse("decisions:detail", args=[p.pk]),
                hint=_("version %(n)s") % {"n": p.version.number},
                deadline=p.deadline,
            )
            for p in qs[:SHOWN]
        ],
    )


def _messages(actor: Actor) -> Section:
    qs = inbox.list_messages(actor, unread_only=True)
    return Section(
        key="messages",
        title=_("Unread messages"),
        count=qs.count(),
        url=reverse("inbox:list"),
        tasks=[
            Task(title=m.subject, url=m.link or reverse("inbox:list"), message_id=m.pk)
            for m in qs[:SHOWN]
        ],
    )
