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

from akn.model import Footnote, MastheadLine, Paragraph, Resolution

from .reprint import Reprinter

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
    notes: str = "inline"  # "(Footnote: …)" where the marker stood; "endnotes": "[1]" and "[1] …" at the
    # end, as some archives print them; "dropped": notes and markers gone
    blank_lines: bool = False  # a blank line between paragraphs
    emphasis: str = ""  # how the site's markdown marks italics: "", "*", "**", "_"
    invisible: float = 0.0  # share of paragraphs with a zero-width space or soft hyphen left in
    seed: int = 0


class _Printer(Reprinter):
    def __init__(self, res: Resolution, style: WebStyle) -> None:
        super().__init__(res)
        self.style = style
        self.rng = random.Random(style.seed)
        self.out: list[str] = []
        self.first_number = False
        self.endnotes: list[str] = []

    def italic(self, text: str) -> str:
        return f"{self.style.emphasis}{text}{self.style.emphasis}" if text.strip() else text

    def note(self, node: Footnote, before: str) -> str:
        if self.style.notes == "inline":
            return f" (Footnote: {self.flat(node.children)})"
        if self.style.notes == "endnotes":
            self.endnotes.append(f"[{node.marker}] {self.flat(node.children)}")
            return f"[{node.marker}]"
        return ""

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

    def paragraph(self, label: str | None, text: str) -> None:
        self.out.append((self.number(label) if label else "") + " ".join(text.split()))
        if self.style.blank_lines:
            self.out.append("")

    def item(self, label: str, text: str) -> None:
        self.line((f"\t{label}\t" if self.style.numbers == "tabbed" else f"{label} ") + text)

    def heading(self, text: str) -> None:
        self.line(text)

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
        self.out += [""] + self.endnotes + [""] + SITE_FOOT
        return "\n".join(self.out) + "\n"


def web_layout(res: Resolution, style: WebStyle | None = None) -> str:
    """``res`` as a copy taken from a web page or a database record."""
    return _Printer(res, style or WebStyle()).document()
