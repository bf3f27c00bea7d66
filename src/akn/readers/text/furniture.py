"""Pass 3: remove page furniture that PDF extraction leaves in the text.

Page numbers (``2/5``), job numbers (``25-15106 (E)``), barcodes (``*2515106*``) and the running
header (symbol and title repeated at the top of each page) are removed. Each page boundary found
becomes one ``break`` line, so later passes can tell a paragraph cut by a page from two paragraphs.
"""
from __future__ import annotations

import re

from .lines import Line

#: "2/5", and the page foot some extractors print on one line with the job number: "25-15106 2/2",
#: "2/7                 25-19633"
PAGE_NUMBER = re.compile(r"^\s*(?:\d{2}-\d{5}\s+)?\d{1,3}\s*/\s*\d{1,3}(?:\s+\d{2}-\d{5}(?:\s*\([A-Z]\))?)?\s*$")
#: "25-15106 (E)", and with the first page's date stamp beside it (pdftotext -layout): "23-25930 (E)   020124"
JOB_NUMBER = re.compile(r"^\s*\d{2}-\d{5}\s*(?:\([A-Z]\))?(?:\s+\d{6})?\s*$")
BARCODE = re.compile(r"^\s*\*\d{5,}\*\s*$")
_SYMBOL_START = re.compile(r"^\s*(?:A|S|E|A/HRC)/(?:RES|DEC)/[\w./-]+\s+(?=\S)")
SYMBOL_LINE = re.compile(r"^\s*(?:A|S|E|A/HRC)/(?:RES|DEC)/[\w./-]+(?:\s*\(\d{4}\))?\s*$")

#: how many lines a running title may take (four for a long title in a narrow header column)
_TITLE_LINES = 4
#: how far from a page number a running header may stand
_HEADER_REACH = 7


def _norm(text: str) -> str:
    return " ".join(text.split()).lower()


def is_job_or_barcode(text: str) -> bool:
    return bool(JOB_NUMBER.match(text) or BARCODE.match(text))


def _title_text(lines: list[Line]) -> str:
    """The text of the ``80/7. Title`` block on the first page, the model for running headers.

    The title ends at a blank line or at the enacting formula, which some extractions print right
    under it: a few words ending with a comma ("The General Assembly,").
    """
    for i, line in enumerate(lines):
        alone = re.match(r"^\s*\d+/\d+\.\s*$", line.text)  # "80/13." alone, the title after a blank line
        if alone or re.match(r"^\s*\d+/\d+\.\s+\S", line.text):
            j = next((k for k in range(i + 1, min(len(lines), i + 4)) if lines[k].kind == "text"), None) if alone else i
            if j is None:
                continue
            parts = [l.text for l in _text_run(lines, j, 5)]
            if not alone:
                parts[0] = parts[0].split(".", 1)[1]
            formula = next((k for k, part in enumerate(parts) if k and _formula_like(part)), len(parts))
            return _norm(" ".join(parts[:formula]))
    return ""


def _formula_like(text: str) -> bool:
    return text.rstrip().endswith(",") and len(text.split()) <= 6


def _text_run(lines: list[Line], start: int, most: int) -> list[Line]:
    """The text lines from ``start`` up to the next line that is not text (at most ``most``)."""
    run = []
    for line in lines[start : start + most]:
        if line.kind != "text":
            break
        run.append(line)
    return run


