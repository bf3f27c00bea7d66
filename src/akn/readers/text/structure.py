"""Pass 6b: the structure after the enacting formula.

Blocks become preambular paragraphs, operative paragraphs with their (a)/(i) items, section
headings, closing lines and annexes. Numbering is checked as it goes: a number that does not
follow the sequence is text, not a new paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...languages import Language
from ...notices import Notice
from ...model import (
    Annex, BodyPart, Cell, DateRef, Event, Inline, Italic, Item, Paragraph, PreambularParagraph, Section,
    Table, Text, joined, walk_paragraphs,
)
from .blocks import (
    BULLET, ITEM_NUM, LETTER_HEADING, PARA_NUM, ROMAN_HEADING, UNSTOPPED_NUMBER, Block, ending, looks_preambular,
    more_words_than, part_heading,
)
from .footnotes import CITATION
from .inlines import InlineParser, weave

ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv",
          "xvi", "xvii", "xviii", "xix", "xx"]


def _next_letter(label: str) -> str:
    if not label:
        return "a"
    if label[-1] == "z":
        return "aa"
    return label[:-1] + chr(ord(label[-1]) + 1)


def _next_roman(label: str | None) -> str:
    if label is None:
        return "i"
    return ROMANS[ROMANS.index(label) + 1] if label in ROMANS[:-1] else "?"


# ------------------------------------------------------------------------- initial phrases


def initial_phrase(text: str, lang: Language) -> str:
    """The opening phrase a resolution prints in italics: "Reaffirming also", "Calls upon"."""
    words = text.split(" ")
    if not words or not words[0][:1].isupper() or not words[0].rstrip(",;:").isalpha():
        return ""
    phrase = [words[0]]
    if words[0].endswith((",", ";", ":")):
        return words[0].rstrip(",;:")
    for word in words[1:]:
        bare = word.rstrip(",;:").lower()
        prev = phrase[-1].lower()
        if (bare in lang.phrase_extenders or prev.endswith("ly") or prev in ("also", "further", "once")
                or (len(phrase) == 1 and (prev in lang.auxiliaries or prev.endswith(lang.adverb_endings)))):
            if not word.rstrip(",;:").isalpha():
                break
            phrase.append(word)
            if word.endswith((",", ";", ":")):
                break
        else:
            break
    # a phrase does not end on a linking word ("Calls on" is fine, "Taking note of" is not)
    while len(phrase) > 1 and phrase[-1].rstrip(",;:").lower() in lang.small_words - {"on"}:
        phrase.pop()
    return " ".join(phrase).rstrip(",;:")


def italicize_phrase(inlines: list[Inline], lang: Language) -> list[Inline]:
    """Inlines with the initial phrase in italics, unless the text already opens in italics."""
    if not inlines or isinstance(inlines[0], Italic) or not isinstance(inlines[0], Text):
        return inlines
    first = inlines[0].text
    phrase = initial_phrase(first, lang)
    if not phrase:
        return inlines
    rest = first[len(phrase) :]
    return [Italic([Text(phrase)])] + ([Text(rest)] if rest else []) + inlines[1:]


# ---------------------------------------------------------------------------- closing lines


#: a meeting in a closing line: "53rd plenary meeting", "69th (resumed) plenary meeting",
#: "45e séance plénière (reprise)", "45.ª sesión plenaria"
_MEETING = re.compile(
    r"(?<!\d)\d+(?:st|nd|rd|th|e|re|a|ª)\.?\s+(?:\(resumed\)\s+)?(?:plenary\s+)?"
    r"(?:meeting|séance(?:\s+plénière)?|sesión(?:\s+plenaria)?)(?:\s+\((?:reprise|continuación|reanudada)\))?")


def closing_inlines(text: str, lang: Language) -> list[Inline]:
    """A closing line with its meeting as :class:`Event` and its dates as :class:`DateRef`."""
    meeting = _MEETING
    spans: list[tuple[int, int, Inline]] = []
    for m in meeting.finditer(text):
        spans.append((m.start(), m.end(), Event(m.group(0))))
    for m in lang.date_re.finditer(text):
        iso = lang.parse_date(m.group(0))
        if iso:  # a date no calendar has ("31 February") stays text: AKN dates must be real
            spans.append((m.start(), m.end(), DateRef(iso, m.group(0))))
    return weave(text, spans)


def split_closing(text: str, lang: Language) -> list[str]:
    """"40th plenary meeting 14 November 2025" is two printed lines: meeting, then date."""
    m = re.match(lang.closing["meeting"] + r"\s+(?=\d)", text)
    if m and lang.date_re.match(text[m.end() :]):
        return [text[: m.end()].strip(), text[m.end() :].strip()]
    return [text]


# ------------------------------------------------------------------------------- the body


@dataclass
class BodyBuilder:
    """Collects paragraphs, items and sections of one body (the operative part or an annex)."""

    parser: InlineParser
    lang: Language
    warnings: list[Notice]
    italic_verbs: bool = True
    parts_have_preambles: bool = False  # the operative part: a part may open with its own preamble
    in_parts: bool = False  # a part had its own preamble: each part numbers its paragraphs from 1
    parts: list[BodyPart] = field(default_factory=list)
    sections: list[tuple[int, Section]] = field(default_factory=list)  # open sections by level
    last_num: int = 0
    last_para: Paragraph | None = None
    inferred: set[int] = field(default_factory=set)  # ids of items labelled from the sequence

    def _inlines(self, text: str, no: int) -> list[Inline]:
        inlines = self.parser.parse(text, no)
        return italicize_phrase(inlines, self.lang) if self.italic_verbs else inlines

    def _container(self) -> list[BodyPart]:
        return self.sections[-1][1].children if self.sections else self.parts

    def _open_section(self, level: int, section: Section) -> None:
        while self.sections and self.sections[-1][0] >= level:
            self.sections.pop()
        self._container().append(section)
        self.sections.append((level, section))

    def expects(self, num: int) -> bool:
        """Whether ``num`` can be the next paragraph: the next number, or a few further on when
        an extraction lost a number or two (the gap is reported)."""
        return self.last_num < num <= self.last_num + 3

    def innermost_section(self) -> Section | None:
        return self.sections[-1][1] if self.sections else None

    def _part_preamble(self, text: str, no: int) -> bool:
        """A resolution in parts prints each part's preambular paragraphs under its heading, before
        its paragraphs (numbered from 1 again): a paragraph there that ends in a comma (or opens
        like a preambular one and ends in a semicolon), or one going on in lower case, goes to the
        part's preamble."""
        part = self.innermost_section() if self.parts_have_preambles else None
        if part is None or part.num is None or not part.heading or part.children:
            return False
        if part.preamble and text[:1].islower():
            part.preamble[-1].children = joined([*part.preamble[-1].children, Text(" "),
                                                 *self.parser.parse(text, no)])
            return True
        end = ending(text)
        if not part.preamble and end in (".", ";") and looks_preambular(text, self.lang):
            # a part's one unnumbered paragraph run into its last preambular one, as in
            # separate_lone_operative_paragraph: "… the Advisory Committee, 57 Takes note of …;"
            cuts = list(_CLAUSE_THEN_CAPITAL.finditer(text))
            if cuts and not looks_preambular(text[cuts[-1].end():], self.lang):
                self._part_preamble(text[: cuts[-1].end()].rstrip(), no)
                self.add(Block(no, text[cuts[-1].end():]), None)
                return True
        if text.lstrip("*_")[:1].isupper() and (end == "," or (end == ";" and looks_preambular(text, self.lang))):
            part.preamble.append(PreambularParagraph(italicize_phrase(self.parser.parse(text, no), self.lang)))
            self.in_parts = True
            return True
        return False

    def _numbers_from_one(self, part: Section | None) -> bool:
        """Whether paragraph 1 here starts the numbering again: in a part of a resolution in parts
        (one with a preamble of its own) before any numbered paragraph of that part."""
        return part is not None and (bool(part.preamble) or self.in_parts) and not any(
            p.num for p in walk_paragraphs(part.children))

    def add(self, block: Block, next_block: Block | None) -> None:
        text = block.text
        m = PARA_NUM.match(text)
        part = self.innermost_section()
        if m and m.group(1) == "1" and self._numbers_from_one(part):
            self.last_num, self.last_para = 0, None
        if m and self.expects(int(m.group(1))):
            self._paragraph(m.group(1), text[m.end() :], block.no)
            return
        if m is None and (bare := self._number_without_stop(text)):
            self.warnings.append(Notice("paragraph-number-unstopped", f"paragraph {bare.group(1)} is printed "
                                        "without the full stop after its number", block.no))
            self._paragraph(bare.group(1), text[bare.end() :], block.no)
            return
        if part is not None and not part.heading and not part.children and not part.preamble and text[:1].isupper():
            if ((block.heading and not ending(text)) or _heading_like(text)
                    or self._heads_next_paragraph(text, next_block)):
                part.heading = self.parser.parse(text, block.no, digits=False)  # "II", then its heading
                return
            if self.parts_have_preambles and part.num and (cut := _preamble_after_heading(text, self.lang)):
                part.heading = self.parser.parse(text[:cut].strip(), block.no, digits=False)
                self._part_preamble(text[cut:], block.no)  # the heading run into the part's preamble
                return
        if self._part_preamble(text, block.no):
            return
        numbered_part = part_heading(text)
        if numbered_part:
            self._heading(1, numbered_part[0], numbered_part[1], block.no)
            return
        m = BULLET.match(text)
        if m and self.last_para is not None or (m and not self.parts):
            num = str(self.last_num + 1)
            self.warnings.append(Notice("bulleted-paragraph", f"a bulleted paragraph; numbered {num} from the sequence",
                                        block.no))
            self._paragraph(num, text[m.end() :], block.no)
            return
        m = ITEM_NUM.match(text)
        if m and self.last_para is not None:
            self._item(m.group(1), text[m.end() :], block.no)
            return
        m = ROMAN_HEADING.match(text)
        if m and text.strip() != "I.":
            self._heading(1, m.group(1), text[m.end() :], block.no)
            return
        if text.strip() in ("I.",):
            self._heading(1, "I", "", block.no)
            return
        if LETTER_HEADING.match(text):
            self._heading(2, text[0], text[2:].strip(), block.no)
            return
        if part is not None and not part.children and not part.preamble and _plain(part.heading).endswith(":") \
                and _heading_like(text) and text[:1].isupper():
            # "… Agenda 2063:", then "The Africa We Want": a heading's subtitle on a line of its own
            part.heading = joined([*part.heading, Text(" "), *self.parser.parse(text, block.no, digits=False)])
            return
        if block.heading and not ending(text) or self._is_heading(text, next_block):
            self._heading(3, None, text, block.no)
            return
        if self._unlabelled_item(text):
            label = _next_letter(self.last_para.items[-1].num if self.last_para.items else "")
            self.warnings.append(Notice("unlabelled-item", f"a sub-item without its label; labelled ({label}) from the sequence",
                                        block.no))
            self._item(label, text, block.no)
            self.inferred.add(id(self.last_para.items[-1]))
            return
        split = self._glued_paragraph(text)
        if split:
            self._heading(3, None, split[0], block.no)
            self._paragraph(split[1], split[2], block.no)
            return
        if text[:1].islower() and self.last_para is not None and self.last_para.num is not None:
            # "and demands that …" after a paragraph's items: the paragraph goes on (a PDF tags it
            # as a paragraph of its own); kept with the text it continues, not as a paragraph
            last = self.last_para.items[-1] if self.last_para.items else self.last_para
            last.children = joined([*last.children, Text(" "), *self.parser.parse(text, block.no)])
            return
        para = Paragraph(None, self._inlines(text, block.no))
        self._container().append(para)
        self.last_para = para

    def add_table(self, block: Block) -> bool:
        """A table goes with the paragraph it follows, when that paragraph (one without items) is
        the last part here; in an annex, a table standing first, or after a heading, is a paragraph
        of its own. Elsewhere (after a heading in the operative part, where a new unnumbered
        paragraph would break the numbering) it is not taken."""
        assert block.table is not None
        table = Table([[Cell(self.parser.parse(c.text, block.no) if c.text else [], c.header, c.colspan)
                        for c in row] for row in block.table])
        para = self.last_para
        if para is not None and not para.items and self._container()[-1:] == [para]:
            para.tables.append(table)
            return True
        if not self.italic_verbs:  # an annex
            para = Paragraph(None, [], tables=[table])
            self._container().append(para)
            self.last_para = para
            return True
        return False

    def _unlabelled_item(self, text: str) -> bool:
        """A block after a chapeau ending in ":" (or after an item ending in ";") whose label the
        extraction lost is the next item, not a new unnumbered paragraph."""
        para = self.last_para
        if para is None or para.num is None or not text[:1].isupper():
            return False
        tail = _plain(para.items[-1].children) if para.items else _plain(para.children)
        t = tail.rstrip()
        return ending(t) == ":" or (bool(para.items) and (ending(t) == ";" or t.endswith(("; and", "; or"))))

    def _paragraph(self, num: str, text: str, no: int) -> None:
        if int(num) > self.last_num + 1:
            self.warnings.append(Notice("numbering-gap", f"paragraph {num} follows paragraph {self.last_num}; "
                                        "numbers missing in the text", no))
        para = Paragraph(num, self._inlines(text.strip(), no))
        self._container().append(para)
        self.last_para = para
        self.last_num = int(num)

    def _item(self, label: str, text: str, no: int) -> None:
        para = self.last_para
        assert para is not None
        items = para.items
        last = items[-1] if items else None
        next_letter = _next_letter(last.num) if last else "a"
        roman_next = _next_roman(last.items[-1].num if last and last.items else None)
        nested = False
        if last is not None and label == roman_next and label in ROMANS:
            nested = label != next_letter or (not last.items and ending(_plain(last.children)) == ":")
        elif last is not None and label in ROMANS and label != next_letter and len(label) > 1:
            nested = True  # "(ii)" with its "(i)" lost in extraction: a sub-item all the same
            if label == "ii" and id(last) in self.inferred and len(items) > 1 and not items[-2].items:
                # the item labelled from the sequence just before it was that lost "(i)"
                lost_first = items.pop()
                self.warnings.append(Notice("item-relabelled", "(ii) follows an unlabelled item; that item is its (i)", no))
                lost_first.num = "i"
                last = items[-1]
                last.items.append(lost_first)
        item = Item(label, self.parser.parse(text.strip(), no))
        if nested:
            last.items.append(item)
        else:
            items.append(item)

    def _heading(self, level: int, num: str | None, text: str, no: int) -> None:
        text = text.strip()
        rest = None
        m = re.search(r"\s(\d{1,4})\.\s+(?=[A-Z“\"])", text)
        if m and self.expects(int(m.group(1))) and not ending(text[: m.start()]):
            text, rest = text[: m.start()].strip(), (m.group(1), text[m.end() :])
        self._open_section(level, Section(num, self.parser.parse(text, no, digits=False) if text else []))
        if rest:
            self._paragraph(rest[0], rest[1], no)

    def _number_without_stop(self, text: str) -> re.Match[str] | None:
        """"6 Also reaffirms the important role …": the next paragraph's number printed without its
        full stop (a typo of the source, kept by every extraction), after a paragraph that ended.
        Only the very next number, before a verb phrase ("Also reaffirms", "Decides to"), never a
        citation ("7 See A/80/1."): a stray footnote line stays text."""
        m = UNSTOPPED_NUMBER.match(text)
        last = self.last_para
        if m is None or last is None or last.num is None or int(m.group(1)) != self.last_num + 1:
            return None
        tail = last.items[-1].children if last.items else last.children
        if ending(_plain(tail)) not in (";", ".", ":") or CITATION.match(text[m.end():]):
            return None
        return m

    def _heads_next_paragraph(self, text: str, next_block: Block | None) -> bool:
        """Under a part's number, an unpunctuated block of any length that the part's next numbered
        paragraph follows is the part's heading ("II", then a four-line treaty title, then "55.")."""
        m = PARA_NUM.match(next_block.text) if next_block is not None else None
        return bool(m) and not ending(text) and (self.expects(int(m.group(1))) or m.group(1) == "1")

    def _is_heading(self, text: str, next_block: Block | None) -> bool:
        if ending(text) == ":" and self.last_num > 0 and next_block is not None and text[:1].isupper() \
                and len(text.split()) <= 14 and _heading_like(next_block.text) and next_block.text[:1].isupper() \
                and not PARA_NUM.match(next_block.text):
            return True  # "Section 11 … Agenda 2063:" over its subtitle "The Africa We Want"
        if ending(text) or len(text.split()) > 14 or not text[:1].isupper():
            return False
        return next_block is None or bool(
            PARA_NUM.match(next_block.text) or ROMAN_HEADING.match(next_block.text)
        ) or self.last_num > 0

    def _glued_paragraph(self, text: str) -> tuple[str, str, str] | None:
        """"Partnerships and support mechanisms 17. We invite …": a heading run into a paragraph."""
        m = re.search(r"\s(\d{1,4})\.\s+(?=[A-Z“\"])", text)
        if not m or not self.expects(int(m.group(1))):
            return None
        head = text[: m.start()]
        if ending(head) or len(head.split()) > 14 or not head[:1].isupper():
            return None
        return head, m.group(1), text[m.end() :]


