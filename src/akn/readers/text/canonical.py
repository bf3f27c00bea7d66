"""The text reader's strict path: the canonical format ``akn-text/1`` (docs/text-format.md).

Text that declares the format in its front matter was written by the text writer or edited by a
person who knows the format, so nothing is guessed: every blank line ends a block, every block's
shape says what it is, metadata comes from the front matter, and inlines are spelled explicitly.
Anything that does not fit is an error with its line, never a silent repair.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import ConversionError, MetadataError
from ...languages import get_language
from ...model import (
    Annex, BodyPart, Cell, DateRef, Event, Footnote, Inline, Italic, Item, MastheadLine, Metadata, Paragraph,
    PreambularParagraph, Ref, Resolution, Section, Table, Text, Vote, joined, plain_text,
)
from ...textformat import (
    DATE_TARGET, EVENT_TARGET, FORMAT, HEADING, ITEM, MASTHEAD_LINE, NOTE_DEFINITION, PARAGRAPH,
    SECTION_END, SECTION_NUM, TABLE_ROW, TABLE_RULE, CELL_SPAN, UNNUMBERED,
)

_BODIES = ("GA", "SC", "ECOSOC", "HRC")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_PLAIN_RUN = re.compile(r"[^\\*\[\]]+")
_MARKER_USE = re.compile(r"\[\^([^\]\s\\^]+)\]")
MAX_NESTING = 32  # italics, links and footnotes inside each other; hostile text cannot recurse deeper


@dataclass
class _Block:
    """Consecutive non-blank lines; ``no`` is the first line's number."""

    no: int
    lines: list[str]


def is_canonical(front: dict[str, str]) -> bool:
    """Whether lifted front matter declares the canonical format."""
    return front.get("format", "").strip() == FORMAT


def read_canonical(text: str):
    """The model of a text in the canonical format; a ``ReadResult`` without warnings."""
    from . import ReadResult

    text = text[1:] if text.startswith("\ufeff") else text
    bad = _NOT_XML.search(text)
    if bad:
        raise ConversionError(f"character U+{ord(bad.group()):04X} cannot stand in a resolution (XML cannot hold it)",
                              line=text.count("\n", 0, bad.start()) + 1)
    raw = re.split(r"\r\n|\r|\n", text)
    front, start = _front_matter(raw)
    blocks = _blocks(raw, start)
    blocks, notes = _note_definitions(blocks)
    parser = _InlineParser(notes)
    res = _Structure(parser, _metadata(front), front.get("number") or None).read(blocks)
    unused = parser.unused()
    if unused:
        raise ConversionError(f"footnote [^{unused[1]}] is defined but never used", line=unused[0])
    lang = get_language(res.meta.language)
    runs = [res.formula, *res.closing, *(line.children for line in res.masthead)]
    res.votes = [Vote(*found) for run in runs for found in lang.find_votes(plain_text(run))]
    return ReadResult(res)


# ------------------------------------------------------------------------- front matter, blocks


def _front_matter(raw: list[str]) -> tuple[dict[str, str], int]:
    first = next((i for i, line in enumerate(raw) if line.strip()), None)
    if first is None or raw[first].strip() != "---":
        raise ConversionError("the canonical text format starts with a '---' front matter", line=1)
    front: dict[str, str] = {}
    for i in range(first + 1, len(raw)):
        line = raw[i]
        if line.strip() == "---":
            return front, i + 1
        m = re.match(r"^([a-z_]+):\s*(.*?)\s*$", line)
        if not m:
            raise ConversionError(f"front matter line is not 'key: value': {line[:60]!r}", line=i + 1)
        front[m.group(1)] = m.group(2)
    raise ConversionError("the front matter has no closing '---'", line=first + 1)


def _metadata(front: dict[str, str]) -> Metadata:
    symbol, adopted = front.get("symbol"), front.get("adopted")
    if not symbol:
        raise MetadataError("the front matter gives no 'symbol'", line=1)
    if not adopted or not _DATE.fullmatch(adopted):
        raise MetadataError("the front matter gives no 'adopted: YYYY-MM-DD' date", line=1)
    issued = front.get("issued")
    if issued and not _DATE.fullmatch(issued):
        raise MetadataError(f"'issued: {issued}' is not YYYY-MM-DD", line=1)
    body = front.get("body", "GA")
    if body not in _BODIES:
        raise MetadataError(f"'body: {body}' is not one of {', '.join(_BODIES)}", line=1)
    kind = front.get("kind", "resolution")
    if kind not in ("resolution", "decision"):
        raise MetadataError(f"'kind: {kind}' is neither resolution nor decision", line=1)
    language = front.get("language", "eng")
    try:
        get_language(language)
    except KeyError:
        raise MetadataError(f"'language: {language}' has no language table", line=1) from None
    return Metadata(symbol=symbol, body=body, kind=kind, language=language, adoption_date=adopted,
                    issue_date=issued or None)


