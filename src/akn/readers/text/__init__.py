"""Text reader: a resolution as extracted text (PDF dump, markdown, web copy) -> the model.

The reader is a pipeline of small passes (see DESIGN in docs/profile.md): decode and split lines,
lift front matter, undo web and markdown markup, remove page furniture, lift footnote bodies, read
the masthead, unwrap the rest into blocks, read the structure, and resolve metadata. Each pass sees only what the one
before left.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...errors import ConversionError, MetadataError
from ...languages import Language, detect_language, get_language
from ...model import Inline, MastheadLine, Metadata, Ref, Resolution, Text, Vote, plain_text
from ...naming import kind_from_symbol, number_from_symbol, organ_from_symbol, symbol_from_filename
from ...notices import Notice
from .blocks import Block, unwrap
from .boxes import is_boxed, page_starts, restore_reading_order
from .canonical import is_canonical, read_canonical
from .footnotes import NoteBody, lift_footnotes
from .furniture import remove_page_furniture
from .inlines import InlineParser
from .lines import Line, decode, lift_front_matter, split_lines
from .markdown import undo_block_markup
from .masthead import read_masthead
from .structure import closing_inlines, read_structure
from .web import clean_web_text, split_run_together, unwrap_json_record


@dataclass
class ReadResult:
    """The model, and what the reader wants the caller to know (warnings, dropped text)."""

    resolution: Resolution
    warnings: list[Notice] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)


@dataclass(frozen=True)
class Dropped:
    """Text the reader left out on purpose: page furniture, site text around a web copy."""

    line: int  # the line, or for a PDF the page
    text: str
    reason: str
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.text!r} ({self.reason})"


def read_text(
    source: str | bytes,
    *,
    filename: str | None = None,
    symbol: str | None = None,
    date: str | None = None,
    lang: str | None = None,
) -> ReadResult:
    """Read one resolution from extracted text.

    ``symbol``, ``date`` (adoption date, ISO) and ``lang`` supply what the text does not say;
    ``filename`` lets a symbol spelled in the file name (``A_RES_80_7.md``) serve as a last resort.
    Raises :class:`ConversionError` (or its :class:`MetadataError`) with a line number.
    """
    text, encoding_note = decode(source)
    if not text.strip():
        raise ConversionError("input is empty", line=1)
    text, record = unwrap_json_record(text)
    lines = split_lines(text)
    front, lines = lift_front_matter(lines)
    front = {**record, **front}
    if is_canonical(front):
        return read_canonical(text)
    lines = undo_block_markup(clean_web_text(lines))
    warnings: list[Notice] = [Notice("encoding", encoding_note)] if encoding_note else []

    language = _language(lines, lang, front)
    lines = split_run_together(lines, language)
    if is_boxed(text):  # pdfminer: text boxes out of reading order
        lines, box_warnings = restore_reading_order(lines, language, page_starts(text))
        warnings += box_warnings
    lines, furniture = remove_page_furniture(lines)
    lines, bodies, note_warnings = lift_footnotes(lines)
    warnings += note_warnings

    start = _formula_index(lines, language)
    if start is None:
        raise ConversionError(
            "no enacting formula found (such as 'The General Assembly,'): "
            "this does not look like a resolution or decision",
            line=next((l.no for l in lines if l.kind == "text"), 1),
        )
    organ = language.match_formula(lines[start].text)
    blocks = unwrap(lines[start:] if organ is None else lines[start + 1 :], language)
    evidence = Evidence(language, lines[:start], lines[start], blocks, bodies, front,
                        [Dropped(l.no, l.text, "page furniture") for l in furniture],
                        end=next((l.no for l in reversed(lines) if l.kind == "text"), 1))
    return assemble(evidence, warnings, symbol=symbol, date=date, filename=filename)


@dataclass
class Evidence:
    """What a reader found, in the terms the structure rules read: the printed lines above the
    enacting formula, the formula's line, the paragraphs after it (one block each), the footnote
    bodies by marker, and what was left out as page furniture. Every reader hands this over, so the
    rules of a resolution's structure live in one place (:func:`assemble`)."""

    language: Language
    masthead: list[Line]
    formula: Line
    blocks: list[Block]
    bodies: dict[str, NoteBody]
    front: dict[str, str] = field(default_factory=dict)
    furniture: list[Dropped] = field(default_factory=list)
    end: int = 0  # the input's last line (0: where the last block starts), named when it is cut short


