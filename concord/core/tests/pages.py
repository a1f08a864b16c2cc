"""What a person sees of a page: its words, without tags, attributes, scripts or styles (where
ids and slugs rightly stay, in links and anchors)."""

import html
import re

_HIDDEN = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")


def visible_text(page: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", page))).split())
