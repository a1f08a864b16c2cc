"""The hash chain, pure: what an entry's hash seals, and the walk that judges a chain against its
head and against heads saved by others. The API, the command and the tests all judge with it.

Each kind of tampering leaves its own trace, and the walk names it: a changed entry no longer
matches its hash; a removed one leaves a gap or a chain that stops short of the head; a rewrite
whose later hashes were recomputed ends at a hash the head does not carry, or moves the head to
a hash this installation never signed; a rollback to an older signed head is seen by whoever
saved a later one.
"""

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext as _

from . import signing

GENESIS = "0" * 64
HASH = re.compile(r"[0-9a-f]{64}")


def canonical(fields: dict) -> bytes:
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def entry_fields(entry) -> dict:
    """What the hash seals: everything but the hash itself."""
    return {
        "seq": entry.seq,
        "occurred_at": entry.occurred_at.isoformat(),
        "event": entry.event,
        "actor_user": entry.actor_user_id,
        "actor_label": entry.actor_label,
        "actor_role": entry.actor_role,
        "acting_for": entry.acting_for,
        "target_type": entry.target_type,
        "target_id": entry.target_id,
        "summary": entry.summary,
        "data": entry.data,
        "prev_hash": entry.prev_hash,
    }


def compute_hash(entry) -> str:
    return hashlib.sha256(canonical(entry_fields(entry))).hexdigest()


@dataclass(frozen=True)
class Head:
    """The head stored with the chain, or a copy of a published one. A copy given only as
    seq and hash (`signature` None) is checked for where the chain runs, not for its signature."""

    seq: int
    hash: str
    signature: str | None = None
    public_key: str = ""
    signed_at: datetime | None = None


def saved_head(data) -> Head:
    """A head saved from `GET /api/audit/head`; ValueError names what is wrong with it."""
    if not isinstance(data, dict):
        raise ValueError(_("a saved head is a JSON object"))
    seq, entry_hash = data.get("seq"), data.get("hash")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise ValueError(_("“seq” must be a whole number from 1"))
    if not isinstance(entry_hash, str) or not HASH.fullmatch(entry_hash):
        raise ValueError(_("“hash” must be 64 lowercase hexadecimal digits"))
    for name in ("signature", "public_key"):
        if not isinstance(data.get(name), str) or not data[name]:
            raise ValueError(_("“%(name)s” is missing") % {"name": name})
    return Head(seq, entry_hash, data["signature"], data["public_key"])


@dataclass(frozen=True)
class Problem:
    seq: int
    reason: str


@dataclass(frozen=True)
class Verdict:
    head: Head
    entries: int
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def first_broken_seq(self) -> int | None:
        return min((p.seq for p in self.problems), default=None)


def _gap(expected: int, found: int) -> Problem:
    if found == expected + 1:
        missing = _("Entry #%(seq)s is missing: it was deleted.")
        return Problem(expected, missing % {"seq": expected})
    return Problem(
        expected,
        _("Entries #%(first)s to #%(last)s are missing: they were deleted.")
        % {"first": expected, "last": found - 1},
    )


def _check_copies(saved: list[Head], public_key: str) -> tuple[list[Problem], list[str]]:
    problems, notes = [], []
    for copy in saved:
        if copy.signature is None:
            continue
        if not signing.signature_valid(copy.seq, copy.hash, copy.signature, copy.public_key):
            problems.append(
                Problem(
                    copy.seq,
                    _(
                        "The saved head #%(seq)s is not validly signed by the key it names: it is "
                        "not a head that was published."
                    )
                    % {"seq": copy.seq},
                )
            )
        elif copy.public_key != public_key:
            notes.append(
                _(
                    "The saved head #%(seq)s was signed with another key than this "
                    "installation's current one: the key was changed since."
                )
                % {"seq": copy.seq}
            )
    return problems, notes


def walk(entries: Iterable, head: Head, *, public_key: str, saved: Iterable[Head] = ()) -> Verdict:
    """Walk `entries` (in seq order) from the genesis; the walk must end exactly at `head`, whose
    signature must be `public_key`'s, and pass through every `saved` head."""
    saved = list(saved)
    problems, notes = _check_copies(saved, public_key)
    copies_at: dict[int, list[Head]] = {}
    for copy in saved:
        copies_at.setdefault(copy.seq, []).append(copy)
    expected, previous, last, count = 1, GENESIS, 0, 0
    for entry in entries:
        if entry.seq > head.seq:
            problems.append(
                Problem(
                    entry.seq,
                    _(
                        "Entry #%(seq)s lies beyond the head (#%(head)s): the head was moved "
                        "back, or the entry was added without moving it."
                    )
                    % {"seq": entry.seq, "head": head.seq},
                )
            )
            break
        count += 1
        if entry.seq != expected:
            problems.append(_gap(expected, entry.seq))
        elif entry.prev_hash != previous:
            problems.append(
                Problem(
                    entry.seq,
                    _(
                        "Entry #%(seq)s does not point to the entry before it: that entry was "
                        "replaced."
                    )
                    % {"seq": entry.seq},
                )
            )
        if compute_hash(entry) != entry.entry_hash:
            problems.append(
                Problem(
                    entry.seq,
                    _(
                        "Entry #%(seq)s was changed after it was written: its content no longer "
                        "matches its hash."
                    )
                    % {"seq": entry.seq},
                )
            )
        for copy in copies_at.get(entry.seq, ()):
            if copy.hash != entry.entry_hash:
                problems.append(
                    Problem(
                        entry.seq,
                        _(
                            "The chain no longer passes through the saved head #%(seq)s: the "
                            "entry there has another hash, so the history up to it was rewritten."
                        )
                        % {"seq": entry.seq},
                    )
                )
        previous, last, expected = entry.entry_hash, entry.seq, entry.seq + 1
    if last < head.seq:
        problems.append(
            Problem(
                last + 1,
                _(
                    "The chain ends at #%(last)s but the head is at #%(head)s: entries at the end "
                    "were deleted, or the head was moved forward."
                )
                % {"last": last, "head": head.seq},
            )
        )
    elif previous != head.hash:
        problems.append(
            Problem(
                head.seq,
                _(
                    "Entry #%(seq)s does not carry the head's hash: the chain was rewritten and "
                    "its hashes recomputed, or the head was changed."
                )
                % {"seq": head.seq},
            )
        )
    if head.seq and not signing.signature_valid(
        head.seq, head.hash, head.signature or "", public_key
    ):
        problems.append(
            Problem(
                head.seq,
                _(
                    "The head (#%(seq)s) is not signed with this installation's key: it was moved "
                    "or rewritten by someone without the key, or the key was replaced."
                )
                % {"seq": head.seq},
            )
        )
    for copy in saved:
        if copy.seq > last:
            problems.append(
                Problem(
                    copy.seq,
                    _(
                        "The chain no longer reaches the saved head #%(seq)s: it ends at "
                        "#%(last)s, so entries were removed."
                    )
                    % {"seq": copy.seq, "last": last},
                )
            )
    return Verdict(head, count, sorted(problems, key=lambda p: p.seq), notes)
