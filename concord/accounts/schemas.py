import datetime as dt
from typing import Literal

from ninja import Field, Schema

from concord.core.schemas import InputSchema

from .signin.schemas import TwoFactorOut


class RightsOut(Schema):
    secretariat: bool
    chair: bool
    member: bool
    observer: bool
    manage_accounts: bool
    read_audit: bool


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    role: str
    state: str | None
    rights: RightsOut
    two_factor: TwoFactorOut


class TokenIn(InputSchema):
    name: str = Field(min_length=1, max_length=100, pattern=r"\S")


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class NewTokenOut(TokenOut):
    token: str


class UserIn(InputSchema):
    email: str = Field(max_length=254, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    role: Literal["secretariat", "chair", "coordinator", "delegate", "observer"]
    state: str | None = Field(None, max_length=10)
    password: str | None = None
    display_name: str = Field("", max_length=150)


class UserPatch(InputSchema):
    active: bool


class UserOut(Schema):
    id: int
    email: str
    display_name: str
    role: str
    state: str | None
    is_active: bool
    date_joined: dt.datetime

    @staticmethod
    def resolve_state(user) -> str | None:
        return user.participant.code if user.participant_id else None
