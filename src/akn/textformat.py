"""The spelling of the canonical text format ``akn-text/1`` (docs/text-format.md) in one place.

The text writer writes it and the text reader's strict path reads it; both take the line shapes
and the escaping rule from here, so neither needs to know the other.
"""
from __future__ import annotations

import re

FORMAT = "akn-text/1"

#: masthead roles a ``role: text`` line may name (the model's roles plus the SC heading line)
MASTHEAD_LINE_ROLES = ("organ", "symbol", "distribution", "issue_date", "session", "agenda_item",
                       "agenda_title", "status", "committee", "adoption", "heading", "other")

MASTHEAD_LINE = re.compile(r"^(%s):(?: (.*))?$" % "|".join(MASTHEAD_LINE_ROLES))
HEADING = re.compile(r"^(#+)(?: (.*))?$")
SECTION_NUM = re.compile(r"^([^\s\\.()#<¶\[*]+)\.(?: (.*))?$")
PARAGRAPH = re.compile(r"^([^\s\\.#(<¶\[*]+)\.(?: (.*))?$")
UNNUMBERED = re.compile(r"^¶(?: (.*))?$")
ITEM = re.compile(r"^((?:    )+)\(([^\s()\\]+)\)(?: (.*))?$")
SECTION_END = "<!-- end of section -->"
NOTE_DEFINITION = re.compile(r"^\[\^([^\]\s\\]+)\]: ?(.*)$")
#: a table row ``| cell | cell |`` after a paragraph, and the ``|---|`` line marking the row above it
#: as a header row; a cell spanning columns or rows opens with ``{colspan=N rowspan=M}``
TABLE_ROW = re.compile(r"^\|.*\|$")
TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
CELL_SPAN = re.compile(r"^\{(?:colspan=(\d+))?(?: ?rowspan=(\d+))?\} ?")
#: a paragraph, section or item number the format can spell
NUM = re.compile(r"[^\s\\.()#<¶\[*]+")
#: a footnote marker the format can spell inside ``[^...]``
MARKER = re.compile(r"[^\]\s\\^]+")

#: link targets that are not IRIs: ``[16 December 2021](date:2021-12-16)``, ``[53rd plenary meeting](event:)``
DATE_TARGET = "date:"
EVENT_TARGET = "event:"

_INLINE_SPECIALS = re.compile(r"([\\*\[\]])")


def escape(text: str) -> str:
    """Text with the characters the inline syntax uses (``\\ * [ ]``) made literal by a backslash."""
    return _INLINE_SPECIALS.sub(r"\\\1", text)


def escape_target(target: str) -> str:
    """A link target with ``\\`` and ``)`` made literal, and an IRI that looks like ``date:``/``event:`` guarded."""
    target = target.replace("\\", "\\\\").replace(")", "\\)")
    return "\\" + target if target.startswith((DATE_TARGET, EVENT_TARGET)) else target


def protect_line(line: str) -> str:
    """A plain line (preambular paragraph, formula, closing line) made unreadable as any other shape.

    A backslash before the first character makes it literal; a footnote marker followed by ``:``
    has its colon escaped so that it is not read as a footnote definition.
    """
    if NOTE_DEFINITION.match(line):
        end = line.index("]:") + 1
        return line[:end] + "\\" + line[end:]
    if (line[:1] in ("#", " ", "<", "¶", "(", "|") or MASTHEAD_LINE.match(line) or PARAGRAPH.match(line)
            or line == ""):
        return "\\" + line
    return line
