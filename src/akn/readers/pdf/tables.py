"""Tables on a PDF's pages, read from where their lines stand: a grid of cells side by side.

A UN resolution prints running text one column wide, so lines that share a baseline without
touching are the cells of a table (a staffing table, a scale of assessments). None of the official
PDFs tags its tables (each cell is a ``P`` of its own), so the grid is read from positions, which
also serves an untagged PDF. A table is a run of such rows — at least :data:`MIN_ROWS` of them —
with the lines between them that belong to it: a cell's wrapped lines, subheadings in bold or in
the table's smaller type, and its notes just below it in that smaller type. Its columns are the
spans the cells of its rows cover, merged where they overlap.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .document import PrintedLine, Run

#: rows of two or more cells a grid needs to be a table: a masthead prints two such rows
MIN_ROWS = 3
#: lines between two rows of cells that may still belong to the table (a cell's wrapped lines)
MAX_BETWEEN = 4


@dataclass
class TableCell:
    """One cell as printed: its lines, the first column it stands in and how many it covers."""

    lines: list[PrintedLine]
    column: int
    colspan: int = 1

    @property
    def italic(self) -> bool:
        runs = [r for line in self.lines for r in line.runs if r.text.strip() and not r.raised]
        return bool(runs) and all(r.italic for r in runs)


@dataclass
class TableRows:
    """A table found on the page: its rows of cells, and the body lines it was read from."""

    rows: list[list[TableCell]]
    lines: list[PrintedLine] = field(default_factory=list)
    columns: int = 0


def find_tables(body: list[PrintedLine], body_size: float) -> list[tuple[int, int, TableRows]]:
    """The tables among the body lines (in reading order): (first index, end index, table)."""
    beside = _beside(body)
    found: list[tuple[int, int, TableRows]] = []
    k = 0
    while k < len(body):
        if not beside[k]:
            k += 1
            continue
        last = k
        j = k + 1
        while j < len(body) and j - last <= MAX_BETWEEN:
            if body[j].page != body[j - 1].page and not beside[j]:
                break  # a table goes on over a page only with its next row
            if beside[j]:
                last = j
            elif not (_in_small_type(body[j], body_size)
                      or body[j].bold and j + 1 < len(body) and beside[j + 1]):  # a subheading over rows
                break
            j += 1
        end = last + 1
        while end < len(body) and body[end].page == body[last].page and _in_small_type(body[end], body_size):
            end += 1  # the table's notes, printed under it in its type
        start = k - 1 if k >= 2 and _caption(body[k - 1], body[k - 2]) else k
        rows_printed = {(body[i].page, round(body[i].y)) for i in range(start, end) if beside[i]}
        rows = _rows([piece for line in body[start:end] for piece in _split_at_gaps(line)])
        if len(rows_printed) >= MIN_ROWS and rows is not None:
            found.append((start, end, rows))
        k = end
    return found


def _split_at_gaps(line: PrintedLine) -> list[PrintedLine]:
    """A line of a table PDFium ran across two cells ("Senior Assistant   GS (PL)"): cut where a
    run starts after a gap wider than most of the type size (a word space is a quarter of it)."""
    out: list[list[Run]] = [[]]
    prev_end: float | None = None
    for run in line.runs:
        if out[-1] and prev_end is not None and run.text.strip() and run.x0 - prev_end > 0.8 * max(run.size, 4):
            out.append([])
        out[-1].append(run)
        if run.text.strip():
            prev_end = run.x1
    if len(out) == 1:
        return [line]
    return [PrintedLine(line.page, runs, line.block, line.note, line.artifact, line.size, line.y) for runs in out]


#: a paragraph's or item's label alone ("12.", "(a)"): set apart from its text by a tab, no cell
_LABEL = re.compile(r"\s*(?:\d{1,4}\.|\([a-z]{1,2}\)|\([ivxl]{1,6}\))\s*")


def _beside(lines: list[PrintedLine]) -> list[bool]:
    """For each line, whether another line stands beside it on its baseline, apart from it (a
    paragraph's label printed apart from its text does not count). Of the 12 lines above and below
    it in height order, only those within reach of its baseline are looked at: in that order the
    first one out of reach ends the search that way."""
    by_page: dict[int, list[int]] = {}
    for k, line in enumerate(lines):
        by_page.setdefault(line.page, []).append(k)
    out = [False] * len(lines)
    for indices in by_page.values():
        ordered = sorted(indices, key=lambda i: lines[i].y)
        page_lines = [lines[i] for i in ordered]
        ys = [line.y for line in page_lines]
        spans = [(line.x0, line.x1) for line in page_lines]
        for pos, line in enumerate(page_lines):
            y, reach = ys[pos], 0.3 * line.size
            x0, x1 = spans[pos]
            for near in (range(pos - 1, max(0, pos - 12) - 1, -1), range(pos + 1, min(len(ordered), pos + 12))):
                for q in near:
                    if abs(ys[q] - y) >= reach:
                        break
                    ox0, ox1 = spans[q]
                    if (ox0 > x1 or ox1 < x0) and not _LABEL.fullmatch((line if x0 <= ox0 else page_lines[q]).text):
                        out[ordered[pos]] = True
                        break
                if out[ordered[pos]]:
                    break
    return out


def _in_small_type(line: PrintedLine, body_size: float) -> bool:
    return line.size < body_size - 0.2


def _may_stand_in_table(line: PrintedLine, body_size: float) -> bool:
    """A line between rows of cells that is no running text: in the table's smaller type, or a
    bold subheading."""
    return _in_small_type(line, body_size) or line.bold


def _caption(line: PrintedLine, before: PrintedLine) -> bool:
    """A bold line right under a sentence that ends in a colon ("… in the table below:") and right
    over the table: the table's first heading."""
    return line.bold and not before.bold and before.text.rstrip().endswith(":") and line.page == before.page


def _columns(lines: list[PrintedLine], beside: list[bool]) -> list[tuple[float, float]]:
    spans = sorted((l.x0, l.x1) for l, b in zip(lines, beside) if b)
    merged: list[list[float]] = []
    for x0, x1 in spans:
        if merged and x0 <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], x1)
        else:
            merged.append([x0, x1])
    return [(a, b) for a, b in merged]


