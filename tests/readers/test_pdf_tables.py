"""Tables in a PDF: cells side by side on one baseline, read as rows of the paragraph they follow."""
from __future__ import annotations

from pathlib import Path

import pytest

from akn.api import render
from akn.model import plain_text, walk_paragraphs
from akn.readers.pdf import read_pdf
from akn.readers.pdf.document import PrintedLine, Run
from akn.readers.pdf.tables import find_tables

from ..invariants import problems
from ..pdf_roundtrip import difference
from ..pdf_samples import positioned_pdf

ITALIC = "Helvetica-Oblique"


def _page(rows: list) -> list[tuple]:
    """Items for :func:`positioned_pdf` from (x or cells, text, size, gap above[, font]) rows."""
    out, y = [], 700.0
    for row in rows:
        x, text, size, gap, *font = row
        y -= gap
        cells = text if isinstance(text, list) else [(x, text)]
        out += [(cx, y, ct, size, *font) for cx, ct in cells]
    return out


def _resolution(table: list, after: str = "1. Approves the changes to the staffing table set out below:") -> bytes:
    return positioned_pdf(_page([
        (72, "Resolution adopted by the General Assembly on 1 December 2025", 12, 0),
        (72, "80/999. Staffing of the Office", 12, 24, "Helvetica-Bold"),
        (96, "The General Assembly,", 12, 24),
        (96, "Recalling its resolution 79/1,", 12, 24),
        (96, after, 12, 24),
        *table,
        (96, "2. Decides to remain seized of the matter.", 12, 24),
        (300, "1st plenary meeting", 12, 24),
        (300, "1 December 2025", 12, 16),
    ]))


STAFFING = [
    (72, [(72, "Action"), (250, "Title of post"), (450, "Level")], 9, 24, ITALIC),
    (72, [(72, "Establishment"), (250, "Legal Officer"), (450, "P-4")], 9, 18),
    (72, [(72, "Establishment"), (250, "Senior Assistant"), (450, "GS (PL)")], 9, 14),
    (72, [(72, "Redeployment from the"), (250, "Administrative Officer"), (450, "P-3")], 9, 14),
    (72, "Office of the Director", 9, 11),  # the first cell's second line
    (72, [(72, "Total"), (450, "3")], 9, 14),
]


def _tables(data: bytes, use_tags: bool = True):
    res = read_pdf(data, symbol="A/RES/80/999", use_tags=use_tags).resolution
    return res, [(p.num, t) for p in walk_paragraphs(res.body) for t in p.tables]


def _texts(table) -> list[list[str]]:
    return [[plain_text(c.children) for c in row] for row in table.rows]


def test_a_grid_after_a_paragraph_is_its_table():
    res, tables = _tables(_resolution(STAFFING))
    assert [p.num for p in walk_paragraphs(res.body)] == ["1", "2"]
    [(num, table)] = tables
    assert num == "1"
    assert _texts(table) == [
        ["Action", "Title of post", "Level"],
        ["Establishment", "Legal Officer", "P-4"],
        ["Establishment", "Senior Assistant", "GS (PL)"],
        ["Redeployment from the Office of the Director", "Administrative Officer", "P-3"],
        ["Total", "", "3"],
    ]
    assert [c.header for c in table.rows[0]] == [True] * 3  # italic headings head their columns
    assert not any(c.header for row in table.rows[1:] for c in row)


def test_a_table_keeps_every_invariant_and_converts_back_from_text():
    data = _resolution(STAFFING)
    assert problems(data, "A_RES_80_999.pdf") == []
    assert difference(data, "A_RES_80_999.pdf") is None
    text = render(read_pdf(data, symbol="A/RES/80/999").resolution, "text")
    assert "| Establishment | Legal Officer | P-4 |" in text
    assert "| Action | Title of post | Level |\n|---|---|---|" in text


def test_two_rows_side_by_side_are_no_table():
    """A masthead prints two such rows ("United Nations  A/RES/…", "General Assembly  Distr.: General")."""
    res, tables = _tables(_resolution(STAFFING[:2]))
    assert tables == []
    assert "Legal Officer" in render(res, "text")  # read as text, as before


def test_a_table_after_a_heading_is_read_as_text_in_the_operative_part():
    """No paragraph to hold it: an unnumbered paragraph would break the numbering."""
    table = [(72, "Staff changes", 12, 24), *STAFFING]
    res, tables = _tables(_resolution(table, after="1. Approves the changes to the staffing table."))
    assert tables == []
    assert "Senior Assistant" in render(res, "text")


def _line(x0: float, x1: float, y: float, text: str, size: float = 9.0, page: int = 1) -> PrintedLine:
    return PrintedLine(page, [Run(text, x0, x1, y, size, False, False, -1)], size=size, y=y)


def test_a_line_run_across_two_cells_is_cut_at_the_wide_gap():
    rows = [[_line(72, 150, y, "Establishment"), _line(250, 330, y, "Officer"), _line(450, 480, y, "P-4")]
            for y in (600, 585, 570)]
    wide = PrintedLine(1, [Run("Senior Programme Assistant ", 250, 420, 555, 9, False, False, 1),
                           Run("GS (PL)", 450, 480, 555, 9, False, False, 2)], size=9, y=555)
    body = [line for row in rows for line in row] + [_line(72, 150, 555, "Establishment"), wide]
    [(first, end, table)] = find_tables(body, 12.0)
    assert (first, end, table.columns) == (0, len(body), 3)
    last = table.rows[-1]
    assert [(c.column, " ".join(l.text for l in c.lines)) for c in last] == [
        (0, "Establishment"), (1, "Senior Programme Assistant "), (2, "GS (PL)")]


def test_paragraph_labels_set_apart_from_their_text_are_no_table():
    body = [line for y in (600, 585, 570) for line in (_line(72, 84, y, f"{int((615 - y) / 15)}."),
                                                        _line(120, 500, y, "Decides to act;"))]
    assert find_tables(body, 9.0) == []


TABLES = Path(__file__).resolve().parent.parent / "data" / "tables"


@pytest.mark.parametrize("use_tags", [True, False], ids=["tags", "layout"])
def test_the_tables_of_an_official_pdf_are_read_with_or_without_its_tags(use_tags):
    """A/RES/80/239 (tagged, every cell a P of its own; slimmed, see tests/data/tables/slim.py)
    prints a table in each of its two annexes, after the annex's title."""
    data = (TABLES / "A_RES_80_239.pdf").read_bytes()
    name = "A_RES_80_239.pdf"
    assert problems(data, name, use_tags=use_tags) == []
    assert difference(data, name, use_tags=use_tags) is None
    res = read_pdf(data, filename=name, use_tags=use_tags).resolution
    assert [[len(p.tables) for p in walk_paragraphs(a.body)] for a in res.annexes] == [[1], [1]]
    table = res.annexes[0].body[0].tables[0]
    assert [[(plain_text(c.children), c.header) for c in row] for row in table.rows[:2]] == [
        [("", True), ("Gross", True), ("Net of staff assessment", True)],
        [("", True), ("(United States dollars)", True)]]
    labels = [plain_text(row[0].children) for row in table.rows]
    assert "Recommendations of the Advisory Committee on Administrative and Budgetary Questions" in labels
    assert [plain_text(c.children) for c in table.rows[3]] == [
        "Recommendations of the Advisory Committee on Administrative and Budgetary Questions", "(107 700)", "(107 700)"]