def _preamble_after_heading(text: str, lang: Language) -> int | None:
    """Where a part's first preambular paragraph starts in a block that ran the part's heading
    into it ("… for Africa in Addis Ababa Recalling its resolution …,"): at the first capitalised
    word, after a few more, that opens a preambular paragraph ending in a comma."""
    if ending(text) != ",":
        return None
    for m in re.finditer(r"\s(?=[A-Z])", text[:400]):
        head, rest = text[: m.start()], text[m.end():]
        if not more_words_than(head, 2) or ending(head):
            continue
        if more_words_than(head, 40):
            return None
        if looks_preambular(rest, lang):
            return m.end()
    return None


def _plain(inlines: list[Inline]) -> str:
    from ...model import plain_text

    return plain_text(inlines)


# ---------------------------------------------------------------------------- whole body


@dataclass
class Body:
    formula_block: Block | None = None
    preamble: list[PreambularParagraph] = field(default_factory=list)
    body: list[BodyPart] = field(default_factory=list)
    closing: list[list[Inline]] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    dropped: list[Block] = field(default_factory=list)


def is_closing(text: str, lang: Language) -> bool:
    return bool(re.match(lang.closing["meeting"], text) or re.match(lang.closing["adopted"], text)
                or re.match(lang.masthead["adoption"], text))


