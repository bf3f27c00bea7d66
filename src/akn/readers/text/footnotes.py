"""Pass 4: lift footnote bodies out of the running text into a table keyed by marker.

Three ways extraction prints them: a block after a rule (``_____``) at the foot of a PDF page,
markdown definitions (``[^3]: text``, continuation lines indented), and lines opening with a
superscript marker (``¹ text``). The markers themselves stay in the text; :mod:`.inlines`
resolves them against this table.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...notices import Notice
from .lines import Line

RULE = re.compile(r"^\s*_{5,}\s*$")
HORIZONTAL_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,})\s*$")
PDF_NOTE = re.compile(r"^\s*(\d{1,3}|\*{1,3}/?)\s+(\S.*)$")
LONE_MARKER = re.compile(r"^\s*(\d{1,3})\s*$")
MD_NOTE = re.compile(r"^\s*\[\^([\w*]+)\]:\s*(.*)$")
STAR_NOTE = re.compile(r"^\s*(\*{1,3}/)\s+(\S.*)$")
BRACKET_NOTE = re.compile(r"^\s*\[(\d{1,3})\]\s+(\S.*)$")  # "[1] See A/80/348.": web archives' endnotes
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
SUPER_NOTE = re.compile(rf"^\s*([{SUPERSCRIPTS}]+)\s*(\S.*)$")
_SUPER_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")


def superscript_to_digits(text: str) -> str:
    return text.translate(_SUPER_TO_DIGIT)


_DIGIT_TO_SUPER = str.maketrans("0123456789", SUPERSCRIPTS)


def raised_text(text: str) -> str:
    """What a run of raised text in a page (``<sup>``) says in extracted text: a number is a
    footnote marker, printed in superscript digits; anything else ("st" of "1st") is plain text."""
    text = " ".join(text.split()).strip("[]")
    return text.translate(_DIGIT_TO_SUPER) if text.isascii() and text.isdigit() else text


@dataclass
class NoteBody:
    """A footnote's raw text and the line it was printed on."""

    text: str
    line: int


