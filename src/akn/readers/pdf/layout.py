"""What a PDF's printed lines are: page furniture, masthead, body paragraphs or footnotes.

The evidence is the page itself. Furniture stands in the header and footer bands (in a tagged
PDF it is also marked as an artifact); footnote bodies stand below a short rule at the page foot,
in a smaller font (or inside a ``Note`` element); a paragraph is one tagged block, or, without
tags, the lines between two paragraph openings: a wider gap than the line pitch, an indented first
line, a change between bold and regular type. Each paragraph becomes one block of marked text —
``*italic*`` runs and ``[^n]`` footnote markers, the markup the inline pass reads — so the shared
structure rules read a PDF as they read any text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..text.blocks import PARA_NUM, CellText, opens_with_label
from ..text.footnotes import Pieces
from .document import Page, PrintedLine, Run
from .tables import TableRows, find_tables

#: the bands at a page's head and foot where running headers, page numbers, job numbers and
#: barcodes stand, as shares of the page height
HEADER_BAND = 0.085
FOOTER_BAND = 0.062
_RULE = re.compile(r"^\s*_{5,}\s*$")
#: what a footnote marker is: a number, or one to three asterisks
_MARKER = re.compile(r"\d{1,3}|\*{1,3}")


@dataclass
class Paragraph:
    """One printed paragraph: its marked text and the page it starts on."""

    text: str  # with the inline marks
    page: int
    plain: str = ""  # without them: for masthead lines and the formula, where marks mean nothing
    bold: bool = False  # printed in bold type throughout: a heading
    table: list[list[CellText]] | None = None  # a table: its rows (then text and plain are empty)
    fallback: list[Paragraph] = field(default_factory=list)  # the table's lines read as paragraphs


@dataclass
class Layout:
    paragraphs: list[Paragraph] = field(default_factory=list)
    notes: dict[str, Paragraph] = field(default_factory=dict)
    furniture: list[tuple[int, str]] = field(default_factory=list)  # (page, text)
    body_size: float = 10.0


def body_font_size(pages: list[Page]) -> float:
    weights: dict[float, int] = {}
    for page in pages:
        for line in page.lines:
            weights[line.size] = weights.get(line.size, 0) + len(line.text)
    return max(weights, key=weights.get) if weights else 10.0


def is_furniture(line: PrintedLine, page: Page) -> bool:
    """A line in the footer band, or in the header band of a page after the first (the first
    page's head is the masthead)."""
    if line.y < FOOTER_BAND * page.height:
        return True
    return page.number > 1 and line.y > (1 - HEADER_BAND) * page.height


def read_layout(pages: list[Page], tagged: bool) -> Layout:
    """Furniture, footnote bodies and paragraphs of the whole document, in reading order."""
    out = Layout(body_size=body_font_size(pages))
    body: list[PrintedLine] = []
    note_lines: list[PrintedLine] = []
    for page in pages:
        in_notes = False
        for line in page.lines:
            if line.note and not line.artifact:  # tagged as a footnote's body: wherever it stands
                note_lines.append(line)
                continue
            if is_furniture(line, page):
                out.furniture.append((page.number, line.text.strip()))
                continue
            if _RULE.match(line.text) and line.y < 0.5 * page.height:
                in_notes = True  # the short rule over the footnotes
                continue
            if in_notes and (line.size < out.body_size - 0.2 or not tagged and _opens_note(line)):
                note_lines.append(line)
                continue
            if tagged and line.artifact and page.number > 1:
                out.furniture.append((page.number, line.text.strip()))
                continue
            body.append(line)
    out.paragraphs = _with_tables(body, _group(body, out.body_size, tagged), out.body_size)
    out.notes = _notes(note_lines)
    return out


def _with_tables(body: list[PrintedLine], groups: list[list[PrintedLine]], body_size: float) -> list[Paragraph]:
    """The paragraphs, with the groups of each table's lines made one table paragraph (a table
    whose lines the grouping shares with text around it is left as paragraphs)."""
    starts, at = [], 0
    for group in groups:
        starts.append(at)
        at += len(group)
    out: list[Paragraph] = []
    k = 0
    tables = find_tables(body, body_size)
    for first, end, rows in tables:
        inside = [g for g in range(len(groups)) if first <= starts[g] < end]
        if not inside or starts[inside[0]] != first or starts[inside[-1]] + len(groups[inside[-1]]) != end:
            continue
        out += [_paragraph(groups[g]) for g in range(k, inside[0])]
        fallback = [_paragraph(groups[g]) for g in inside]
        out.append(Paragraph("", fallback[0].page, table=_cells(rows), fallback=fallback))
        k = inside[-1] + 1
    out += [_paragraph(groups[g]) for g in range(k, len(groups))]
    return out


def _cells(table: TableRows) -> list[list[CellText]]:
    """Rows of marked cell text, every column filled (an empty cell where a row prints none); a
    row whose cells are all in italics is a header row."""
    rows = []
    for row in table.rows:
        header = all(cell.italic for cell in row)
        cells, column = [], 0
        for cell in row:
            cells += [CellText("", header)] * (cell.column - column)
            cells.append(CellText(_paragraph(cell.lines).text, header, cell.colspan))
            column = cell.column + cell.colspan
        cells += [CellText("", header)] * (table.columns - column)
        rows.append(cells)
    return rows


def _opens_note(line: PrintedLine) -> bool:
    first = next((r for r in line.runs if r.text.strip()), None)
    return first is not None and first.raised


def _group(lines: list[PrintedLine], body_size: float, tagged: bool) -> list[list[PrintedLine]]:
    """Lines into paragraphs: by tagged block where the PDF has tags, else by layout."""
    frame = _Frame.of(lines, body_size)
    groups: list[list[PrintedLine]] = []
    last_number = 0  # the number of the last numbered paragraph opened
    for line in lines:
        prev = groups[-1][-1] if groups else None
        if prev is None or _opens_paragraph(prev, line, frame, tagged, last_number):
            groups.append([line])
            m = PARA_NUM.match(line.text.lstrip())
            last_number = int(m.group(1)) if m else last_number
        else:
            groups[-1].append(line)
    return groups


@dataclass
class _Frame:
    """Where body lines start and end: the most common left and right edges of body-size lines."""

    left: float
    right: float

    @classmethod
    def of(cls, lines: list[PrintedLine], body_size: float) -> _Frame:
        body = [line for line in lines if abs(line.size - body_size) < 0.3]
        return cls(_most_common(round(l.x0) for l in body) or 72.0, _most_common(round(l.x1) for l in body) or 540.0)


def _most_common(values) -> float | None:
    counts: dict[int, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return float(max(counts, key=counts.get)) if counts else None


def _opens_paragraph(prev: PrintedLine, line: PrintedLine, frame: _Frame, tagged: bool, last_number: int = 0) -> bool:
    """Whether ``line`` opens a paragraph after ``prev``. Tagged PDFs say so; otherwise a UN
    paragraph opens with an indented first line, a change of type (bold headings, the masthead's
    sizes), or a line beside the one before (a second column); a wider gap counts only after a
    line that stops short of the right margin (Word sometimes leaves an empty line inside one)."""
    if tagged and prev.block is not None and line.block is not None:
        return prev.block != line.block
    indent = 0.8 * line.size
    indented = line.x0 > frame.left + indent
    if line.bold != prev.bold or abs(line.size - prev.size) > 0.6:
        return True
    if line.page != prev.page:
        return indented or line.x0 < frame.left - indent
    if abs(prev.y - line.y) < 0.3 * line.size or line.y > prev.y:
        return True  # beside the line before, or above it: another column or block
    wide_gap = prev.y - line.y > 1.45 * max(prev.size, line.size)
    if indented and abs(prev.x0 - line.x0) < 1:
        # a block indented as a whole (sub-items of some lists): its lines open paragraphs
        # where a label or a wider gap says so
        return wide_gap or opens_with_label(line.text, last_number)
    if line.bold and prev.bold:
        return wide_gap  # a heading wrapped over centred lines
    if indented or (line.x0 < frame.left - indent and abs(line.x0 - prev.x0) > indent):
        return True  # an indented first line, or one standing out in the margin
    return wide_gap and _short(prev, frame)


def _short(line: PrintedLine, frame: _Frame) -> bool:
    return line.x1 < frame.right - 3 * line.size


def _paragraph(lines: list[PrintedLine]) -> Paragraph:
    italic_only = all(r.italic for l in lines for r in l.runs if r.text.strip() and not r.raised)
    marked, plain = Pieces(), Pieces()
    for line in lines:
        pieces = styled_pieces(line.runs)  # once for both texts
        text = _marked(pieces, marks=False)
        # the marks differ only where a run is in italics
        add_line(marked, _marked(pieces, marks=True) if not italic_only and any(p[1] for p in pieces) else text)
        plain.wrap(text.strip())
    return Paragraph(" ".join(marked.text.split()), lines[0].page, " ".join(plain.text.split()),
                     all(line.bold for line in lines))


def add_line(pieces: Pieces, marked: str) -> None:
    """Append a wrapped line's marked text; an italic run wrapped over the two lines stays one."""
    marked = marked.strip()
    if pieces.tail.endswith("*") and not pieces.tail.endswith("\\*") and marked.startswith("*"):
        pieces.text = pieces.text[:-1]
        marked = marked[1:]
    pieces.wrap(marked)


_WORD_END = re.compile(r"\w+$")
_WORD_START = re.compile(r"^\w+")


def styled_pieces(runs: list[Run]) -> list[tuple[str, bool, bool]]:
    """(text, italic, raised) for each run, with a word a change of font cuts ("Re|solutions",
    which some Word PDFs print) given whole to the side that holds most of it: emphasis marks
    stand between words."""
    pieces = [[r.text, r.italic, r.raised] for r in runs]
    for left, right in zip(pieces, pieces[1:]):
        if left[1] == right[1] or left[2] or right[2]:
            continue
        tail, head = _WORD_END.search(left[0]), _WORD_START.match(right[0])
        if tail and head:
            if len(head.group()) >= len(tail.group()):
                left[0], right[0] = left[0][: tail.start()], tail.group() + right[0]
            else:
                left[0], right[0] = left[0] + head.group(), right[0][head.end() :]
    return [(t, i, r) for t, i, r in pieces if t]


def marked_text(runs: list[Run], marks: bool = True) -> str:
    """A line's text with italic runs as ``*…*`` and raised numbers as ``[^n]`` markers."""
    return _marked(styled_pieces(runs), marks)


def _marked(pieces: list[tuple[str, bool, bool]], marks: bool) -> str:
    out: list[str] = []
    for raw, italic, raised in pieces:
        text = _escape(raw)
        if raised:
            label = raw.strip()
            if _MARKER.fullmatch(label):
                if out and out[-1].endswith(" "):  # a marker stands against the word it follows
                    out[-1] = out[-1].rstrip(" ")
                out.append(f"[^{label}]" + (" " if raw.endswith(" ") else ""))
            else:
                out.append(text)  # "1st", "1er": raised letters are text
        elif marks and italic and text.strip():
            lead = text[: len(text) - len(text.lstrip())]
            trail = text[len(text.rstrip()) :]
            if out and out[-1].endswith("*") and not lead and not out[-1].endswith("]"):
                out[-1] = out[-1][:-1] + text.strip() + "*" + trail  # two italic runs in a row
            else:
                out.append(f"{lead}*{text.strip()}*{trail}")
        else:
            out.append(text)
    return "".join(out)


def _escape(text: str) -> str:
    """Characters the inline markup reads as syntax, kept as text."""
    if "*" in text or "_" in text or "\\" in text:
        text = text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_")
    if "[" in text:
        text = re.sub(r"\[(?=\^|\d{1,3}\](?![(:]))", r"\\[", text)
    return text


def _notes(lines: list[PrintedLine]) -> dict[str, Paragraph]:
    """Footnote bodies by marker: a note opens at a raised number (or at a number in the notes'
    small type) and runs until the next one."""
    notes: dict[str, tuple[int, Pieces]] = {}
    current: str | None = None
    # where markers are raised, only a raised marker opens a note ("3–14 June 1992" may open a line)
    raised = any(next((r for r in line.runs if r.text.strip()), line.runs[0]).raised for line in lines)
    for line in lines:
        runs = [r for r in line.runs if r.text.strip()]
        if not runs:
            continue
        first = runs[0]
        label = first.text.strip()
        m = re.match(r"^(\d{1,3}|\*{1,3})\s+(?=\S)", line.text.lstrip()) if not raised else None
        if first.raised and _MARKER.fullmatch(label):
            current = label
            add_line(notes.setdefault(current, (line.page, Pieces()))[1], marked_text(runs[1:]))
        elif m and (current is None or (m.group(1).isdigit() and current.isdigit() and int(m.group(1)) == int(current) + 1)):
            current = m.group(1)
            text = marked_text(runs).lstrip()[len(m.group(0)) :]
            add_line(notes.setdefault(current, (line.page, Pieces()))[1], text)
        elif current is not None:
            add_line(notes[current][1], marked_text(runs))
    return {k: Paragraph(" ".join(p.text.split()), page) for k, (page, p) in notes.items()}
