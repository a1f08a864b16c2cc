import datetime as dt

from ninja import Schema


class TwoFactorOut(Schema):
    enrolled: bool
    required: bool
    recovery_codes_left: int


class SignInStatusOut(Schema):
    id: int
    email: str
    locked_until: dt.datetime | None
    two_factor: TwoFactorOut
