"""The actor of every service call: a person *and* what they act for, or the SYSTEM."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from concord.accounts.models import User
    from concord.members.models import Participant


class BuiltInRole(StrEnum):
    """The roles of the two actors no account stands behind; an account's role is one of
    ``accounts.models.Role``."""

    SYSTEM = "system"
    PUBLIC = "public"


@dataclass(frozen=True)
class Actor:
    user: User | None
    participant: Participant | None
    role: str
    label: str

    @property
    def is_system(self) -> bool:
        return self.role == BuiltInRole.SYSTEM

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None or self.is_system


SYSTEM = Actor(user=None, participant=None, role=BuiltInRole.SYSTEM, label="SYSTEM")
PUBLIC = Actor(user=None, participant=None, role=BuiltInRole.PUBLIC, label="public")


def actor_for(user) -> Actor:
    if user is None or not user.is_authenticated or not user.is_active:
        return PUBLIC
    return Actor(user=user, participant=user.participant, role=user.role, label=user.email)


def actor_from_request(request) -> Actor:
    return actor_for(getattr(request, "auth_user", None) or request.user)