def read_structure(blocks: list[Block], lang: Language, parser: InlineParser, warnings: list[Notice],
                   web_copy: bool = False) -> Body:
    """Preamble, operative part, closing lines and annexes from the blocks after the formula.

    ``web_copy``: site text stood before the resolution, so text after an annex that ends may be
    site text too; elsewhere everything after the closing lines belongs to the annexes.
    """
    out = Body()
    state = "preamble"
    blocks = list(separate_lone_operative_paragraph(blocks, lang))  # a table's fallback may go in
    main = BodyBuilder(parser, lang, warnings, parts_have_preambles=True)
    annex_builder: BodyBuilder | None = None
    pending: list[Block] = []  # blocks taken for site text after the operative part
    for k, block in enumerate(blocks):
        if block.table is not None:
            builder = main if state == "body" else annex_builder if state == "annex_body" else None
            if builder is None or not builder.add_table(block):
                blocks[k + 1 : k + 1] = block.fallback  # read as text, as a reader without tables would
            continue
        text = block.text
        nxt = blocks[k + 1] if k + 1 < len(blocks) else None
        if state in ("preamble", "body") and is_closing(text, lang):
            state = "closing"
        if state == "closing":
            if re.match(lang.annex, text):
                state = "annex"
            elif is_closing(text, lang) or lang.date_re.fullmatch(text.strip(" .")) or re.match(r"^\[.*\]$", text):
                for line in split_closing(text, lang):
                    out.closing.append(closing_inlines(line, lang))
                continue
            else:
                out.dropped.append(block)
                continue
        if state == "annex" or (state == "annex_body" and re.match(lang.annex, text)):
            m = re.match(lang.annex, text)
            annex = Annex(m.group("heading").strip(), [])
            out.annexes.append(annex)
            annex_builder = BodyBuilder(parser, lang, warnings, italic_verbs=False)
            annex_builder.parts = annex.body
            state = "annex_title"
            if m.group("title"):
                annex.title = parser.parse(m.group("title"), block.no)
                state = "annex_body"
            continue
        if state == "annex_title":
            state = "annex_body"
            if not ending(text) and not PARA_NUM.match(text) and not ROMAN_HEADING.match(text):
                out.annexes[-1].title = parser.parse(text, block.no)
                continue
        if state == "annex_body":
            assert annex_builder is not None
            if web_copy and _ended(annex_builder, block, blocks[k + 1 : k + 2 + _LOOKAHEAD]):
                out.dropped.append(block)  # site text after a web copy's annex
                state = "after_annex"
                continue
            annex_builder.add(block, nxt)
            continue
        if state == "after_annex":
            out.dropped.append(block)
            continue
        if state == "preamble":
            if (ITEM_NUM.match(text) or text[:1].islower()) and out.preamble:
                # "(a) …" inside the preamble, or a block going on in lower case, belongs to the
                # preambular paragraph before it
                out.preamble[-1].children.append(Text(" "))
                out.preamble[-1].children.extend(parser.parse(text, block.no))
                continue
            if _starts_operative(text, nxt, lang):
                state = "body"
            else:
                out.preamble.append(
                    PreambularParagraph(italicize_phrase(parser.parse(text, block.no), lang))
                )
                continue
        if state == "after" and _resumes_numbering(main, text):
            # what looked like site text was not: the numbered paragraphs go on after it
            for held in pending:
                main.add(held, block)
                out.dropped.remove(held)
            state = "body"
        if state == "body":
            if _ended(main, block, blocks[k + 1 : k + 2 + _LOOKAHEAD]):
                out.dropped.append(block)
                pending = [block]
                state = "after"
                continue
            main.add(block, nxt)
            continue
        if state == "after":
            if is_closing(text, lang):
                for line in split_closing(text, lang):
                    out.closing.append(closing_inlines(line, lang))
                state = "closing"
            else:
                out.dropped.append(block)
                pending.append(block)
    out.body = main.parts
    return out