def assemble(evidence: Evidence, warnings: list[Notice], *, symbol: str | None = None, date: str | None = None,
             filename: str | None = None) -> ReadResult:
    """The resolution from a reader's evidence: masthead, number and title, formula, preamble,
    operative part, closing lines, annexes, footnotes and metadata."""
    language, front, blocks = evidence.language, evidence.front, list(evidence.blocks)
    dropped: list[Dropped] = []
    head = read_masthead(evidence.masthead, language)
    dropped += [Dropped(l.no, l.text, "site text before the resolution") for l in head.dropped]
    parser = InlineParser(language, evidence.bodies, home=language.match_formula(evidence.formula.text) or "GA")
    masthead = [MastheadLine(p.role, _masthead_inlines(p.role, p.text, parser, language)) for p in head.pieces]

    printed_title = _complete_title(head.title, front.get("title", ""), language, warnings)
    title = parser.parse(printed_title, head.title_line) if printed_title else []
    organ = language.match_formula(evidence.formula.text)
    if organ is None:  # a decision: its whole chapeau is the formula
        formula_block = blocks.pop(0)
        formula = parser.parse(formula_block.text, formula_block.no)
        organ = _organ_in(formula_block.text, language) or "GA"
        kind = "decision"
    else:
        formula = [Text(evidence.formula.text.strip())]
        kind = "resolution"
    body = read_structure(blocks, language, parser, warnings, web_copy=bool(head.dropped))
    dropped += [Dropped(b.no, b.text, "site text after the resolution") for b in body.dropped]
    last_line = evidence.end or (blocks[-1].no if blocks else evidence.formula.no)
    if not body.body:
        raise ConversionError("no operative paragraph after the preamble: the text looks truncated", line=last_line)

    if not body.closing and not body.annexes:
        _refuse_cut_text(body.body, last_line)
    for marker, note in parser.unused_bodies():
        warnings.append(Notice("footnote-unplaced", f"footnote {marker} has no marker in the text; kept at the end",
                               note.line))
        _append_orphan_note(body, marker, note, parser)
    warnings += parser.resolver.warnings

    meta = _metadata(head, masthead, formula, body.closing, front, language, organ, kind,
                     symbol, date, filename, warnings)
    number = head.number or _heading_number(masthead, language)
    res = Resolution(
        meta=meta, masthead=masthead, number=number, title=title, formula=formula,
        preamble=body.preamble, body=body.body, closing=body.closing, annexes=body.annexes,
        votes=_votes([formula, *body.closing, *(l.children for l in masthead)], language),
    )
    if not title:
        warnings.append(Notice("no-title", "the text prints no title; the AKN has none"))
    if not body.closing:
        warnings.append(Notice("no-closing", "the text prints no closing lines (meeting and date); the AKN has no conclusions"))
    dropped += evidence.furniture
    return ReadResult(res, warnings, dropped)


# ------------------------------------------------------------------------------- helpers


def _language(lines: list[Line], lang: str | None, front: dict[str, str]) -> Language:
    if lang:
        try:
            return get_language(lang)
        except KeyError as e:
            raise MetadataError(str(e.args[0]) + " (option --lang)") from None
    found = detect_language([l.text for l in lines if l.kind == "text"])
    if found:
        return found
    if front.get("language"):
        try:
            return get_language(front["language"])
        except KeyError:
            pass
    raise ConversionError(
        "no enacting formula in a known language found (such as 'The General Assembly,'): "
        "not a resolution, or a language without a table (give --lang)",
        line=next((l.no for l in lines if l.kind == "text"), 1),
    )


def _formula_index(lines: list[Line], lang: Language) -> int | None:
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        if lang.match_formula(line.text) or re.match(lang.decision_opening, line.text.strip()):
            return i
    return None


def _complete_title(printed: str | None, catalogued: str, lang: Language, warnings: list[Notice]) -> str | None:
    """A title an extraction cut at the end of its first line ("… in the drafting and") completed
    from the front matter's catalogue title when that title goes on from exactly these words."""
    if not printed or not catalogued:
        return printed
    last = printed.rstrip().rsplit(" ", 1)[-1].lower()
    full = re.sub(r"\s*[:/;]\s*$", "", " ".join(catalogued.split()))
    if last in lang.small_words and full.startswith(printed.rstrip() + " ") and len(full) > len(printed):
        warnings.append(Notice("title-completed", "the printed title stops mid-phrase; completed from the front matter's title"))
        return full
    return printed


def _organ_in(text: str, lang: Language) -> str | None:
    for organ, names in lang.organs.items():
        if any(name in text for name in names):
            return organ
    return None


def _masthead_inlines(role: str, text: str, parser: InlineParser, lang: Language) -> list[Inline]:
    if role in ("adoption", "heading"):
        return closing_inlines(text, lang)
    inlines = parser.parse(text, 0, digits=False)
    if role == "symbol":  # the document's own symbol is no citation
        inlines = [Text(plain_text([n])) if isinstance(n, Ref) else n for n in inlines]
    return inlines


def _heading_number(masthead: list[MastheadLine], lang: Language) -> str | None:
    for line in masthead:
        if line.role == "heading":
            m = re.match(lang.closing["heading"], plain_text(line.children))
            if m:
                return re.sub(r"\s+", " ", m.group("number"))
    return None