def lift_footnotes(lines: list[Line]) -> tuple[list[Line], dict[str, NoteBody], list[Notice]]:
    """Running text without footnote bodies, the bodies by marker, and warnings."""
    notes: dict[str, Pieces] = {}
    first_line: dict[str, int] = {}
    warnings: list[Notice] = []
    kept: list[Line] = []
    current: str | None = None  # marker whose body continues on the next line
    in_block = False  # inside a PDF footnote block (after a rule, until the page ends)
    in_md = False  # inside markdown definitions

    def add(marker: str, text: str, no: int) -> None:
        nonlocal current
        if marker in notes:
            warnings.append(Notice("footnote-duplicate", f"a second footnote body for marker {marker}; kept both texts", no))
            notes[marker].add(" ")
            notes[marker].add(text)
        else:
            notes[marker], first_line[marker] = Pieces(text.strip()), no
        current = marker

    pending: list[str] = []  # markers printed alone whose text has not come yet
    past_break = False  # a footnote block going on past a page break, for its markers' texts
    orphans: list[Line] = []  # lines opening a footnote block before any marker (kept, for now)
    loose = False  # inside a footnote printed between paragraphs without a rule
    in_run = False  # only such footnotes (and blank lines) since the last one
    previous: Line | None = None
    for i, line in enumerate(lines):
        text = line.text
        after_gap = previous is None or previous.kind != "text"
        previous = line
        if line.kind == "break":
            # markers printed in a column whose texts come after the page number: the notes go
            # on past the break, once
            past_break = in_block and bool(pending) and all(not notes[m].tail for m in pending)
            if not past_break:
                in_block, current = False, None
                pending = []
            kept.append(line)
            continue
        if line.kind == "text" and RULE.match(text):
            in_block, current, pending, past_break, orphans = True, None, [], False, []
            continue
        if line.kind == "text" and HORIZONTAL_RULE.match(text):
            current = None
            continue
        m = MD_NOTE.match(text) if line.kind == "text" else None
        if m and current and _wrapped_year(m.group(1), current):
            # "[^1994]: (United Nations publication …)": a wrapped line of the note before it
            notes[current].add(f" {m.group(1)} {m.group(2)}")
            continue
        if m:
            in_md = True
            add(m.group(1), m.group(2), line.no)
            continue
        if in_md and line.kind == "text" and text.startswith(("    ", "\t")) and current:
            notes[current].add(" ")
            notes[current].add(text.strip())
            continue
        if (in_block and past_break and not pending and current is not None and _note_complete(notes[current].tail)
                and not (PDF_NOTE.match(text) or LONE_MARKER.match(text))):
            # past the page number, the column's markers have their texts: the next page's body
            in_block, current, past_break = False, None, False
        if in_block:
            if line.kind == "blank":
                continue
            m = PDF_NOTE.match(text)
            alone = LONE_MARKER.match(text) if m is None else None
            if m and _opens_next_note(m.group(1), current):
                add(m.group(1), m.group(2), line.no)
            elif alone and (_opens_next_note(alone.group(1), current) or _skips_a_few(alone.group(1), current)):
                # "1" on a line of its own; pdftotext prints a page's markers in a column, then
                # their texts in the same order
                add(alone.group(1), "", line.no)
                pending.append(alone.group(1))
            elif alone and alone.group(1) not in notes and current is not None:
                # a marker printed out of order below the notes (pdftotext): the note is there,
                # its text not to be told from the others' — unless texts without a marker opened
                # the block: pdftotext printed those markers after them, in the same order
                resume = current
                body = _take_first_body(orphans)
                add(alone.group(1), " ".join(l.text.strip() for l in body), line.no)
                if body:
                    gone = {id(l) for l in body}
                    kept = [l for l in kept if id(l) not in gone]
                    warnings.append(Notice("footnote-out-of-order",
                                           f"footnote {alone.group(1)} is printed apart from its text; given the "
                                           f"first text without a marker in its block (line {body[0].no})", line.no))
                else:
                    warnings.append(Notice("footnote-out-of-order",
                                           f"footnote {alone.group(1)} is printed out of order; its text is not known",
                                           line.no))
                current = resume
            elif pending and (not notes[current].tail or _note_complete(notes[current].tail)):
                current = pending.pop(0)
                notes[current].wrap(text.strip())
            elif current:
                notes[current].wrap(text.strip())
            else:
                kept.append(line)
                orphans.append(line)  # a note's text before any marker: its marker may come after
            continue
        # a note opens after a gap, or right under a note before it ("1 Resolution 70/1." then
        # "2 A/79/150.", one a line at the end of a text): there it must look like a note on its own
        m = PDF_NOTE.match(text) if line.kind == "text" and (after_gap or loose) else None
        # the text around it: before, and after (a page-cut paragraph goes on after its notes)
        if m and _loose_note(m.group(1), m.group(2), notes, kept[-40:] + lines[i + 1 : i + 40], in_run and after_gap):
            # "1 Official Records …" between paragraphs: a reflowed extraction that kept the
            # notes of a page but not its rule
            add(m.group(1), m.group(2), line.no)
            loose = in_run = True
            continue
        if loose and line.kind == "text" and current:
            notes[current].wrap(text.strip())
            continue
        loose = False
        m = (STAR_NOTE.match(text) or BRACKET_NOTE.match(text)) if line.kind == "text" else None
        if m:  # "*/ text" (the older ECOSOC style), "[1] text": recognisable anywhere
            add(m.group(1), m.group(2), line.no)
            continue
        m = SUPER_NOTE.match(text) if line.kind == "text" else None
        if m:
            add(superscript_to_digits(m.group(1)), m.group(2), line.no)
            continue
        in_md = in_md and line.kind == "blank"
        current = None if line.kind == "text" else current
        in_run = in_run and line.kind != "text"
        kept.append(line)
    return kept, {k: NoteBody(v.text, first_line[k]) for k, v in notes.items()}, warnings


#: how footnotes open: a document symbol, a treaty, official records, "See", "Ibid.", a list
#: of countries ("Albania, Andorra, Argentina, …")
CITATION = re.compile(
    r"(?:See\b|Ibid\.|Resolution\b|Official Records\b|United Nations, Treaty Series|"
    r"[A-Z]{1,6}(?:\.\d+)?/[A-Z0-9.]+(?:/[\w.()-]+)+|"
    r"(?:[A-Z][\w’'-]*(?: (?:[A-Z(][\w’'()-]*|and|of|the))*, ){2,}[A-Z])"
)