#: where an operative paragraph run into the preambular paragraph before it begins: a clause's
#: comma (and a footnote marker after it), then a capital
_CLAUSE_THEN_CAPITAL = re.compile(r",(?:\s?\d{1,3}|\[\^\w+\])?\s+(?=[A-Z\u00c0-\u00de])")


def separate_lone_operative_paragraph(blocks: list[Block], lang: Language) -> list[Block]:
    """A resolution of one unnumbered operative paragraph, extracted with no blank line or indent
    before it, reaches its closing lines with that paragraph run into the last preambular one
    ("… contained therein, Approves the report …."): a block that opens like a preambular
    paragraph but ends in a full stop, with no operative paragraph before the closing lines, is
    two, split at its last clause comma before a capital."""
    # the first block that opens the operative part or closes the text: mostly paragraph 1
    end = next((k for k, b in enumerate(blocks) if _starts_operative(b.text, None, lang) or is_closing(b.text, lang)),
               len(blocks))
    if end == 0 or (end < len(blocks) and not is_closing(blocks[end].text, lang)):
        return blocks
    last = blocks[end - 1]
    cuts = list(_CLAUSE_THEN_CAPITAL.finditer(last.text))
    if not (cuts and looks_preambular(last.text, lang) and ending(last.text) == "."):
        return blocks
    cut = cuts[-1]
    head, tail = last.text[: cut.end()].rstrip(), last.text[cut.end():]
    if looks_preambular(tail, lang):
        return blocks
    return [*blocks[: end - 1], Block(last.no, head, last.heading), Block(last.no, tail), *blocks[end:]]


