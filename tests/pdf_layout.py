"""Lay a resolution out again as text extracted from an official PDF, to test the reader on layouts
the corpus holds only a few of.

The corpus has five PDF extractions but many reflowed ones. Reading a reflowed file gives a model
that matches its ground truth; printing that model the way pdftotext prints a UN PDF — hard-wrapped
lines with trailing spaces, masthead with job number and barcode, numbers on their own line or
not, footnote markers glued to the word before them, footnote blocks after a rule at the foot of
each page, running headers with symbol, title, job number and page number, paragraphs cut by page
breaks — gives a new PDF-style input whose truth is the same. This is a test fixture, not a writer:
it loses what a PDF extraction loses (italics, links) on purpose.
"""
from __future__ import annotations

import random
import re
import textwrap
from dataclasses import dataclass, field

from akn.model import Footnote, Resolution

from .reprint import Reprinter


@dataclass
class Style:
    """The choices that differ between printed documents."""

    width: int = 86
    page_lines: int = 46
    number_on_own_line: bool = True
    space_before_marker: float = 0.05  # share of markers printed "word 3" instead of "word3"
    blank_lines: bool = True  # False: no blank line anywhere, as some extractors print paragraphs
    seed: int = 0


@dataclass
class _Page:
    lines: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


class _Printer(Reprinter):
    def __init__(self, res: Resolution, style: Style) -> None:
        super().__init__(res)
        self.style = style
        self.rng = random.Random(style.seed)
        self.job = f"25-{self.rng.randint(10000, 29999)}"
        self.pages: list[_Page] = [_Page()]
        self.notes_waiting: list[str] = []

    def note(self, node: Footnote, before: str) -> str:
        # "Commitment, 12 which": some markers after a comma print apart from it
        apart = before.endswith(",") and self.rng.random() < self.style.space_before_marker
        self.notes_waiting.append(f"{node.marker} {self.flat(node.children)}")
        return f"{' ' if apart else ''}{node.marker}"

    # ------------------------------------------------------------------------------- lines
    def line(self, text: str, keep_with_next: bool = False) -> None:
        page = self.pages[-1]
        page.lines.append(text + " " if text.strip() else " ")
        # a note prints at the foot of the page where its marker line ends
        page.notes += self.notes_waiting
        self.notes_waiting = []
        full = len(page.lines) + sum(len(n) // self.style.width + 2 for n in page.notes) >= self.style.page_lines
        if full and not keep_with_next:
            self.pages.append(_Page())

    def block(self, text: str, label: str | None = None) -> None:
        # notes gathered while flattening belong to the block's last line
        waiting, self.notes_waiting = self.notes_waiting, []
        wrapped = textwrap.wrap(" ".join(text.split()), self.style.width, break_on_hyphens=False) or [""]
        if label and self.style.number_on_own_line:
            self.line(label, keep_with_next=True)  # printed on the same baseline as the text
        elif label:
            wrapped = textwrap.wrap(f"{label} {' '.join(text.split())}", self.style.width, break_on_hyphens=False)
        for i, w in enumerate(wrapped):
            if i == len(wrapped) - 1:
                self.notes_waiting = waiting
            self.line(w)
        self.line("")

    # ---------------------------------------------------------------------------- document
    def masthead(self) -> None:
        roles: dict[str, list[str]] = {}
        for m in self.res.masthead:
            roles.setdefault(m.role, []).append(self.flat(m.children))
        head = ["United Nations"] + roles.pop("symbol", []) + [""] + roles.pop("organ", [])
        head += roles.pop("distribution", []) + roles.pop("issue_date", [])
        head += [f"{self.job} (E)", f"*{self.job.replace('-', '')}*", ""]
        for role in ("session", "agenda_item", "agenda_title"):
            head += roles.pop(role, [])
        for line in head:
            self.line(line)
        self.line("")
        for texts in roles.values():
            for text in texts:
                self.block(text)

    def paragraph(self, label: str | None, text: str) -> None:
        self.block(text, label)

    def item(self, label: str, text: str) -> None:
        self.block(text, label)

    def heading(self, text: str) -> None:
        self.block(text)

    def document(self) -> str:
        res = self.res
        self.masthead()
        if res.number or res.title:
            self.block(" ".join(filter(None, [f"{res.number}." if res.number else None, self.flat(res.title)])))
        self.block(self.flat(res.formula))
        for p in res.preamble:
            self.block(self.flat(p.children))
        self.body(res.body)
        for closing in res.closing:
            self.line(self.flat(closing))
        for annex in res.annexes:
            self.pages.append(_Page())
            self.block(annex.heading)
            self.block(self.flat(annex.title))
            self.body(annex.body)
        if self.notes_waiting:
            self.pages[-1].notes += self.notes_waiting
        return self.render()

    def render(self) -> str:
        title = " ".join(self.flat(self.res.title).split())[:90]
        symbol = self.res.meta.symbol or ""
        out: list[str] = []
        for n, page in enumerate(self.pages, start=1):
            if n > 1:
                header = [f"{symbol} ", title, " ", self.job, f"{n}/{len(self.pages)} ", " "]
                if n % 2:
                    header = [self.job, f"{n}/{len(self.pages)} ", " ", f"{symbol} ", title, " "]
                out += header
            out += page.lines
            if page.notes:
                out += ["_______________ ", " "]
                for note in page.notes:
                    out += textwrap.wrap(note, self.style.width) + [" "]
            out.append("")
        return "\n".join(out)


def pdf_layout(res: Resolution, style: Style | None = None) -> str:
    """``res`` printed as pdftotext prints an official UN resolution."""
    style = style or Style()
    printed = _Printer(res, style).document()
    return printed if style.blank_lines else re.sub(r"(?m)^ *\n", "", printed)
