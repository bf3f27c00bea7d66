"""Pass 2c: undo the block markup a markdown extractor may write around a resolution's structure.

Heading hashes (``# 80/11. Title``, ``## Annex``), quote marks (``> ``), emphasis around a paragraph
or item label (``**1.** Welcomes``, ``*(a)*``), around a whole line that is structure (the enacting formula
``**The General Assembly,**``, a numbered title, a heading ``*Follow-up*``), and list bullets before
a label (``- (a) the``) hide what the later passes look for at the start of a line. Emphasis inside
the text stays: it marks phrases.
"""
from __future__ import annotations

import re

from ...languages import LANGUAGES
from .lines import Line

_MARKUP_START = re.compile(r"\s*[#>*_\-+]")
_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_QUOTE = re.compile(r"^(?:>[ \t]?)+")
_LABEL = r"(?:\d{1,4}\.|\([a-z]{1,4}\)|[IVXL]{1,6}\.|[A-H]\.)"
#: "**1.** Welcomes", "*(a)* the", "**1**. Welcomes": emphasis around the label only
_EMPHASISED_LABEL = re.compile(rf"^([*_]{{1,2}})({_LABEL})\1(?=\s)|^([*_]{{1,2}})(\d{{1,4}})\3(?=\.\s)")
_BULLETED_LABEL = re.compile(rf"^[-*+][ \t]+(?={_LABEL}\s)")
_LEADING_NUMBER = re.compile(rf"^(?:{_LABEL}|\d{{1,4}}/\d{{1,4}}\.|[A-Z]{{1,2}}-\d+/\d+\.)\s")
_WHOLE_LINE_EMPHASIS = re.compile(r"^([*_]{1,2})(\S(?:.*\S)?)\1([,:]?)$")


def undo_block_markup(lines: list[Line]) -> list[Line]:
    """Lines with markdown block syntax around the structure removed; line numbers kept."""
    return [_undone(line) if line.kind == "text" and _MARKUP_START.match(line.text) else line for line in lines]


def _undone(line: Line) -> Line:
    text = line.text.strip()
    if text.startswith(">"):
        text = _QUOTE.sub("", text)
    heading = _HEADING.match(text)
    if heading:
        text = heading.group(1)
    text = _EMPHASISED_LABEL.sub(lambda m: m.group(2) or m.group(4), text, count=1)
    text = _BULLETED_LABEL.sub("", text, count=1)
    whole = _WHOLE_LINE_EMPHASIS.match(text)
    if whole and _structural(whole.group(2) + whole.group(3)):
        text = whole.group(2) + whole.group(3)
    if text == line.text.strip():
        return line
    return Line(line.no, text, "text" if text.strip() else "blank")


def _structural(text: str) -> bool:
    """Whether a line printed wholly in emphasis is structure rather than an emphasised phrase: the
    formula, a numbered title or label, or a short heading (capitalised, no closing punctuation)."""
    if _LEADING_NUMBER.match(text) or any(lang.match_formula(text) for lang in LANGUAGES.values()):
        return True
    return text[:1].isupper() and text[-1:] not in ".,;:!?" and len(text.split()) <= 14
