"""Recognise mentions of registered documents ("the Almaty Act", "the UN Charter") in a text."""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Mention:
    slug: str
    phrase: str
    start: int


class ReferenceMatcher:
    """One alternation of every alias, longest first, so "CICA Catalogue of CBMs" wins over
    "Catalogue of CBMs"; case-insensitive, whole words only."""

    def __init__(self, aliases: dict[str, list[str]]):
        self._slug_of = {}
        for slug, names in aliases.items():
            for name in names:
                self._slug_of.setdefault(name.casefold(), slug)
        names = sorted(self._slug_of, key=len, reverse=True)
        body = "|".join(re.escape(name).replace(r"\ ", r"\s+") for name in names)
        self._pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if names else None

    def find(self, text: str) -> list[Mention]:
        if self._pattern is None:
            return []
        return [
            Mention(self._slug_of[" ".join(m.group(0).split()).casefold()], m.group(0), m.start())
            for m in self._pattern.finditer(text)
        ]
