"""The kinds the parser, the models, the exports and the templates share.

Plain ``StrEnum`` (the parser does not import Django): a member is its string, so it goes into
JSON, a database column and a comparison with stored text unchanged. Templates compare with the
members (``{% if p.kind == ParagraphKind.ARTICLE %}``): Django calls what it finds unless told
not to, hence ``do_not_call_in_templates``, as Django's own ``TextChoices`` declare.
"""

from __future__ import annotations

from enum import StrEnum, nonmember


class _Kind(StrEnum):
    do_not_call_in_templates = nonmember(True)


class LineKind(_Kind):
    """What a unit of the text looks like, told from its own words (``classify``).

    The first five are the markers a unit may open with. ``part_builder`` looks the kind up,
    with the zone it stands in, in its table of handlers.
    """

    ARTICLE = "article"
    RULE = "rule"
    SECTION = "section"
    PARAGRAPH = "paragraph"
    SUBPARAGRAPH = "subparagraph"
    ANNEX = "annex"
    CLOSING = "closing"
    FORMULA = "formula"
    CLAUSE = "clause"
    HEADING = "heading"
    TEXT = "text"


class ParagraphKind(_Kind):
    """A numbered paragraph of the operative part, or an article or rule standing for one."""

    PARAGRAPH = "paragraph"
    ARTICLE = "article"
    RULE = "rule"


class UnitKind(_Kind):
    """An addressable unit of a document, in reading order (``rendering.walk``, ``Unit.kind``)."""

    HEADER = "header"
    TITLE = "title"
    ENACTING = "enacting"
    PREAMBLE = "preamble"
    FORMULA = "formula"
    SECTION = "section"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    BLOCK = "block"
    SUBPARAGRAPH = "subparagraph"
    CLOSING = "closing"
    ANNEX = "annex"
    UNCLASSIFIED = "unclassified"