def _starts_operative(text: str, nxt: Block | None, lang: Language) -> bool:
    """Whether a block after the formula opens the operative part rather than the preamble."""
    m = PARA_NUM.match(text)
    if m and m.group(1) == "1":
        return True
    if BULLET.match(text) or ROMAN_HEADING.match(text):
        return True
    part = part_heading(text)
    if part and (part[1] or (nxt is not None and (_heading_like(nxt.text) or nxt.heading))):
        return True  # the first part of a resolution in parts
    end = ending(text)
    if end and end in ".;" and not looks_preambular(text, lang):
        return True
    if not end and len(text.split()) <= 14 and nxt is not None and (
        PARA_NUM.match(nxt.text) or ROMAN_HEADING.match(nxt.text) or BULLET.match(nxt.text)
    ):
        return True  # a heading before paragraph 1
    return False


def _resumes_numbering(builder: BodyBuilder, text: str) -> bool:
    m = PARA_NUM.match(text)
    return bool(m) and builder.last_para is not None and builder.last_para.num is not None and builder.expects(int(m.group(1)))


def _ended(builder: BodyBuilder, block: Block, rest: list[Block]) -> bool:
    """Whether a numbered body has ended before ``text``: its last paragraph closed with a full
    stop and ``text`` neither continues the numbering nor looks like part of the body."""
    last = builder.last_para
    section = builder.innermost_section()
    if section is not None and not section.children:
        return False  # a heading after the last paragraph: what it heads is still to come
    return bool(last is not None and last.num and _after_last(builder, block.text)
                and not _continues_body(block, builder, rest))


