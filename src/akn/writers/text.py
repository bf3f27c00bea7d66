"""Text writer: the model -> the canonical text format ``akn-text/1`` (docs/text-format.md).

One block per printed paragraph, separated by blank lines, readable as markdown; every piece of
the model is spelled explicitly (italics, citations, dates, meetings, footnotes), so the text
reader's strict path gives the same model back.
"""
from __future__ import annotations

import re

from ..errors import ConversionError
from ..model import (
    Annex, BodyPart, Cell, DateRef, Event, Footnote, Inline, Italic, Item, MastheadLine, Paragraph, Ref, Resolution,
    Section, Table, Text,
)
from ..textformat import (
    DATE_TARGET, EVENT_TARGET, FORMAT, MARKER, MASTHEAD_LINE_ROLES, NUM, SECTION_END, SECTION_NUM, escape, escape_target, protect_line,
)

_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


class _TextWriter:
    """Writes one resolution; footnote bodies are collected in reading order for the end."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.in_italic = False

    def inlines(self, nodes: list[Inline]) -> str:
        return "".join(self.inline(node) for node in nodes)

    def inline(self, node: Inline) -> str:
        if isinstance(node, Text):
            return _text(node.text)
        if isinstance(node, Italic):
            if self.in_italic:
                raise ConversionError("italic inside italic cannot be written as text")
            self.in_italic = True
            try:
                return f"*{self.inlines(node.children)}*"
            finally:
                self.in_italic = False
        if isinstance(node, Ref):
            return f"[{_link_text(self.inlines(node.children))}]({escape_target(node.href)})"
        if isinstance(node, DateRef):
            return f"[{_link_text(_text(node.text))}]({DATE_TARGET}{escape_target(node.date)})"
        if isinstance(node, Event):
            return f"[{_link_text(_text(node.text))}]({EVENT_TARGET})"
        if isinstance(node, Footnote):
            if not MARKER.fullmatch(node.marker):
                raise ConversionError(f"footnote marker {node.marker!r} cannot be written as text")
            slot = len(self.notes)
            self.notes.append("")  # reserved: nested notes follow their parent, as the reader expects
            self.notes[slot] = f"[^{node.marker}]: {self.inlines(node.children)}"
            return f"[^{node.marker}]"
        raise ConversionError(f"the text format has no spelling for {type(node).__name__}")

    def masthead_line(self, line: MastheadLine) -> str:
        if line.role not in MASTHEAD_LINE_ROLES:
            raise ConversionError(f"masthead role {line.role!r} cannot be written as text")
        text = self.inlines(line.children)
        return f"{line.role}: {text}" if text else f"{line.role}:"

    def plain(self, nodes: list[Inline]) -> str:
        return protect_line(self.inlines(nodes))

    # ----------------------------------------------------------------------------- blocks

    def body(self, parts: list[BodyPart], depth: int = 2) -> list[str]:
        blocks: list[str] = []
        for k, part in enumerate(parts):
            if isinstance(part, Section):
                heading = self.inlines(part.heading)
                if part.num:
                    line = f"{'#' * depth} {_num(part.num, 'section')}." + (f" {heading}" if heading else "")
                else:
                    line = f"{'#' * depth} " + ("\\" if SECTION_NUM.match(heading) else "") + heading
                blocks.append(line)
                blocks += [self.plain(p.children) for p in part.preamble]
                blocks += self.body(part.children, depth + 1)
                if k + 1 < len(parts) and isinstance(parts[k + 1], Paragraph):
                    blocks += [SECTION_END] * _open_depth(part)  # what follows is not part of it
            else:
                blocks += self.paragraph(part)
        return blocks

    def paragraph(self, para: Paragraph) -> list[str]:
        text = self.inlines(para.children)
        head = f"{_num(para.num, 'paragraph')}." if para.num else "¶"
        if para.tables and para.items:
            raise ConversionError("a table in a paragraph with items cannot be written as text")
        return [f"{head} {text}" if text else head] + self.items(para.items, 1) + [self.table(t) for t in para.tables]

    def table(self, table: Table) -> str:
        """One block of ``| cell |`` rows; a header row has a ``|---|`` line under it."""
        lines = []
        for row in table.rows:
            if not row:
                raise ConversionError("a table row without cells cannot be written as text")
            if len({cell.header for cell in row}) > 1:
                raise ConversionError("a table row mixing header and data cells cannot be written as text")
            lines.append("| " + " | ".join(self.cell(cell) for cell in row) + " |")
            if row[0].header:
                lines.append("|" + "---|" * len(row))
        return "\n".join(lines)

    def cell(self, cell: Cell) -> str:
        text = self.inlines(cell.children).replace("|", "\\|")
        if text.startswith("{"):
            text = "\\" + text
        spans = [f"colspan={cell.colspan}"] if cell.colspan > 1 else []
        spans += [f"rowspan={cell.rowspan}"] if cell.rowspan > 1 else []
        return ("{" + " ".join(spans) + "} " if spans else "") + text

    def items(self, items: list[Item], depth: int) -> list[str]:
        blocks = []
        for item in items:
            text = self.inlines(item.children)
            label = f"{'    ' * depth}({_num(item.num, 'item')})"
            blocks.append(f"{label} {text}" if text else label)
            blocks += self.items(item.items, depth + 1)
        return blocks

    def annex(self, annex: Annex) -> list[str]:
        head = f"# {_text(annex.heading)}"
        if annex.title:
            head += f"\n# {self.inlines(annex.title)}"
        return [head] + self.body(annex.body)

    # --------------------------------------------------------------------------- document

    def document(self, res: Resolution) -> str:
        if not res.body:
            raise ConversionError("a resolution without an operative part cannot be written as text")
        blocks = [_front_matter(res)]
        if res.masthead:
            blocks.append("\n".join(self.masthead_line(line) for line in res.masthead))
        if res.title:
            number = f"{res.number}. " if res.number else ""
            blocks.append(f"# {number}{self.inlines(res.title)}")
        blocks.append(self.plain(res.formula))
        blocks += [self.plain(p.children) for p in res.preamble]
        blocks += self.body(res.body)
        if res.closing:
            blocks.append("\n".join(self.plain(line) for line in res.closing))
        for annex in res.annexes:
            blocks += self.annex(annex)
        blocks += self.notes
        return "\n\n".join(blocks) + "\n"


def _open_depth(section: Section) -> int:
    """How many sections are still open after ``section``'s last block: it and its last sub-sections."""
    depth = 1
    while section.children and isinstance(section.children[-1], Section):
        section, depth = section.children[-1], depth + 1
    return depth


def _link_text(text: str) -> str:
    """Link text that starts with ``^`` would read as a footnote marker ``[^...]``."""
    return "\\" + text if text.startswith("^") else text


def _num(num: str, what: str) -> str:
    if not NUM.fullmatch(num):
        raise ConversionError(f"{what} number {num!r} cannot be written as text")
    return num


def _one_line(text: str) -> str:
    return _LINE_BREAKS.sub(" ", text)


def _text(text: str) -> str:
    """Text on one line, its markup characters escaped."""
    return escape(_one_line(text))


def _front_matter(res: Resolution) -> str:
    meta = res.meta
    fields = [("format", FORMAT), ("symbol", meta.symbol), ("body", meta.body), ("kind", meta.kind),
              ("language", meta.language), ("adopted", meta.adoption_date), ("issued", meta.issue_date),
              ("number", res.number)]
    return "\n".join(["---", *(f"{k}: {_one_line(v)}" for k, v in fields if v), "---"])


def write_text(res: Resolution) -> str:
    """The resolution in the canonical text format; the same model always gives the same text."""
    return _TextWriter().document(res)
