import datetime as dt

from ninja import Schema


class MessageOut(Schema):
    id: int
    kind: str
    subject: str
    body: str
    link: str
    created_at: dt.datetime
    read_at: dt.datetime | None
