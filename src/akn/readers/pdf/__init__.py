"""PDF reader: an official resolution PDF -> the model, read from its tags, fonts and layout.

The PDF states what an extraction has to guess: which lines are page furniture (header and
footer bands, artifacts), where each paragraph begins and ends (a tagged block, or an indented
first line and the wider gap before it), which words are italic, which digits are raised footnote
markers, and which lines are footnote bodies (under the rule at the page foot). The reader turns
that into :class:`~akn.readers.text.Evidence` — the same evidence the text reader gathers — and the
shared structure rules do the rest. Pages are named in every message instead of lines.
"""
from __future__ import annotations

from dataclasses import replace

from ...errors import AknError, ConversionError
from ...languages import detect_language, get_language
from ...notices import Notice
from ..text import Dropped, Evidence, ReadResult, _formula_index, assemble
from ..text.blocks import Block
from ..text.footnotes import NoteBody
from ..text.lines import Line, normalise_line
from .document import MAX_BYTES, MAX_PAGES, looks_like_pdf, read_pages
from .layout import Paragraph, read_layout

__all__ = ["read_pdf", "looks_like_pdf", "MAX_BYTES", "MAX_PAGES"]


def read_pdf(data: bytes, *, filename: str | None = None, symbol: str | None = None, date: str | None = None,
             lang: str | None = None, use_tags: bool = True) -> ReadResult:
    """Read one resolution from the bytes of its PDF.

    ``use_tags=False`` ignores the structure tree and reads fonts and positions alone, as for an
    untagged PDF. Raises :class:`ConversionError` naming the page where it can.
    """
    pages, tagged = read_pages(data, use_tags=use_tags)
    if not any(line.text.strip() for page in pages for line in page.lines):
        if any(page.images for page in pages):
            raise ConversionError("the PDF has no text layer (a scanned document): run OCR on it first, "
                                  "e.g. ocrmypdf in.pdf out.pdf, and convert the result")
        raise ConversionError("the PDF has no text")
    layout = read_layout(pages, tagged)
    pages_of: dict[int, int] = {}
    lines, plain = _numbered_lines(layout.paragraphs, pages_of)
    bodies: dict[str, NoteBody] = {}
    for k, (marker, note) in enumerate(layout.notes.items()):
        no = 2 * (len(lines) + k) + 1
        pages_of[no] = note.page
        bodies[marker] = NoteBody(normalise_line(note.text), no)
    warnings: list[Notice] = []
    try:
        language = get_language(lang) if lang else detect_language([l.text for l in plain])
    except KeyError as e:
        raise ConversionError(str(e.args[0]) + " (option --lang)") from None
    if language is None:
        raise ConversionError("no enacting formula in a known language found (such as 'The General Assembly,'): "
                              "this PDF does not look like a resolution or decision", page=1)
    start = _formula_index(plain, language)
    if start is None:
        raise ConversionError("no enacting formula found (such as 'The General Assembly,'): "
                              "this PDF does not look like a resolution or decision", page=1)
    if any(p.table is not None for p in layout.paragraphs[: start + 1]):
        # a grid above the enacting formula is masthead lines side by side: read as paragraphs
        layout.paragraphs = [q for k, p in enumerate(layout.paragraphs)
                             for q in (p.fallback if p.table is not None and k <= start else [p])]
        pages_of.clear()
        lines, plain = _numbered_lines(layout.paragraphs, pages_of)
        start = _formula_index(plain, language)
    organ = language.match_formula(plain[start].text)
    first = start if organ is None else start + 1
    blocks = [_block(l, p) for l, p in zip(lines[first:], layout.paragraphs[first:])]
    evidence = Evidence(language, plain[:start], plain[start], blocks, bodies,
                        furniture=[Dropped(page, text, "page furniture", unit="page") for page, text in layout.furniture])
    try:
        result = assemble(evidence, warnings, symbol=symbol, date=date, filename=filename)
    except AknError as e:
        e.page, e.line = pages_of.get(e.line or 0), None
        raise
    result.warnings = [_on_page(w, pages_of) for w in result.warnings]
    return result


def _numbered_lines(paragraphs: list[Paragraph], pages_of: dict[int, int]) -> tuple[list[Line], list[Line]]:
    """Each paragraph as a line with its marks and one without, numbered two apart (no two
    paragraphs read as lines of one); a table's line is empty (its cells are read apart)."""
    lines: list[Line] = []
    plain: list[Line] = []
    for k, paragraph in enumerate(paragraphs):
        no = 2 * k + 1
        pages_of[no] = paragraph.page
        lines.append(Line(no, normalise_line(paragraph.text)))
        plain.append(Line(no, normalise_line(paragraph.plain)))
    return lines, plain


def _block(line: Line, paragraph: Paragraph) -> Block:
    """A paragraph as the structure pass reads it; a table with its cells, and its text as blocks
    for where no table may stand."""
    if paragraph.table is None:
        return Block(line.no, line.text, heading=paragraph.bold)
    cells = [[replace(cell, text=normalise_line(cell.text)) for cell in row] for row in paragraph.table]
    return Block(line.no, "", table=cells,
                 fallback=[Block(line.no, normalise_line(p.text), heading=p.bold) for p in paragraph.fallback])


def _on_page(warning: Notice, pages_of: dict[int, int]) -> Notice:
    """A warning's line (a paragraph's number here) named as the page the paragraph stands on."""
    if warning.line is None:
        return warning
    return replace(warning, line=pages_of.get(warning.line), unit="page")