def _repeated_near_page_numbers(lines: list[Line], anchors: list[int]) -> set[str]:
    """Lines that recur next to two or more page numbers: a running header of any wording. A line
    counts once however many page numbers it stands near (on a short last page, the text between
    two page numbers is near both), so only a text printed again on another page recurs."""
    seen: dict[str, set[int]] = {}
    for a in anchors:
        for i in range(max(0, a - _HEADER_REACH), min(len(lines), a + _HEADER_REACH + 1)):
            if lines[i].kind == "text" and not PAGE_NUMBER.match(lines[i].text):
                seen.setdefault(_norm(lines[i].text), set()).add(i)
    # a running header stands by (nearly) every page number; a body line that happens to end two
    # pages ("Encourages States parties to the United Nations Convention against") does not
    needed = max(2, (len(anchors) + 1) // 2)
    return {t for t, at in seen.items() if len(at) >= needed and len(t) < 200}


def remove_page_furniture(lines: list[Line]) -> tuple[list[Line], list[Line]]:
    """The lines without page furniture, and the furniture removed (for ``-v`` reports)."""
    anchors = [i for i, l in enumerate(lines) if PAGE_NUMBER.match(l.text)]
    title = _title_text(lines)
    repeated = _repeated_near_page_numbers(lines, anchors)

    def furniture_line(line: Line) -> bool:
        return bool(PAGE_NUMBER.match(line.text) or is_job_or_barcode(line.text) or SYMBOL_LINE.match(line.text))

    def title_piece(i: int, depth: int = 0) -> bool:
        """A piece of the running title stands apart from body text: what follows it is a blank,
        furniture or the title's next piece, never a body line that happens to repeat the title."""
        text = _norm(_without_symbol(lines[i].text)).strip("“”\" ")
        if not (title and len(text) > 3 and text in title):
            return False
        if i + 1 >= len(lines) or lines[i + 1].kind != "text" or furniture_line(lines[i + 1]):
            return True
        return depth < _TITLE_LINES - 1 and title_piece(i + 1, depth + 1)

    def header_like(i: int) -> bool:
        line = lines[i]
        if line.kind != "text":
            return True
        if furniture_line(line):
            return True
        # a line ending in a full stop is a sentence, a footnote's "Ibid." however often it recurs
        # by the page numbers; a running header is a symbol and a title, never a sentence
        return not line.text.rstrip().endswith(".") and (_norm(line.text) in repeated or title_piece(i))

    zone = [False] * len(lines)
    for a in anchors:
        zone[a] = True
        for step in (-1, 1):
            i, reach = a + step, 0  # the reach counts text lines: blank lines and page breaks are free
            while 0 <= i < len(lines) and reach < _HEADER_REACH and header_like(i):
                zone[i] = True
                reach += lines[i].kind == "text"
                i += step
    _mark_running_titles(lines, title, zone)
    kept: list[Line] = []
    removed: list[Line] = []
    for i, line in enumerate(lines):
        if zone[i]:
            if line.kind == "text":
                removed.append(line)
            if not kept or kept[-1].kind != "break":
                kept.append(Line(line.no, "", "break"))
        elif line.kind == "text" and (is_job_or_barcode(line.text) or _date_stamp(lines, i)):
            removed.append(line)  # the first page's foot: a page ends here
            if kept and kept[-1].kind != "break":
                kept.append(Line(line.no, "", "break"))
        else:
            kept.append(line)
    return kept, removed


_STAMP = re.compile(r"^\s*\d{6}\s*$")


def _date_stamp(lines: list[Line], i: int) -> bool:
    """The first page's print-date stamp ("020124"), which pdftotext prints alone between the job
    number and the barcode: six digits alone, a job number or barcode within two lines of it."""
    if not _STAMP.match(lines[i].text):
        return False
    before = [l for l in reversed(lines[max(0, i - 4) : i]) if l.kind == "text"][:2]
    after = [l for l in lines[i + 1 : i + 5] if l.kind == "text"][:2]
    return any(is_job_or_barcode(l.text) for l in before + after)


def _mark_running_titles(lines: list[Line], title: str, zone: list[bool]) -> None:
    """Reflowed extractions keep the running header (the title, or its first line) as a lone line."""
    if not title:
        return
    start = next((i for i, l in enumerate(lines) if re.match(r"^\s*\d+/\d+\.(?:\s+\S|\s*$)", l.text)), None)
    if start is None:
        return
    for i in range(start + 2, len(lines)):
        line = lines[i]
        if line.kind != "text" or zone[i]:
            continue
        before_blank = lines[i - 1].kind != "text"
        run = _text_run(lines, i, 5)
        if (before_blank and len(run) < 5 and i + len(run) < len(lines) and _after_page_foot(lines, i, zone)
                and all(_title_piece(l.text, title) for l in run)):
            for k in range(i, i + len(run)):
                zone[k] = True  # the running title at a page's head, over a few lines, a symbol beside it
            continue
        alone = before_blank and len(run) == 1
        # a running title stands alone and is no longer than the title (with a symbol before it)
        if not alone or len(line.text) - line.text.count(" ") > len(title) + 40:
            continue
        text = _norm(line.text)
        symbol = _SYMBOL_START.match(line.text)
        if symbol:  # "A/RES/80/2 Scale of assessments …": symbol and title on one line
            text = _norm(line.text[symbol.end():])
        if len(text.split()) >= 2 and title.startswith(text) and not text.endswith((".", ",", ";", ":")):
            zone[i] = True
        elif SYMBOL_LINE.match(line.text):
            zone[i] = True


_SYMBOL_END = re.compile(r"\s+(?:A|S|E|A/HRC)/(?:RES|DEC)/[\w./-]+\s*$")


def _title_piece(text: str, title: str) -> bool:
    """Whether a line is a piece of the running title, with the symbol printed beside it or not
    (``pdftotext -layout`` sets them side by side: "A/RES/80/13      the Indian Ocean as a …")."""
    if SYMBOL_LINE.match(text):
        return True
    piece = _norm(_without_symbol(text)).strip("“”\" ")
    return (len(piece.split()) >= 2 and piece in title) or (len(piece) > 3 and title.startswith(piece))


def _without_symbol(text: str) -> str:
    """A running-title line without the symbol printed beside it: ``pdftotext -layout`` and
    ``pypdf`` set them on one line, the symbol first on even pages and last on odd ones."""
    return _SYMBOL_END.sub("", text[m.end():] if (m := _SYMBOL_START.match(text)) else text)


def _after_page_foot(lines: list[Line], i: int, zone: list[bool]) -> bool:
    """Whether line ``i`` opens a page: a page break, page furniture or a page foot's job number
    or barcode is all that stands between it and the text before."""
    k = i - 1
    while k >= 0 and lines[k].kind != "text":
        if lines[k].kind == "break":
            return True
        k -= 1
    return k >= 0 and (zone[k] or is_job_or_barcode(lines[k].text))
