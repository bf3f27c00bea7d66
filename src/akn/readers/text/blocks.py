"""Pass 5: unwrap hard-wrapped lines into blocks, one block per printed paragraph.

A block ends at a blank line, unless the next block plainly continues the same sentence (it
opens in lower case, or the block before stopped mid-sentence): that is a paragraph cut by a page
break or a footnote block. Inside a run of lines, a line that opens the next numbered paragraph,
sub-item or section heading starts a new block even without a blank line before it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ...languages import Language
from .footnotes import Pieces
from .lines import Line

PARA_NUM = re.compile(r"^(\d{1,4})\.(?:\s+|$)")
# a line opening with a number of four digits may be a year ("2030. The …" wrapped): it opens a
# paragraph only as the next number (see _Layout.next_number) or where the structure expects it
_SHORT_PARA_NUM = re.compile(r"^\d{1,3}\.(?:\s+|$)")
# "(a)", and "a)" as French and Spanish print them (a letter or a roman numeral alone then)
ITEM_NUM = re.compile(r"^(?=\(|[a-z]\)|[ivxl]+\))\(?([a-z]{1,2}|[ivxl]{1,6})\)(?:\s+|$)")
#: a paragraph number printed without its full stop (a typo of the source), then a verb phrase
#: of a capitalised word and a lower-case one: "6 Also reaffirms", "12 Decides to", the verb
#: in italics as a PDF or markdown marks it ("6 *Also reaffirms*")
UNSTOPPED_NUMBER = re.compile(r"^(\d{1,4}) +(?=[*_]?[A-Z][a-z]+[*_]?,?[*_]? [*_]?[a-z]+\b)")
ROMAN_HEADING = re.compile(r"^([IVXL]{1,6})\.(?:\s+|$)")
LETTER_HEADING = re.compile(r"^([A-H])\.\s+[A-Z]")
#: a part of a resolution in parts: its roman number alone on a line ("II"), or before the part's
#: heading on the same line ("II Activities of the Independent Audit Advisory Committee")
_PART_HEADING = re.compile(r"^([IVXL]{1,6})(?:\s+([A-Z“\"].*))?$")
BULLET = re.compile(r"^[-•–]\s+")
# a trailing footnote marker after punctuation: "Development.2", "resolutions,¹", "2024,[^1]"
_TRAILING_MARKER = re.compile(r"(?:\s?\d{1,3}|(?<![⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^?\w+\]|\s?(?<!\*)\*+/?)$")


@dataclass
class Block:
    """One paragraph of running text (or one heading), with the input line it starts on.

    ``heading`` is a reader's evidence that the block is printed as a heading (a PDF's bold
    type); text readers, which cannot see type, leave it False and the rules guess from the words.
    """

    no: int
    text: str
    heading: bool = False
    table: list[list[CellText]] | None = None  # a table the reader saw (then ``text`` is empty)
    fallback: list[Block] = field(default_factory=list)  # the table's text as blocks, where no table may stand


@dataclass
class CellText:
    """A table cell as a reader saw it: its marked text, whether it heads its column, its span."""

    text: str
    header: bool = False
    colspan: int = 1


def ending(text: str) -> str:
    """The punctuation a block ends with, looking through a trailing footnote marker and quotes."""
    text = text[-200:].rstrip()[-24:]  # only the end matters; anchored patterns would scan it all
    last = text[-1:]
    if last and last in ".,;:!?":
        return last  # no marker ends in punctuation, nor in a letter (next): the pattern cannot match
    if last.isalpha():
        return ""
    stripped = _TRAILING_MARKER.sub("", text).rstrip()
    if stripped and stripped[-1] in ".,;:!?" and stripped != text:
        return stripped[-1]
    text = text.rstrip("”’\"')*]")
    return text[-1] if text and text[-1] in ".,;:!?" else ""


_SPLIT_COMPOUND = re.compile(r"(?<=[A-Za-z])- (?!(?:and|or|to|nor)\b)(?=[A-Za-z])")


def rejoin_split_compounds(text: str) -> str:
    """"nuclear- weapon-free", "Secretary- General": a compound some extractions cut at its
    hyphen with a space left in. "age- and gender-sensitive" keeps its space."""
    return _SPLIT_COMPOUND.sub("-", text) if "- " in text else text


def opens_with_label(text: str, last_number: int) -> bool:
    """Whether a line opens with the label of a numbered paragraph or a sub-item ("12.", "(b)",
    "(iv)"). A number of four digits may be a year ending a sentence ("… by 2030. The …"): it is
    a label only as the number after ``last_number``, as :meth:`_Layout.next_number` takes it."""
    text = text.lstrip()
    if _SHORT_PARA_NUM.match(text) or ITEM_NUM.match(text):
        return True
    m = PARA_NUM.match(text)
    return bool(m) and int(m.group(1)) == last_number + 1


def opens_structure(text: str) -> bool:
    """Whether a line opens a numbered paragraph, a sub-item, a bullet or a section heading."""
    return bool(
        _SHORT_PARA_NUM.match(text) or ITEM_NUM.match(text) or ROMAN_HEADING.match(text)
        or LETTER_HEADING.match(text) or BULLET.match(text) or _BARE_ROMAN.fullmatch(text)
    )


_BARE_ROMAN = re.compile(r"[IVXL]{1,6}")


def part_heading(text: str) -> tuple[str, str] | None:
    """The number and heading of a part printed without a full stop after its number ("II", or
    "II Activities of …" where an extraction ran the lines together): a heading is capitalised,
    with no closing punctuation, and at most four printed lines long (a treaty's full title)."""
    m = _PART_HEADING.match(text)
    if m is None:
        return None
    heading = m.group(2) or ""
    if heading and (ending(heading) or more_words_than(heading, 56)):
        return None
    return m.group(1), heading


_NOT_OPENERS = frozenset("united limited red federated associated unified".split())
_NOT_ADVERBS = frozenset("assembly family supply reply july italy ally rally".split())  # nouns in -ly


def looks_preambular(text: str, lang: Language) -> bool:
    """Whether a paragraph opens the way preambular paragraphs do ("Recalling", "Deeply concerned").

    Words that only look like participles ("United Nations") do not count, nor does the first
    word of a title in title case ("Securing Our Common Future"); a listed opener before a name
    ("Welcoming Human Rights Council resolution") still counts, and so does an adverb before an
    opener ("Strongly convinced", "Solemnly proclaiming").
    """
    words = re.sub(r"^[*_]+", "", text).split(" ", 4)
    if not words[0][:1].isupper():  # "comprising …" on a wrapped line goes on a sentence
        return False
    first = words[0].strip(",*_").lower()
    if first in _NOT_OPENERS:
        return False
    if (first.endswith(lang.adverb_endings) and first not in _NOT_ADVERBS and len(words) > 1
            and words[1][:1].islower() and _opening_word(words[1].strip(",;*_"), lang)):
        return True
    if (first not in lang.preamble_openers and len(words) >= 4
            and all(w[:1].isupper() for w in words[1:4])):
        return False
    return _opening_word(first, lang)


def _opening_word(word: str, lang: Language) -> bool:
    """Whether a (lower-case) word is one preambular paragraphs open with: listed, or a participle
    or adjective by its ending."""
    if word.endswith(("ment", "ments")) and "ment" not in lang.opener_suffixes:
        return False  # "Disarmament", "Development": nouns, though they end like "Confident"
    return word in lang.preamble_openers or word.endswith(lang.opener_suffixes)


def meeting_line(text: str, lang: Language) -> bool:
    """Whether a line is a closing meeting line and nothing else ("3rd plenary meeting")."""
    return re.fullmatch(lang.closing["meeting"] + r"[.,]?", text) is not None


def continues(prev: str, nxt: str, lang: Language) -> bool:
    """Whether ``nxt``, after a blank line or page break, continues the sentence ``prev`` left open."""
    if opens_structure(nxt) or meeting_line(nxt, lang):
        return False  # a closing meeting line never goes on a sentence
    start = re.sub(r"^[*_\[]+", "", nxt)[:1]
    if start.islower():
        return True
    end = ending(prev)
    if end and end in ".;:!?":
        return False
    if end == ",":
        return not looks_preambular(nxt, lang)
    # no punctuation at all: a cut sentence, unless the previous block is a heading-like line;
    # a numbered paragraph, an item or a preambular paragraph is never a heading
    return (more_words_than(prev, 12) or bool(PARA_NUM.match(prev) or ITEM_NUM.match(prev))
            or (more_words_than(prev, 6) and looks_preambular(prev, lang)))


def unwrap(lines: list[Line], lang: Language) -> list[Block]:
    """Blocks from lines: hard wraps joined, page-cut paragraphs rejoined."""
    blocks: list[tuple[int, Pieces]] = []
    current: tuple[int, Pieces] | None = None
    gap = False  # a blank line or page break since the last text line
    layout = _Layout.of(lines, lang)

    def close() -> None:
        nonlocal current
        if current is not None and current[1].probe().strip():
            current = (current[0], Pieces(rejoin_split_compounds(current[1].text)))
            blocks.append(current)
        current = None

    page_break = False  # a page ended in the gap
    first_indent: int | None = None  # the indent of the current block's first line
    indent_before: int | None = None  # of the text line before that first line: the margin there
    last_indent: int | None = None  # of the last text line seen
    texts = [i for i, line in enumerate(lines) if line.kind == "text"]
    following = dict(zip(texts, texts[1:]))  # a text line's index -> the next text line's
    for k, line in enumerate(lines):
        if line.kind != "text":
            gap = True
            page_break = page_break or line.kind == "break"
            continue
        text = line.text.strip()
        if current is None:
            # a block closed at a gap may still continue here (page-cut paragraph)
            if gap and blocks and layout.goes_on(blocks[-1][1].probe(), text, lang, page_break):
                current = blocks.pop()
                first_indent = indent_before = None  # a block taken up again: its first line is long gone
                current[1].wrap(text)
            else:
                current = (line.no, Pieces(text))
                first_indent, indent_before = _indent(line.text), last_indent
        elif current[1].length <= 12 and _number_only(current[1].text) and not (gap and opens_structure(text)):
            current[1].add(" ")  # "1." alone on its line (pdfminer: and a blank line), then its text
            current[1].add(text)
        elif gap:
            if layout.goes_on(current[1].probe(), text, lang, page_break) and not layout.next_number(text):
                current[1].wrap(text)
            else:
                close()
                current = (line.no, Pieces(text))
                first_indent, indent_before = _indent(line.text), last_indent
        elif not line.in_box and (
                layout.opens_block(current[1].probe(), text, lang, lines[following[k]].text if k in following else None,
                                   line.text, (first_indent, indent_before))
                or layout.indented_opening(line.text, current[1].probe())):
            close()
            current = (line.no, Pieces(text))
            first_indent, indent_before = _indent(line.text), last_indent
        else:
            current[1].wrap(text)
        gap = page_break = False
        last_indent = _indent(line.text)
        layout.saw(text)
    close()
    return restore_displaced_last_lines([Block(no, pieces.text) for no, pieces in blocks], lang)


def restore_displaced_last_lines(blocks: list[Block], lang: Language) -> list[Block]:
    """pdftotext and pdfminer sometimes print a paragraph's last line right after its number and
    the rest after it ("3." / "session." / "Further decides that … the eightieth"; "3." / "this
    end:" / "Calls upon all States … to"; "(h)" / "security." / "Recognizing … food"): a block
    numbered or labelled and holding only a few words that end a sentence or a chapeau, followed
    by a block that opens in capitals and stops mid-sentence, is one paragraph in printed order."""
    out: list[Block] = []
    k = 0
    while k < len(blocks):
        block = blocks[k]
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        m = PARA_NUM.match(block.text) or ITEM_NUM.match(block.text)
        rest = block.text[m.end():] if m else ""
        if (m and nxt is not None and rest and not more_words_than(rest, 4) and ending(rest) in (".", ";", ":")
                and nxt.text[:1].isupper() and not ending(nxt.text) and not opens_structure(nxt.text)
                and not re.match(lang.closing["meeting"], nxt.text) and more_words_than(nxt.text, 5)):
            out.append(Block(block.no, f"{m.group(0)}{nxt.text} {rest}", block.heading))
            k += 2
            continue
        out.append(block)
        k += 1
    return out


@dataclass
class _Layout:
    """What unwrapping learns of the whole text: how it wraps, and the paragraph numbers so far."""

    width: int | None  # the wrap width of a PDF extraction; None for one paragraph a line
    one_per_line: bool  # a web copy: one paragraph a line and no blank lines between them
    unspaced: bool = False  # hard-wrapped with no blank lines between paragraphs (some PDF extractors)
    last_length: int = 0  # of the last text line, to tell a full wrapped line from a paragraph's end
    last_number: int = 0  # of the last line that opened a numbered paragraph
    margin: int | None = None  # the indent of continuation lines, where first lines stand further in

    @classmethod
    def of(cls, lines: list[Line], lang: Language) -> _Layout:
        width = _wrap_width(lines)
        blanks = sum(line.kind == "blank" for line in lines)
        return cls(width, width is None and blanks < 0.1 * len(lines), width is not None and _unspaced(lines, lang),
                   margin=_indent_margin(lines))

    def indented_opening(self, raw: str, prev: str) -> bool:
        """In text whose lines start flush left but for paragraphs' first lines, which open with a
        space or two (pypdf marks them so), such a line after a clause end opens a block. Text set
        in from a margin (``pdftotext -layout``: centred and column lines) tells too little."""
        return (self.margin == 0 and 0 < _indent(raw) <= 2
                and ending(prev) in (",", ";", ".", ":") and not raw.strip()[:1].islower())

    def saw(self, text: str) -> None:
        self.last_length = len(text)
        m = PARA_NUM.match(text)
        if m:
            self.last_number = int(m.group(1))

    def next_number(self, text: str) -> bool:
        """A line opening the paragraph numbered next opens it, even after a cut-short one."""
        m = PARA_NUM.match(text)
        return bool(m) and int(m.group(1)) == self.last_number + 1

    def goes_on(self, prev: str, text: str, lang: Language, page_break: bool) -> bool:
        """Whether ``text``, after a blank line or a page break, goes on with the block ``prev``.

        Besides an open sentence (:func:`continues`): a numbered paragraph a page break cut just
        after a full stop, when the next page opens with a full line of ordinary prose — no number,
        no preambular opening, no closing line or annex heading.
        """
        if continues(prev, text, lang):
            return True
        return (page_break and self.width is not None and len(text) >= 0.7 * self.width
                and bool(PARA_NUM.match(prev) or ITEM_NUM.match(prev)) and text[:1].isupper()
                and not opens_structure(text) and not looks_preambular(text, lang)
                and not re.match(lang.annex, text) and not re.match(lang.closing["meeting"], text))

    def name_at_margin(self, raw: str | None, indents: tuple[int | None, int | None], text: str,
                       lang: Language) -> bool:
        """Where a paragraph's first line stands in further than its other lines (pypdf: one
        space; ``pdftotext -layout``: a few, and a page's margin may differ from the next one's),
        a line set back from the first line of the block it follows to the margin the line before
        that block stood at goes on the block when its first word is an opener only by its ending:
        a name wrapped after a comma ("Fishing Vessels,", then "Refrigerated Transport Vessels …"),
        not a paragraph. ``indents``: of the block's first line, and of the line before it."""
        first, before = indents
        if raw is None or first is None or before is None:
            return False
        indent = _indent(raw)  # -layout sets a column a space either way
        if abs(indent - before) > 1 or not (indent <= first - 2 or indent == 0 < first):
            return False
        word = text.split(" ", 1)[0].strip(",;*_").lower()
        return word not in lang.preamble_openers and not word.endswith(lang.adverb_endings)

    def opens_block(self, prev: str, text: str, lang: Language, nxt: str | None = None,
                    raw: str | None = None, indents: tuple[int | None, int | None] = (None, None)) -> bool:
        """Whether a line right after ``prev`` (no blank line between) opens a new block; ``nxt``
        is the text line after it, if any; ``raw``: the line as printed, with its indent;
        ``indents``: of the first line of the block it would go on, and of the line before that."""
        if (opens_structure(text) or re.match(lang.annex, text)) and _may_end_before(prev):
            return True
        if self.next_number(text):
            return True
        if ((m := UNSTOPPED_NUMBER.match(text)) and int(m.group(1)) == self.last_number + 1
                and ending(prev) in (".", ";", ":")):
            return True  # "6 Also reaffirms …" after paragraph 5's end: the structure pass reads the number
        if ending(prev) in (".", ";", ":") and (part := part_heading(text)) and part[1]:
            return True  # "II Progress in the renovation of …": a part's number and heading on one line
        if meeting_line(text, lang):
            return True  # "3rd plenary meeting" alone on its line closes the text, whatever precedes it
        # a short line ends a paragraph; without blank lines between paragraphs a full one may too
        short = self.width is None or self.last_length < 0.8 * self.width
        if text[:1].isupper() and (part := part_heading(prev)) and part[1] and (
                looks_preambular(text, lang) or (short and prev.rsplit(" ", 1)[-1].lower() not in lang.small_words)):
            # "I", "Activities of …", then the part's own "Recalling …" or its paragraph: a block of its own
            return True
        if ((short or (self.unspaced and _may_end_at_full_line(prev, lang))) and _new_paragraph_line(prev, text, lang)
                and not self.name_at_margin(raw, indents, text, lang)):
            return True
        if (self.unspaced and ITEM_NUM.match(prev) and ending(prev) in (",", ";")
                and text.split(" ", 1)[0].lower() in lang.preamble_openers):
            return True  # a preambular paragraph's last item, ended at a full line: "(e) …, 2024," / "Recalling also …"
        if self.unspaced and ending(prev) in (".", ";", ":") and _heading_line(text, self.width, lang, nxt):
            return True
        return self.one_per_line and ending(prev) in (".", ";") and _whole_paragraph_line(text)


def _indent(raw: str) -> int:
    return len(raw) - len(raw.lstrip(" "))


def _indent_margin(lines: list[Line]) -> int | None:
    """The indent most text lines share, when a fair number of lines (paragraphs' first lines)
    stand further in and most lines do not: None where indentation tells nothing."""
    indents = [_indent(line.text) for line in lines if line.kind == "text"]
    if len(indents) < 4:
        return None
    margin = min(set(indents), key=lambda n: (-indents.count(n), n))
    further = sum(n > margin for n in indents)
    return margin if 1 <= further <= 0.6 * len(indents) else None


def _may_end_at_full_line(block: str, lang: Language) -> bool:
    """Whether a block may end at a line that fills the page: when it is the last operative
    paragraph ("."), or a preambular paragraph (",", or the ";" some close with) or a decision's
    chapeau (",") — never a numbered paragraph at a comma ("… the Use,\nStockpiling, Production
    and Transfer …")."""
    end = ending(block)
    return end == "." or (end in (",", ";") and looks_preambular(block, lang)) or (
        end == "," and bool(re.match(lang.decision_opening, block)))


def _unspaced(lines: list[Line], lang: Language) -> bool:
    """Whether paragraphs follow one another without a blank line: the lines that open a
    paragraph (a number, or a preambular opening after a clause's end), which a blank line
    precedes wherever an extractor keeps blank lines, mostly have none before them."""
    if sum(line.kind == "blank" for line in lines) <= max(1, 0.01 * len(lines)):
        return True  # no blank line at all to speak of
    openings = after_blank = 0
    previous = None  # the last text line before this one
    for i, line in enumerate(lines):
        if line.kind != "text":
            continue
        text = line.text.strip()
        if previous is not None and (PARA_NUM.match(text) or (ending(previous) in (",", ";") and looks_preambular(text, lang))):
            openings += 1
            after_blank += lines[i - 1].kind == "blank"  # not after a page break
        previous = text
    return openings >= 3 and after_blank <= 0.2 * openings


def _heading_line(text: str, width: int | None, lang: Language, nxt: str | None) -> bool:
    """A capitalised line of a few words without closing punctuation: in hard-wrapped text, after
    a line that ended a sentence, a heading ("Partnerships and support mechanisms") rather than
    prose when it is short, or when it is in title case and a numbered paragraph follows it
    ("Department of Political and Peacebuilding Affairs", not a title quoted across lines)."""
    if not text[:1].isupper() or ending(text) or more_words_than(text, 10):
        return False
    if width is None or len(text) < 0.8 * width:
        return True
    significant = [w for w in text.split() if w.lower() not in lang.small_words]
    return all(w[:1].isupper() for w in significant) and nxt is not None and opens_structure(nxt.strip())


def _whole_paragraph_line(text: str) -> bool:
    """In text with one paragraph a line: a line that opens with a word and ends a clause (or is a
    short heading) after a line that ended a sentence is a paragraph of its own."""
    return bool(re.match(r"[*_]*[A-Z][a-z]*(?![A-Za-z0-9(/])", text)) and (bool(ending(text)) or len(text.split()) <= 14)


def _wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped text (a PDF extraction) wraps at, or None for text with one
    paragraph per line (web copies, reflowed markdown)."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.kind == "text")
    if len(lengths) < 20:
        return None
    p90 = lengths[int(len(lengths) * 0.9)]
    return p90 if p90 <= 110 else None


def _new_paragraph_line(prev: str, text: str, lang: Language) -> bool:
    """Web copies put one paragraph per line with no blank line: a clause end followed by a
    preambular opening, or a full stop followed by the adoption line, starts a new paragraph."""
    end = ending(prev)
    if not end or end not in ",;.":
        return False
    if looks_preambular(text, lang) and not text.startswith(("Adopted", "adopted")):
        return True
    return end == "." and bool(re.match(lang.closing["adopted"], text) or re.match(lang.closing["meeting"], text))


def _number_only(text: str) -> bool:
    return bool(re.fullmatch(r"(?:\d{1,3}\.|\([a-z]{1,2}\)|\([ivxl]{1,6}\)|[IVXL]{1,6}\.|[A-H]\.)", text.strip()))


def _may_end_before(text: str) -> bool:
    """Whether a block may end here, letting the next line open a new paragraph or item."""
    t = text.rstrip()
    return bool(ending(t)) or bool(re.search(r"(?:;|,)\s+(?:and|or)$", t[-200:])) or not more_words_than(t, 12)


@lru_cache(maxsize=8)
def _words_past(count: int) -> re.Pattern[str]:
    return re.compile(rf"\s*(?:\S+\s+){{{count}}}\S")


def more_words_than(text: str, count: int) -> bool:
    """``len(text.split()) > count``, looking only as far as the word after ``count``."""
    return _words_past(count).match(text) is not None
