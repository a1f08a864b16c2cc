"""The names a person reads in place of the codes and slugs an entry's summary was written with.

A summary is sealed into the chain as it was written ("KZ objects", "almaty-act-2002 v1 adopted"),
so it is never rewritten; the page shows it with each state code and slug it knows replaced by
the name or title in the reader's language. The audit app imports nothing domain-specific: the
apps that own the names register a function giving them (``NAME_SOURCES``), as
``documents.selectors.HELD_TEXT_SOURCES`` does for held texts.
"""

import re
from collections.abc import Callable

NAME_SOURCES: list[Callable[[], dict[str, str]]] = []
# A state code (KZ) or a slug (almaty-act-2002), standing alone.
_TOKEN = re.compile(r"(?<![\w@./-])(?:[A-Z]{2}|[a-z0-9]+(?:-[a-z0-9]+)+)(?![\w@/-])")


def register(source: Callable[[], dict[str, str]]) -> None:
    if source not in NAME_SOURCES:
        NAME_SOURCES.append(source)


def known_names() -> dict[str, str]:
    """Every registered code and slug with its name, in the active language."""
    names: dict[str, str] = {}
    for source in NAME_SOURCES:
        names.update((key, name) for key, name in source().items() if name)
    return names


def readable(summary: str, names: dict[str, str]) -> str:
    """``summary`` with every known code and slug replaced by its name."""
    return _TOKEN.sub(lambda m: names.get(m.group(0), m.group(0)), summary)
