import datetime as dt

from ninja import Schema


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


class TokenIn(Schema):
    name: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None


class NewTokenOut(TokenOut):
    token: str


class UserIn(Schema):
    email: str
    role: str
    state: str | None = None
    password: str | None = None
    display_name: str = ""


class UserPatch(Schema):
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
