"""Print a resolution again as a copy taken from a web page or a database, to test the reader on
the ways such copies differ from the printed document.

Web copies keep the words but lose the layout: the resolution sits between site navigation and a
footer, each paragraph is one line, list conversion turns a paragraph number into a bullet, tabs
stand after numbers, footnotes are printed inline as "(Footnote: …)", and invisible characters
are left in. Like :mod:`tests.pdf_layout`, a fixture, not a writer.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from akn.model import (
    DateRef, Event, Footnote, Inline, Italic, Item, MastheadLine, Paragraph, Ref, Resolution, Section, Text,
)

SITE_HEAD = [
    "Skip to main content",
    "Home | Documents | Resolutions | About us | Contact",
    "Search the archive",
    "You are here: Home > Documents > General Assembly",
]
SITE_FOOT = [
    "Share this page: Facebook Twitter Email",
    "Tags: disarmament, development, human rights",
    "© 2025 Document archive. All rights reserved. Terms of use | Privacy policy",
]


@dataclass
class WebStyle:
    """The choices that differ between sites."""

    numbers: str = "plain"  # plain "1. ", tabbed "\t1.\t", or first-bullet: "- " for operative "1. "
    inline_notes: bool = True  # footnotes as "(Footnote: …)"; else dropped with their markers
    blank_lines: bool = False  # a blank line between paragraphs
    invisible: float = 0.0  # share of paragraphs with a zero-width space or soft hyphen left in
    seed: int = 0


class _Printer:
    def __init__(self, res: Resolution, style: WebStyle) -> None:
        self.res, self.style = res, style
        self.rng = random.Random(style.seed)
        self.out: list[str] = []
        self.first_number = False

    def flat(self, inlines: list[Inline]) -> str:
        out: list[str] = []
        for node in inlines:
            if isinstance(node, Text):
                out.append(node.text)
            elif isinstance(node, (DateRef, Event)):
                out.append(node.text)
            elif isinstance(node, (Italic, Ref)):
                out.append(self.flat(node.children))
            elif isinstance(node, Footnote) and self.style.inline_notes:
                out.append(f" (Footnote: {self.flat(node.children)})")
        return "".join(out)

    def line(self, text: str) -> None:
        text = " ".join(text.split())
        if text and self.rng.random() < self.style.invisible:
            cut = text.find(" ", len(text) // 2)
            if cut > 0:
                text = text[:cut] + self.rng.choice(["\u200b", "\u00ad", "\u200d"]) + text[cut:]
        self.out.append(text)
        if self.style.blank_lines:
            self.out.append("")

    def number(self, label: str) -> str:
        if self.style.numbers == "tabbed":
            return f"\t{label}\t"
        if self.style.numbers == "first-bullet" and self.first_number:
            self.first_number = False
            return "- "
        return f"{label} "

    def items(self, items: list[Item]) -> None:
        for item in items:
            prefix = f"\t({item.num})\t" if self.style.numbers == "tabbed" else f"({item.num}) "
            self.line(prefix + self.flat(item.children))
            self.items(item.items)

    def body(self, parts) -> None:
        for part in parts:
            if isinstance(part, Section):
                heading = self.flat(part.heading)
                self.line(f"{part.num}. {heading}" if part.num else heading)
                self.body(part.children)
            elif isinstance(part, Paragraph):
                text = self.flat(part.children)
                self.out.append((self.number(f"{part.num}.") if part.num else "") + " ".join(text.split()))
                if self.style.blank_lines:
                    self.out.append("")
                self.items(part.items)

    def document(self) -> str:
        res = self.res
        self.out += SITE_HEAD + [""]
        kept: list[MastheadLine] = [m for m in res.masthead if m.role in ("status", "committee", "adoption")]
        for m in kept:
            self.line(self.flat(m.children))
        if res.number or res.title:
            self.line(" ".join(filter(None, [f"{res.number}." if res.number else None, self.flat(res.title)])))
        self.line(self.flat(res.formula))
        for p in res.preamble:
            self.line(self.flat(p.children))
        # list conversion loses the number of a list's first item: operative paragraph 1
        self.first_number = bool(res.body) and isinstance(res.body[0], Paragraph) and res.body[0].num == "1"
        self.body(res.body)
        self.first_number = False
        for closing in res.closing:
            self.line(self.flat(closing))
        for annex in res.annexes:
            self.line(annex.heading)
            self.line(self.flat(annex.title))
            self.body(annex.body)
        self.out += [""] + SITE_FOOT
        return "\n".join(self.out) + "\n"


def web_layout(res: Resolution, style: WebStyle | None = None) -> str:
    """``res`` as a copy taken from a web page or a database record."""
    return _Printer(res, style or WebStyle()).document()