def _refuse_cut_text(parts, last_line: int) -> None:
    """A resolution without closing lines whose last paragraph stops mid-sentence was cut short."""
    from ...model import walk_paragraphs

    paragraphs = list(walk_paragraphs(parts))
    if not paragraphs:  # headings with nothing under them (found by fuzzing: was an IndexError)
        raise ConversionError("no operative paragraph after the preamble, only headings: the text looks truncated",
                              line=last_line)
    last = paragraphs[-1]
    tail = plain_text(last.items[-1].children if last.items else last.children).rstrip(" ”’\"')")
    if tail and tail[-1] not in ".;:!?":
        raise ConversionError(
            f"the text ends mid-sentence ({tail[-40:]!r}) with no closing lines: it looks truncated",
            line=last_line,
        )


def _append_orphan_note(body, marker, note, parser) -> None:
    """A footnote body whose marker was never found: kept at the end of the last paragraph."""
    from ...model import Footnote, walk_paragraphs

    paragraphs = list(walk_paragraphs(body.annexes[-1].body if body.annexes else body.body))
    if paragraphs:
        paragraphs[-1].children.append(Footnote(marker, parser.parse(note.text, note.line, markers=False)))


def _votes(runs: list[list[Inline]], lang: Language) -> list[Vote]:
    """Votes stated in the formula, the closing lines or the masthead (decisions, SC resolutions)."""
    return [Vote(*found) for run in runs for found in lang.find_votes(plain_text(run))]


def _first_date(inlines_list: list[list[Inline]]) -> str | None:
    from ...model import DateRef

    for inlines in inlines_list:
        for node in inlines:
            if isinstance(node, DateRef) and node.date:
                return node.date
    return None


def _metadata(head, masthead, formula, closing, front, lang, organ, kind, symbol, date, filename,
              warnings) -> Metadata:
    by_role: dict[str, list[MastheadLine]] = {}
    for line in masthead:
        by_role.setdefault(line.role, []).append(line)
    printed_symbol = next((plain_text(l.children).strip(" *") for l in by_role.get("symbol", [])), None)
    sym = symbol or printed_symbol or front.get("symbol")
    if symbol and printed_symbol and symbol != printed_symbol:
        warnings.append(Notice("symbol-differs", f"--symbol {symbol} differs from the printed symbol {printed_symbol}; "
                                                  f"using {symbol} everywhere, FRBR IRIs included"))
    elif symbol and head.number and number_from_symbol(symbol) != head.number:
        warnings.append(Notice("symbol-differs", f"--symbol {symbol} differs from the printed number {head.number}; "
                                                  f"using {symbol} everywhere, FRBR IRIs included"))
    if not sym and head.number is None:
        number = _heading_number(masthead, lang)
        if number and organ == "SC":
            sym = f"S/RES/{number}"
    if not sym and head.number:
        prefix = {"GA": "A", "SC": "S", "ECOSOC": "E", "HRC": "A/HRC"}[organ]
        sym = f"{prefix}/{'DEC' if kind == 'decision' else 'RES'}/{head.number}"
    if not sym and filename:
        from pathlib import Path

        sym = symbol_from_filename(Path(filename).name.split(".")[0])
        if sym:
            warnings.append(Notice("symbol-from-filename", f"symbol {sym} taken from the file name; the text does not print it"))
    if not sym:
        raise MetadataError("the text prints no symbol or resolution number; give it with --symbol (e.g. --symbol A/RES/76/187)")
    if number_from_symbol(sym) is None:
        raise MetadataError(f"symbol {sym!r} is not a resolution or decision symbol (option --symbol)")
    organ = organ_from_symbol(sym) or organ
    kind = kind_from_symbol(sym) or kind

    printed_date = None
    for role in ("status", "adoption", "heading"):
        printed_date = printed_date or _first_date([l.children for l in by_role.get(role, [])])
    printed_date = printed_date or _first_date(closing) or (_first_date([formula]) if kind == "decision" else None)
    if date and printed_date and date != printed_date:
        warnings.append(Notice("date-differs", f"--date {date} differs from the printed adoption date {printed_date}; "
                                                f"using {date} everywhere, FRBR IRIs included"))
    adoption = date or printed_date
    if adoption is None:
        raise MetadataError("the text prints no adoption date; give it with --date YYYY-MM-DD")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", adoption):
        raise MetadataError(f"adoption date {adoption!r} is not YYYY-MM-DD (option --date)")
    issue = _first_date([l.children for l in by_role.get("issue_date", [])])
    if issue is None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", front.get("date", "")):
        issue = front["date"]
    return Metadata(symbol=sym, body=organ, kind=kind, language=lang.code, adoption_date=adoption,
                    issue_date=issue)