def _loose_note(marker: str, text: str, notes: dict[str, Pieces], around: list[Line], in_run: bool) -> bool:
    """Whether "3 Official Records …" standing alone is footnote 3: the next note in number,
    opening like a citation, right after another such note or with its marker glued to a word in
    the text around it."""
    if not marker.isdigit():
        return False
    numbers = [int(k) for k in notes if k.isdigit()]
    if int(marker) != (max(numbers) + 1 if numbers else 1) or not re.match(r"[A-Z\d“\"]", text):
        return False
    if re.fullmatch(r"\w+\s+\d{4}\.?\s*", text) or _opens_with_date(f"{marker} {text}"):
        return False  # "1 December 2025": a date line; "4 November 1966 by the …": a page opening on a date
    if in_run or CITATION.match(text):
        return True
    from .inlines import marker_places  # where the inline pass looks for a marker, seen here first

    return any(next(marker_places(l.text, marker), None) for l in around
               if l.kind == "text" and not PDF_NOTE.match(l.text))


def _opens_with_date(text: str) -> bool:
    """Whether a line opens with a date ("4 November 1966 by …") in any language the reader knows:
    a sentence cut by the page before its date, where a footnote would open with a citation."""
    from ...languages import LANGUAGES

    return any((m := lang.date_re.match(text)) is not None and m.start() == 0 for lang in LANGUAGES.values())


def _take_first_body(orphans: list[Line]) -> list[Line]:
    """The first note text among lines printed without a marker, up to the line that ends it;
    taken out of ``orphans``."""
    for k, line in enumerate(orphans):
        if _note_complete(line.text):
            body = orphans[: k + 1]
            del orphans[: k + 1]
            return body
    return []


def _note_complete(tail: str) -> bool:
    """Whether a note's text so far ends as a note does: with a full stop or a closing bracket."""
    return tail.rstrip().endswith((".", ")"))


def _wrapped_year(marker: str, current: str) -> bool:
    return marker.isdigit() and current.isdigit() and len(marker) == 4 and int(marker) > int(current) + 20


def _skips_a_few(marker: str, current: str | None) -> bool:
    """A number alone on a line in a footnote block a little above the current note is a marker
    even when one before it is printed out of order."""
    return bool(current and current.isdigit() and marker.isdigit() and int(current) < int(marker) <= int(current) + 5)


def _opens_next_note(marker: str, current: str | None) -> bool:
    """Notes on a page are numbered one after another: under note 3, a wrapped line opening with
    "27 (A/47/27), para. 76." goes on note 3."""
    if current is None or not (marker.isdigit() and current.isdigit()):
        return True
    return int(marker) == int(current) + 1


def join_wrapped(left: str, right: str) -> str:
    """Join two hard-wrapped pieces of one sentence, undoing end-of-line hyphenation of a word."""
    if not left:
        return right
    if not right:
        return left
    return left + wrap_joint(left[-2:], right) + right


def wrap_joint(left_end: str, right: str) -> str:
    """What goes between two non-empty wrapped pieces, knowing only the left one's last two characters.

    Lets long paragraphs be gathered as lists of pieces: re-joining a growing string line by line
    would take time quadratic in its length.
    """
    if (left_end.endswith("-") and len(left_end) > 1 and left_end[-2].isalpha() and right[:1].islower()
            and not _SUSPENDED.match(right)):
        return ""  # "action-" + "oriented": a compound keeps its hyphen; UN typography breaks no plain word.
    return " "  # and "gender-" + "and age-sensitive" keeps its space


_SUSPENDED = re.compile(r"(?:and|or|to|nor)\b")


class Pieces:
    """A text gathered piece by piece in linear time; ``tail`` (its last 200 characters) serves
    the checks on its end. Re-joining a growing string at each line would take quadratic time."""

    def __init__(self, text: str = ""):
        self.parts = [text]
        self.tail = text[-200:]
        self.length = len(text)

    def add(self, piece: str) -> None:
        """Append ``piece`` as it is."""
        self.parts.append(piece)
        self.tail = (self.tail + piece[-200:])[-200:]
        self.length += len(piece)

    def wrap(self, right: str) -> None:
        """Append a hard-wrapped continuation, as :func:`join_wrapped` would."""
        if not right:
            return
        if not self.tail:
            self.parts, self.tail, self.length = [right], right[-200:], len(right)
            return
        self.add(wrap_joint(self.tail[-2:], right))
        self.add(right)

    def probe(self) -> str:
        """The text, or for a long one its first 4,000 and last 200 characters: enough for the
        checks made while gathering (how it ends, whether it has more than a dozen words)."""
        return self.text if self.length <= 4200 else self.parts[0][:4000] + " " + self.tail

    @property
    def text(self) -> str:
        if len(self.parts) > 1:
            self.parts = ["".join(self.parts)]
        return self.parts[0]

    @text.setter
    def text(self, value: str) -> None:  # a whole new text; prefer add/wrap, which stay linear
        self.parts, self.tail, self.length = [value], value[-200:], len(value)