def _blocks(raw: list[str], start: int) -> list[_Block]:
    blocks: list[_Block] = []
    current: _Block | None = None
    for i in range(start, len(raw)):
        line = raw[i]
        if not line.strip():
            current = None
        elif current is None:
            current = _Block(i + 1, [line])
            blocks.append(current)
        else:
            current.lines.append(line)
    return blocks


def _note_definitions(blocks: list[_Block]) -> tuple[list[_Block], dict[str, list[tuple[int, str]]]]:
    """Footnote definitions (``[^1]: text``) at the end, by marker in order of definition."""
    notes: dict[str, list[tuple[int, str]]] = {}
    end = len(blocks)
    while end and all(NOTE_DEFINITION.match(line) for line in blocks[end - 1].lines):
        end -= 1
    for block in blocks[end:]:
        for k, line in enumerate(block.lines):
            m = NOTE_DEFINITION.match(line)
            notes.setdefault(m.group(1), []).append((block.no + k, m.group(2)))
    return blocks[:end], notes


# -------------------------------------------------------------------------------- inlines


class _InlineParser:
    """Explicit inline syntax: ``\\x`` literal, ``*italic*``, ``[text](target)``, ``[^marker]``.

    A footnote marker takes the next unused definition of that marker, in order, and its body is
    read at once, so nested notes take theirs in the writer's order.
    """

    def __init__(self, notes: dict[str, list[tuple[int, str]]]):
        self.notes = {marker: list(defs) for marker, defs in notes.items()}
        self.depth = 0
        self.italic = False  # inside an italic

    def unused(self) -> tuple[int, str] | None:
        left = [(defs[0][0], marker) for marker, defs in self.notes.items() if defs]
        return min(left) if left else None

    def parse(self, text: str, no: int) -> list[Inline]:
        nodes, end = self._run(text, 0, no, None)
        return joined(nodes)

    def _run(self, s: str, i: int, no: int, stop: str | None) -> tuple[list[Inline], int]:
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise ConversionError(f"inline markup nests deeper than {MAX_NESTING} levels", line=no)
        try:
            return self._run_at_depth(s, i, no, stop)
        finally:
            self.depth -= 1

    def _run_at_depth(self, s: str, i: int, no: int, stop: str | None) -> tuple[list[Inline], int]:
        nodes: list[Inline] = []
        buf: list[str] = []

        def flush() -> None:
            if buf:
                nodes.append(Text("".join(buf)))
                buf.clear()

        while i < len(s):
            c = s[i]
            if plain := _PLAIN_RUN.match(s, i):  # most of a line: text without markup, taken at once
                buf.append(plain.group())
                i = plain.end()
            elif c == "\\":
                buf.append(s[i + 1 : i + 2])
                i += 2
            elif stop is not None and c == stop:
                flush()
                return nodes, i + 1
            elif c == "*":
                closing = _find_unescaped(s, "*", i + 1)
                if closing < 0 or self.italic:  # no italic in an italic (in a link in it): text
                    buf.append(c)
                    i += 1
                    continue
                flush()
                self.italic = True
                try:
                    children, i = self._run(s, i + 1, no, "*")
                finally:
                    self.italic = False
                nodes.append(Italic(joined(children)))
            elif s.startswith("[^", i) and (m := _MARKER_USE.match(s, i)):
                flush()
                nodes.append(self._footnote(m.group(1), no))
                i = m.end()
            elif c == "[":
                flush()
                children, j = self._run(s, i + 1, no, "]")
                if s.startswith("(", j):
                    target, i = _target(s, j + 1, no)
                    guarded = s.startswith("\\", j + 1)  # an IRI written "\date:..." is no date
                    nodes.append(Ref(target, joined(children)) if guarded else _link(children, target, no))
                else:  # brackets that are no link are text
                    nodes += [Text("["), *children, Text("]")]
                    i = j
            else:
                buf.append(c)
                i += 1
        if stop is not None:
            raise ConversionError(f"'{'[' if stop == ']' else stop}' is never closed", line=no)
        flush()
        return nodes, i

    def _footnote(self, marker: str, no: int) -> Footnote:
        defs = self.notes.get(marker)
        if not defs:
            raise ConversionError(f"footnote [^{marker}] has no definition '[^{marker}]: ...'", line=no)
        note_no, body = defs.pop(0)
        return Footnote(marker, self.parse(body, note_no))


def _find_unescaped(s: str, char: str, i: int) -> int:
    while i < len(s):
        if s[i] == "\\":
            i += 2
        elif s[i] == char:
            return i
        else:
            i += 1
    return -1