def _after_last(main: BodyBuilder, text: str) -> bool:
    """Whether the operative part has ended: its last paragraph closed with a full stop."""
    last = main.last_para
    if last is None:
        return False
    tail = last.items[-1].children if last.items else last.children
    return ending(_plain(tail)) == "."


def _continues_body(block: Block, main: BodyBuilder, rest: list[Block]) -> bool:
    text = block.text
    m = PARA_NUM.match(text)
    if m and main.expects(int(m.group(1))):
        return True
    # "Partnerships and support mechanisms 17. We invite": a heading run into the next paragraph
    if any(main.expects(int(n)) for n in re.findall(r"(?<![\d/.,])(\d{1,4})\.\s+[A-Z]", text)):
        return True
    return bool(ITEM_NUM.match(text) or ROMAN_HEADING.match(text) or LETTER_HEADING.match(text)
                or BULLET.match(text) or part_heading(text)) or ((block.heading or _heading_like(text)) and _body_follows(rest))


def _heading_like(text: str) -> bool:
    return len(text.split()) <= 14 and not ending(text)


#: how many heading-like blocks in a row may stand before body text (a heading and sub-headings)
_LOOKAHEAD = 6


def _body_follows(rest: list[Block]) -> bool:
    """Whether body text comes after a heading-like line (past further headings): a numbered or
    a long or a punctuated paragraph. A page's footer ("Share this page", "Tags: …", "© 2025 …")
    is a run of such lines with nothing after it; a longer run than :data:`_LOOKAHEAD` counts as body."""
    for block in rest[:_LOOKAHEAD]:
        if not _heading_like(block.text) or PARA_NUM.match(block.text) or ITEM_NUM.match(block.text):
            return True
    return len(rest) > _LOOKAHEAD
