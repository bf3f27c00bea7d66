"""The document model: one resolution as plain dataclasses.

Every reader produces this model and every writer consumes it, so no format knows another.
The model holds what the document *says*, not how a format spells it: a preambular paragraph is
a list of inlines, not a ``<container>``; a footnote is an inline standing where its marker stood.
Nothing here does I/O or knows XML.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union

# --------------------------------------------------------------------------------------- inlines


@dataclass
class Text:
    """Plain running text."""

    text: str


@dataclass
class Italic:
    """Italic text: the initial phrase of a paragraph, a title of a publication, a Latin term."""

    children: list[Inline]


@dataclass
class Ref:
    """A citation of another document (resolution, report symbol); ``href`` is its AKN IRI."""

    href: str
    children: list[Inline]


@dataclass
class DateRef:
    """A printed date; ``date`` is its ISO form (YYYY-MM-DD)."""

    date: str
    text: str


@dataclass
class Event:
    """A printed meeting, e.g. "53rd plenary meeting"."""

    text: str


@dataclass
class Footnote:
    """An authorial footnote standing exactly where its marker stood in the text."""

    marker: str
    children: list[Inline]


Inline = Union[Text, Italic, Ref, DateRef, Event, Footnote]

# ---------------------------------------------------------------------------------------- blocks

#: What a masthead line means; the writers map each role to their own markup.
MASTHEAD_ROLES = (
    "organ",  # General Assembly
    "symbol",  # A/RES/76/187
    "distribution",  # Distr.: General
    "issue_date",  # 11 January 2022
    "session",  # Seventy-sixth session
    "agenda_item",  # Agenda item 108
    "agenda_title",  # Crime prevention and criminal justice
    "status",  # Resolution adopted by the General Assembly on 16 December 2021
    "committee",  # [on the report of the Third Committee (A/76/463, para. 26)]
    "adoption",  # Adopted by the Security Council at its 7399th meeting, on 5 March 2015
    "other",  # anything else printed above the formula
)


@dataclass
class MastheadLine:
    """One printed line above the enacting formula, with what it means."""

    role: str
    children: list[Inline]


@dataclass
class Cell:
    """One cell of a printed table: its text, whether it is a header cell, and how many columns
    and rows it spans (1 when it spans none)."""

    children: list[Inline]
    header: bool = False
    colspan: int = 1
    rowspan: int = 1


@dataclass
class Table:
    """A table printed after a paragraph's text (a staffing table, a scale of assessments): rows of
    cells, in reading order. It belongs to the paragraph it follows, as the PDF prints it."""

    rows: list[list[Cell]]


@dataclass
class Item:
    """A sub-item ``(a)`` or ``(i)`` of an operative paragraph; items nest."""

    num: str  # the label without brackets: "a", "ii"
    children: list[Inline]
    items: list[Item] = field(default_factory=list)


@dataclass
class Paragraph:
    """A numbered (or single unnumbered) paragraph of the operative part or of an annex.

    ``children`` is the paragraph text, or the chapeau when it has ``items``.
    """

    num: str | None  # "7" (printed "7."), None when unnumbered
    children: list[Inline]
    items: list[Item] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)  # printed after the text (a paragraph without items)


@dataclass
class PreambularParagraph:
    """One paragraph of the preamble; ``children`` usually opens with an :class:`Italic` phrase."""

    children: list[Inline]


@dataclass
class Section:
    """A heading grouping paragraphs: ``I. General`` (num "I") or an unnumbered heading.

    ``preamble``: a resolution in parts (I, II, … each with its own "Recalling …" paragraphs and
    its paragraphs numbered from 1) gives each part the preambular paragraphs it opens with.
    """

    num: str | None
    heading: list[Inline]
    children: list[BodyPart] = field(default_factory=list)
    preamble: list[PreambularParagraph] = field(default_factory=list)


BodyPart = Union[Paragraph, Section]


@dataclass
class Annex:
    """An annex after the closing lines: its heading ("Annex", "Annex I"), title and body."""

    heading: str
    title: list[Inline]
    body: list[BodyPart] = field(default_factory=list)


@dataclass
class Metadata:
    """What identifies the document; the writers derive IRIs and FRBR data from it."""

    symbol: str | None = None  # "A/RES/76/187", "S/RES/2208 (2015)"
    body: str = "GA"  # GA, SC, ECOSOC, HRC
    kind: str = "resolution"  # resolution | decision
    language: str = "eng"  # ISO 639-2 alpha-3
    adoption_date: str | None = None  # ISO date
    issue_date: str | None = None  # ISO date of "Distr.: General <date>"


@dataclass
class Vote:
    """A vote the text states: figures as printed ("by a recorded vote of 174 to 2, with 9
    abstentions"); a figure the text does not give is None."""

    in_favour: int | None
    against: int | None
    abstentions: int | None
    text: str


@dataclass
class Resolution:
    """A UN resolution or decision, from masthead to annexes."""

    meta: Metadata
    masthead: list[MastheadLine] = field(default_factory=list)
    number: str | None = None  # "76/187" as printed before the title
    title: list[Inline] = field(default_factory=list)
    formula: list[Inline] = field(default_factory=list)
    preamble: list[PreambularParagraph] = field(default_factory=list)
    body: list[BodyPart] = field(default_factory=list)
    closing: list[list[Inline]] = field(default_factory=list)  # printed closing lines
    annexes: list[Annex] = field(default_factory=list)
    votes: list[Vote] = field(default_factory=list)


# ------------------------------------------------------------------------------------- helpers


def plain_text(inlines: list[Inline]) -> str:
    """The text a reader sees, footnote bodies left out."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, (DateRef, Event)):
            out.append(node.text)
        elif isinstance(node, (Italic, Ref)):
            out.append(plain_text(node.children))
    return "".join(out)


def iter_footnotes(inlines: list[Inline]):
    """Every footnote in a run of inlines, depth first, in reading order."""
    for node in inlines:
        if isinstance(node, Footnote):
            yield node
            yield from iter_footnotes(node.children)
        elif isinstance(node, (Italic, Ref)):
            yield from iter_footnotes(node.children)


def inline_runs(res: Resolution):
    """Every run of inlines of a document in reading order: masthead, title, formula, preamble,
    the operative part (headings, paragraphs, items), closing lines, then each annex."""
    for line in res.masthead:
        yield line.children
    yield res.title
    yield res.formula
    for para in res.preamble:
        yield para.children

    def items(parts: list[Item]):
        for item in parts:
            yield item.children
            yield from items(item.items)

    def body(parts: list[BodyPart]):
        for part in parts:
            if isinstance(part, Section):
                yield part.heading
                for para in part.preamble:
                    yield para.children
                yield from body(part.children)
            else:
                yield part.children
                yield from items(part.items)
                for table in part.tables:
                    for row in table.rows:
                        for cell in row:
                            yield cell.children

    yield from body(res.body)
    yield from res.closing
    for annex in res.annexes:
        yield annex.title
        yield from body(annex.body)


def walk_paragraphs(parts: list[BodyPart]):
    """Every paragraph under a list of body parts, sections flattened, in order."""
    for part in parts:
        if isinstance(part, Section):
            yield from walk_paragraphs(part.children)
        else:
            yield part


def joined(inlines: list[Inline]) -> list[Inline]:
    """A run in the one spelling every reader gives: adjacent text joined, empty text dropped."""
    out: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text):
            if not node.text:
                continue
            if out and isinstance(out[-1], Text):
                out[-1] = Text(out[-1].text + node.text)
                continue
        out.append(node)
    return out