def _target(s: str, i: int, no: int) -> tuple[str, int]:
    out: list[str] = []
    while i < len(s):
        c = s[i]
        if c == "\\":
            out.append(s[i + 1 : i + 2])
            i += 2
        elif c == ")":
            return "".join(out), i + 1
        else:
            out.append(c)
            i += 1
    raise ConversionError("a link target '(' is never closed", line=no)


def _link(children: list[Inline], target: str, no: int) -> Inline:
    raw_date = target.startswith(DATE_TARGET)
    if raw_date or target.startswith(EVENT_TARGET):
        if any(not isinstance(n, Text) for n in children):
            raise ConversionError(f"a {'date' if raw_date else 'meeting'} link holds only text", line=no)
        text = plain_text(children)
        return DateRef(target[len(DATE_TARGET):], text) if raw_date else Event(text)
    return Ref(target, joined(children))


# ------------------------------------------------------------------------------- structure


class _Structure:
    """Reads the blocks in order: masthead, title, formula, preamble, body, closing, annexes."""

    def __init__(self, parser: _InlineParser, meta: Metadata, number: str | None):
        self.parser = parser
        self.meta = meta
        self.number = number

    def read(self, blocks: list[_Block]) -> Resolution:
        res = Resolution(meta=self.meta, number=self.number)
        k = 0
        if k < len(blocks) and MASTHEAD_LINE.match(blocks[k].lines[0]):
            res.masthead = [self._masthead_line(line, blocks[k].no + j) for j, line in enumerate(blocks[k].lines)]
            k += 1
        if k < len(blocks) and blocks[k].lines[0].startswith("# "):
            res.title = self._title(blocks[k])
            k += 1
        if k >= len(blocks):
            raise ConversionError("no enacting formula: the text ends after its masthead", line=blocks[-1].no if blocks else 1)
        res.formula = self._plain(blocks[k])
        k += 1
        while k < len(blocks) and self._is_plain(blocks[k]):
            res.preamble.append(PreambularParagraph(self._plain(blocks[k])))
            k += 1
        k = self._body(blocks, k, res.body)
        if not res.body:
            raise ConversionError("no operative paragraph after the preamble",
                                  line=blocks[k].no if k < len(blocks) else blocks[-1].no)
        if k < len(blocks) and self._is_plain(blocks[k]):
            res.closing = [self.parser.parse(line, blocks[k].no + j) for j, line in enumerate(blocks[k].lines)]
            k += 1
        while k < len(blocks):
            block = blocks[k]
            if not block.lines[0].startswith("# "):
                raise ConversionError(f"unexpected block here (an annex starts with '# '): {block.lines[0][:60]!r}",
                                      line=block.no)
            annex = Annex(heading=_unescape(block.lines[0][2:]), title=[])
            for j, line in enumerate(block.lines[1:], start=1):
                if j > 1 or not line.startswith("# "):
                    raise ConversionError("an annex heading is one '# ' line, and its title another", line=block.no + j)
                annex.title = self.parser.parse(line[2:], block.no + j)
            k = self._body(blocks, k + 1, annex.body)
            res.annexes.append(annex)
        return res

    def _masthead_line(self, line: str, no: int) -> MastheadLine:
        m = MASTHEAD_LINE.match(line)
        if not m:
            raise ConversionError(f"a masthead line is 'role: text': {line[:60]!r}", line=no)
        return MastheadLine(m.group(1), self.parser.parse(m.group(2) or "", no))

    def _title(self, block: _Block) -> list[Inline]:
        if len(block.lines) > 1:
            raise ConversionError("the title is one '# ' line", line=block.no + 1)
        title = block.lines[0][2:]
        if self.number and title.startswith(f"{self.number}. "):
            title = title[len(self.number) + 2 :]
        return self.parser.parse(title, block.no)

    def _is_plain(self, block: _Block) -> bool:
        first = block.lines[0]
        return not (first.startswith(("#", " ", "|")) or first == SECTION_END or PARAGRAPH.match(first)
                    or UNNUMBERED.match(first))

    def _plain(self, block: _Block) -> list[Inline]:
        if len(block.lines) > 1:
            raise ConversionError("a paragraph is one line; a blank line separates paragraphs", line=block.no + 1)
        return self.parser.parse(block.lines[0], block.no)

    def _body_follows(self, blocks: list[_Block], k: int) -> bool:
        """Whether a body block (paragraph, item, heading) comes after the plain blocks from ``k``:
        closing lines are plain blocks too, but only an annex (or the end) follows them."""
        while k < len(blocks) and self._is_plain(blocks[k]):
            k += 1
        return k < len(blocks) and not blocks[k].lines[0].startswith("# ")

    def _body(self, blocks: list[_Block], k: int, body: list[BodyPart]) -> int:
        """Body parts from block ``k`` on, into ``body``; returns the first block that is none."""
        open_sections: list[tuple[int, Section]] = []  # (heading level, section)
        items: list[Item | Paragraph] = []  # the owner of each item depth: [paragraph, item (a), ...]

        def container() -> list[BodyPart]:
            return open_sections[-1][1].children if open_sections else body

        while k < len(blocks):
            block = blocks[k]
            line, no = block.lines[0], block.no
            if self._is_plain(block) and open_sections and not open_sections[-1][1].children and (
                    self._body_follows(blocks, k)):
                # plain lines right under a heading, with the body going on after them: the part's preamble
                open_sections[-1][1].preamble.append(PreambularParagraph(self._plain(block)))
                k += 1
                continue
            if line.startswith("# ") or self._is_plain(block):
                break  # an annex, or the closing lines
            if TABLE_ROW.match(line):
                owner = items[0] if len(items) == 1 and isinstance(items[0], Paragraph) else None
                if owner is None or owner.items or container()[-1:] != [owner]:
                    raise ConversionError("a table follows a paragraph without items", line=no)
                owner.tables.append(self._table(block))
                k += 1
                continue
            if len(block.lines) > 1:
                raise ConversionError("one paragraph, item or heading per block; separate them by a blank line",
                                      line=block.no + 1)
            if line == SECTION_END:
                if not open_sections:
                    raise ConversionError("no section is open here", line=no)
                open_sections.pop()
                items = []
            elif m := HEADING.match(line):
                level = len(m.group(1))
                while open_sections and open_sections[-1][0] >= level:
                    open_sections.pop()
                if level != len(open_sections) + 2:
                    raise ConversionError(f"heading level {'#' * level} does not follow the one above", line=no)
                num_m = SECTION_NUM.match(m.group(2) or "")
                section = (Section(num_m.group(1), self.parser.parse(num_m.group(2) or "", no)) if num_m
                           else Section(None, self.parser.parse(m.group(2) or "", no)))
                container().append(section)
                open_sections.append((level, section))
                items = []
            elif m := ITEM.match(line):
                depth = len(m.group(1)) // 4
                if depth > len(items):
                    raise ConversionError(f"item ({m.group(2)}) is indented deeper than the one before", line=no)
                item = Item(m.group(2), self.parser.parse(m.group(3) or "", no))
                items = items[:depth]
                items[-1].items.append(item)
                items.append(item)
            elif (m := PARAGRAPH.match(line)) or (u := UNNUMBERED.match(line)):
                para = (Paragraph(m.group(1), self.parser.parse(m.group(2) or "", no)) if m
                        else Paragraph(None, self.parser.parse(u.group(1) or "", no)))
                container().append(para)
                items = [para]
            else:
                raise ConversionError(f"an indented line that is no item '(a) ...': {line.strip()[:60]!r}", line=no)
            k += 1
        return k

    def _table(self, block: _Block) -> Table:
        """``| cell | cell |`` rows; a ``|---|`` line makes the row above it a header row."""
        rows: list[list[Cell]] = []
        for j, line in enumerate(block.lines):
            no = block.no + j
            if TABLE_RULE.match(line):
                if not rows or rows[-1][0].header:
                    raise ConversionError("a '|---|' line stands under a table row it makes a header", line=no)
                for cell in rows[-1]:
                    cell.header = True
                continue
            if not TABLE_ROW.match(line):
                raise ConversionError(f"a table line is '| cell | cell |': {line[:60]!r}", line=no)
            rows.append([self._cell(text, no) for text in _cells(line)])
        return Table(rows)

    def _cell(self, text: str, no: int) -> Cell:
        colspan = rowspan = 1
        if m := CELL_SPAN.match(text):
            colspan, rowspan = int(m.group(1) or 1), int(m.group(2) or 1)
            if m.group(0).strip() == "{}" or colspan < 1 or rowspan < 1:
                raise ConversionError(f"a cell's span is '{{colspan=N rowspan=M}}': {text[:30]!r}", line=no)
            text = text[m.end():]
        return Cell(self.parser.parse(text, no), colspan=colspan, rowspan=rowspan)


def _cells(line: str) -> list[str]:
    """A row's cells: the text between unescaped ``|``, trimmed (``\\|`` is a literal bar)."""
    cells, buf, i = [], [], 1
    while i < len(line):
        c = line[i]
        if c == "\\":
            buf.append(line[i : i + 2])
            i += 2
            continue
        if c == "|":
            cells.append("".join(buf).strip())
            buf = []
        else:
            buf.append(c)
        i += 1
    return cells


def _unescape(text: str) -> str:
    return re.sub(r"\\(.?)", r"\1", text)
