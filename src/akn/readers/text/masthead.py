"""Pass 6a: the masthead, everything printed above the enacting formula, line by line.

Each printed line gets a role (organ, symbol, issue date, session, agenda item, status,
committee line, …). Reflowed extractions run several printed lines into one, so known line
openings ("Distr.:", "Agenda item", a session) split a merged line back into its printed lines.
Lines before the first line a masthead can have are site text around a web copy: dropped, and
reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...languages import Language
from .lines import Line

NUMBER_TITLE = re.compile(r"^(?P<num>\d{1,4}/\d{1,4}|[A-Z]{1,2}-\d+/\d+)\.\s+(?P<title>\S.*)$")
NUMBER_ALONE = re.compile(r"^(?P<num>\d{1,4}/\d{1,4}|[A-Z]{1,2}-\d+/\d+)\.$")
SYMBOL = re.compile(r"^(?:A/HRC|A|S|E)/(?:RES|DEC)/[\w./\-]+(?:\s*\(\d{4}\))?\**$")
UN_HEADER = re.compile(r"^United Nations$|^Nations Unies$|^Naciones Unidas$")


@dataclass
class MastheadPiece:
    """One printed masthead line with its role and the input line it came from."""

    role: str
    text: str
    no: int


@dataclass
class Masthead:
    pieces: list[MastheadPiece] = field(default_factory=list)
    number: str | None = None
    title: str | None = None
    title_line: int = 0
    dropped: list[Line] = field(default_factory=list)


def _split_merged(text: str, lang: Language) -> list[str]:
    """A reflowed line cut back into printed lines at known openings."""
    cuts = set()
    for pattern in lang.masthead_cuts:
        for m in re.finditer(pattern, text):
            cuts.add(m.start())
    m = re.search(r"\bDistr\.\s*:?\s*\w+\s+", text)
    if m and lang.date_re.match(text[m.end() :]):
        cuts.add(m.end())
    m = re.search(lang.agenda_designation, text)
    if m and m.end() < len(text):
        cuts.add(m.end())
    m = re.search(r"(?:A|S|E)/(?:RES|DEC)/[\w./\-]+(?:\s*\(\d{4}\))?\**", text)
    if m and m.end() < len(text):
        cuts.add(m.end())
    cuts.discard(0)
    pieces, last = [], 0
    for cut in sorted(cuts):
        pieces.append(text[last:cut])
        last = cut
    pieces.append(text[last:])
    return [p.strip() for p in pieces if p.strip()]


def classify(text: str, lang: Language, after_distribution: bool) -> str | None:
    """The role of one printed masthead line, or None when a masthead has no such line."""
    if UN_HEADER.match(text):
        return "other"
    if any(text == name for names in lang.organs.values() for name in names):
        return "organ"
    if SYMBOL.match(text):
        return "symbol"
    for role in ("distribution", "agenda_item", "status", "committee", "adoption", "session"):
        if re.match(lang.masthead[role], text, re.IGNORECASE if role != "session" else 0):
            return role
    if re.match(lang.closing["meeting"], text):
        return "adoption"
    if re.match(lang.closing["heading"], text):
        return "heading"
    if lang.date_re.fullmatch(text.strip(" .")):
        return "issue_date" if after_distribution else "date"
    return None


def read_masthead(lines: list[Line], lang: Language) -> Masthead:
    """The masthead's printed lines with their roles, number and title, and dropped site text."""
    out = Masthead()
    texts = [l for l in lines if l.kind == "text"]
    # first: the "80/7. Title" block, whose title may wrap over the following lines
    i = 0
    merged: list[tuple[str, int]] = []
    while i < len(texts):
        line = texts[i]
        m = NUMBER_TITLE.match(line.text.strip())
        alone = NUMBER_ALONE.match(line.text.strip()) if m is None and i + 1 < len(texts) else None
        if alone and out.number is None:
            # "80/1." on a line of its own (pdftotext), the title on the lines after it
            m = NUMBER_TITLE.match(f"{alone.group('num')}. {texts[i + 1].text.strip()}")
            i += 1
        if m and out.number is None:
            title = [m.group("title").strip()]
            j = i + 1
            while j < len(texts) and (texts[j].no == texts[j - 1].no + 1 or _title_goes_on(title[-1], texts[j].text, lang)):
                title.append(texts[j].text.strip())
                j += 1
            out.number, out.title, out.title_line = m.group("num"), " ".join(title), line.no
            i = j
            continue
        for piece in _split_merged(line.text.strip(), lang):
            merged.append((piece, line.no))
        i += 1

    pieces: list[MastheadPiece] = []
    seen_distribution = False
    started = False
    for text, no in merged:
        if pieces and _unfinished(pieces[-1], lang):
            pieces[-1].text += " " + text
            continue
        role = classify(text, lang, seen_distribution)
        if role == "distribution":
            seen_distribution = True
        if role is None and pieces and _continues(pieces[-1], text):
            pieces[-1].text += " " + text
            continue
        if role is None:
            if not started:
                out.dropped.append(Line(no, text))
                continue
            role = "agenda_title" if pieces and pieces[-1].role in ("agenda_item", "agenda_title") and not _is_agenda_done(pieces) else "other"
        started = True
        pieces.append(MastheadPiece(role, text, no))

    # a lone date beside a meeting line is the adoption date printed above the title (older ECOSOC)
    for k, piece in enumerate(pieces):
        if piece.role == "date":
            near = pieces[max(0, k - 1) : k + 2]
            piece.role = "adoption" if any(p.role == "adoption" for p in near) else "other"
    # an untitled old layout: the last unexplained line before the formula is the title
    if out.title is None and pieces and pieces[-1].role == "other" and any(
        p.role in ("adoption", "heading") for p in pieces[:-1]
    ) and not UN_HEADER.match(pieces[-1].text):
        last = pieces.pop()
        out.title, out.title_line = last.text, last.no
    out.pieces = pieces
    return out


def _title_goes_on(last: str, text: str, lang: Language) -> bool:
    """After a blank line (pdfminer puts one inside a wrapped title), a line with no masthead role
    goes on a title whose last line ends on a small word or without punctuation, in lower case."""
    text = text.strip()
    if classify(text, lang, True) is not None or UN_HEADER.match(text):
        return False
    last_word = last.rstrip().rsplit(" ", 1)[-1].lower()
    return last_word in lang.small_words or (text[:1].islower() and not last.rstrip().endswith((".", ";")))


def _is_agenda_done(pieces: list[MastheadPiece]) -> bool:
    return pieces[-1].role == "agenda_title"


def _unfinished(prev: MastheadPiece, lang: Language) -> bool:
    """A bracketed committee line before its "]", or an adoption line before its date: the next
    printed line is its wrapped rest, whatever it looks like."""
    text = prev.text.strip()
    if prev.role == "committee":
        return not text.endswith("]")
    if prev.role == "status" or (prev.role == "adoption" and re.match(lang.masthead["adoption"], text)):
        return not re.search(r"\d{4}\)?\.?$", text)
    return False


def _continues(prev: MastheadPiece, text: str) -> bool:
    """Whether a line that has no role of its own is the wrapped rest of the previous one."""
    if prev.role in ("agenda_title", "heading", "adoption") and text[:1].islower():
        return True
    return False