def _rows(lines: list[PrintedLine]) -> TableRows | None:
    """The region's lines as rows of cells: lines on one baseline make a row; a group of lines
    just under a row, each under one of its cells or in a column it leaves empty, goes on with it."""
    beside = _beside(lines)
    columns = _columns(lines, beside)
    if len(columns) < 2:
        return None
    groups: list[list[PrintedLine]] = []
    for line in sorted(lines, key=lambda l: (l.page, -l.y, l.x0)):
        if groups and groups[-1][0].page == line.page and abs(groups[-1][0].y - line.y) < 0.3 * line.size:
            groups[-1].append(line)
        else:
            groups.append([line])
    rows: list[list[TableCell]] = []
    lowest: list[PrintedLine] = []  # the lowest line of the current row
    held: TableCell | None = None  # a cell's first line, over the row its cell stands on
    for n, group in enumerate(groups):
        group.sort(key=lambda l: l.x0)
        cells = [_cell(line, columns) for line in group]
        if held is not None:
            target = next((c for c in cells if c.column == held.column and c.colspan == held.colspan), None)
            if target is not None:
                target.lines[:0] = held.lines
            else:
                rows.append([TableCell(held.lines, 0, len(columns)) if held.column == 0 else held])
            held = None
        if len(group) == 1 and n + 1 < len(groups) and _opens_cell_below(cells[0], group[0], groups[n + 1], columns):
            held = cells[0]
            continue
        if (len(group) > 1 or cells[0].colspan < len(columns)) and _goes_on(rows, lowest, cells, group):
            _merge(rows[-1], cells)
            lowest = group
            continue
        if len(group) == 1 and cells[0].column == 0:
            cells = [TableCell(group, 0, len(columns))]  # a subheading or a note across the table
        rows.append(cells)
        lowest = group
    return TableRows(rows, lines, len(columns))


def _opens_cell_below(cell: TableCell, line: PrintedLine, below: list[PrintedLine],
                      columns: list[tuple[float, float]]) -> bool:
    """A line alone on its baseline, closer over the next row than rows stand apart, in a column
    where that row has a cell in the same type: the first line of that cell (a row printed on its
    cell's last line, as sums beside a two-line label are)."""
    if below[0].page != line.page or line.y - below[0].y > 1.5 * line.size or len(below) < 2:
        return False
    return any(_cell(other, columns).column == cell.column and other.bold == line.bold and other.size == line.size
               for other in below)


def _cell(line: PrintedLine, columns: list[tuple[float, float]]) -> TableCell:
    covered = [k for k, (a, b) in enumerate(columns) if line.x0 < b and line.x1 > a]
    if not covered:  # in a gap between columns: the nearest one
        covered = [min(range(len(columns)), key=lambda k: min(abs(line.x0 - columns[k][1]), abs(line.x1 - columns[k][0])))]
    return TableCell([line], covered[0], covered[-1] - covered[0] + 1)


def _goes_on(rows: list[list[TableCell]], lowest: list[PrintedLine], cells: list[TableCell],
             group: list[PrintedLine]) -> bool:
    """Whether a group of lines continues the row above: just under it (closer than a row pitch),
    each line under a cell of that row or in a column the row leaves empty, one at least under a cell."""
    if not rows or not lowest or lowest[0].page != group[0].page:
        return False
    if min(l.y for l in lowest) - group[0].y > 1.5 * max(l.size for l in group):
        return False
    taken = {c.column: c for c in rows[-1]}
    under = 0
    for cell in cells:
        above = taken.get(cell.column)
        if above is None:
            continue
        if above.colspan != cell.colspan or above.lines[-1].bold != cell.lines[0].bold:
            return False
        under += 1
    return under > 0


def _merge(row: list[TableCell], cells: list[TableCell]) -> None:
    taken = {c.column: c for c in row}
    for cell in cells:
        if cell.column in taken:
            taken[cell.column].lines.extend(cell.lines)
        else:
            row.append(cell)
    row.sort(key=lambda c: c.column)
