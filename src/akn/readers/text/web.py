"""Pass 2b: undo what web pages and databases do to a resolution's text.

Tabs after numbers (``\\t1.\\tDecided``), "… [read more]" truncation links, "[^]" back-links and
list bullets are page mechanics, not text. Site navigation around the resolution is dropped later,
once the masthead and the closing lines show where the resolution starts and ends.
"""
from __future__ import annotations

import re

from .lines import Line

_READ_MORE = re.compile(r"\s*…\s*\[(?:read more|more|…)\]\s*", re.IGNORECASE)
_BACKLINK = re.compile(r"\s*\[\^\]\s*$")


def clean_web_text(lines: list[Line]) -> list[Line]:
    """Lines with web mechanics removed; line numbers kept."""
    out = []
    for line in lines:
        text = line.text
        if line.kind == "text":
            text = _READ_MORE.sub(" ", text)
            text = _BACKLINK.sub("", text)
            if "\t" in line.text or "  " in text.strip():
                indent = text[: len(text) - len(text.lstrip())]
                text = indent + re.sub(r"\s{2,}", " ", text.strip())
        out.append(Line(line.no, text, line.kind if text.strip() else "blank"))
    return out
