import datetime as dt
from typing import Literal

from django.conf import settings
from ninja import Field, Schema

from concord.core.schemas import InputSchema, LineOf

from .models import (
    EMAIL_MAX_LENGTH,
    PASSWORD_MAX_LENGTH,
    TIME_ZONE_MAX_LENGTH,
    ApiToken,
    Role,
    TokenScope,
    User,
)
from .signin.schemas import TwoFactorOut

RoleName = Literal[tuple(Role.values)]
ScopeName = Literal[tuple(TokenScope.values)]


class RightsOut(Schema):
    secretariat: bool
    chair: bool
    member: bool
    observer: bool
    manage_accounts: bool
    read_audit: bool


LanguageName = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    role: RoleName
    state: str | None
    rights: RightsOut
    two_factor: TwoFactorOut
    language: LanguageName | None = Field(
        description="The preferred language; null: as the browser asks"
    )
    time_zone: str = Field(description="The IANA name of the time zone times are shown in")
    time_zone_chosen: bool = Field(description="False: the site's time zone, none chosen")


class PreferencesPatch(InputSchema):
    language: LanguageName | Literal[""] | None = Field(
        None, description="en or ru; empty: as the browser asks. Left out: unchanged"
    )
    time_zone: str | None = Field(
        None,
        max_length=TIME_ZONE_MAX_LENGTH,
        description="An IANA name such as Asia/Almaty; empty: the site's. Left out: unchanged",
    )


class TokenIn(InputSchema):
    name: LineOf(ApiToken, "name", min_length=1, pattern=r"\S")
    scope: ScopeName = Field(
        "read", description="read: GET, HEAD and OPTIONS only; write: every method"
    )
    expires_in_days: int = Field(
        settings.API_TOKEN_DEFAULT_DAYS, ge=1, le=settings.API_TOKEN_MAX_DAYS
    )


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    scope: ScopeName
    created_at: dt.datetime
    expires_at: dt.datetime
    last_used_at: dt.datetime | None
    revoked_at: dt.datetime | None
    status: Literal[tuple(ApiToken.Status.values)]


class NewTokenOut(TokenOut):
    token: str


class UserIn(InputSchema):
    email: str = Field(max_length=EMAIL_MAX_LENGTH, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    role: RoleName
    state: str | None = Field(None, max_length=10)
    password: str | None = Field(
        None,
        max_length=PASSWORD_MAX_LENGTH,
        description="Leave out to send the person an invitation to set their own.",
    )
    display_name: LineOf(User, "display_name") = ""


class UserPatch(InputSchema):
    active: bool


class UserOut(Schema):
    id: int
    email: str
    display_name: str
    role: RoleName
    state: str | None
    is_active: bool
    date_joined: dt.datetime
    has_password: bool
    invitation_expires_at: dt.datetime | None = Field(
        None,
        description="When the newest invitation to set a password expires (or, for one "
        "revoked by a deactivation, when it was revoked)",
    )

    @staticmethod
    def resolve_state(user) -> str | None:
        return user.participant.code if user.participant_id else None

    @staticmethod
    def resolve_has_password(user) -> bool:
        return user.has_usable_password()


class InvitationOut(Schema):
    email: str
    created_at: dt.datetime
    expires_at: dt.datetime

    @staticmethod
    def resolve_email(invitation) -> str:
        return invitation.user.email
