import datetime as dt
from typing import Literal

from ninja import Field, Schema


class TaskOut(Schema):
    title: str
    url: str = Field(description="The item's page on the site")
    hint: str
    deadline: dt.datetime | None


class SectionOut(Schema):
    key: Literal["positions", "amendments", "silences", "messages"]
    title: str
    count: int
    url: str = Field(description="The page that lists the whole section")
    tasks: list[TaskOut]


class WorkOut(Schema):
    total: int
    sections: list[SectionOut]
