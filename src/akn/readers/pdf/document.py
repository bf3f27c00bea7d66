"""Open a PDF and read each page's printed lines: text, fonts, positions and structure tags.

This module knows PDFium (through pypdfium2) and nothing of resolutions: it turns a page into
:class:`PrintedLine` objects — runs of characters in one style, with their box, size, weight,
slant and whether they are raised — and, where the PDF is tagged, the structure element each line
belongs to. What those lines mean is :mod:`.layout`'s business.
"""
from __future__ import annotations

import ctypes
import re
import zlib
from dataclasses import dataclass, field
from typing import ClassVar

from ...errors import ConversionError

#: limits on untrusted input, documented in the README
MAX_BYTES = 50 * 1024 * 1024
MAX_PAGES = 500
MAX_INFLATED = 256 * 1024 * 1024  # all compressed streams together, inflated
MAX_PAGE_CHARS = 200_000
#: structure elements whose content is one printed block (a paragraph, a heading, a list item)
_BLOCK_TAGS = frozenset("P H H1 H2 H3 H4 H5 H6 LI LBody Lbl TD TH Caption BlockQuote Title TOCI Quote".split())
_MAX_TREE_DEPTH = 40
_MAX_TREE_NODES = 50_000
#: what PDFium gives for a hyphen glyph it has no Unicode for ("self\ufffegovernment")
_CHAR_FIXES = str.maketrans({"\ufffe": "-", "\x02": "-"})
_NEEDS_FIX = re.compile("[\ufffe\x02]")
#: a page's text as lines and the line ends between them, a line as words and the runs of spaces
#: between them
_BREAKS = re.compile(r"(\r\n|[\r\n])")
_SPACES = re.compile(r"([^\S\r\n]+)")


@dataclass(slots=True)
class Run:
    """Characters of one style on one line, in reading order."""

    text: str
    x0: float
    x1: float
    bottom: float  # the loose box's bottom: the baseline less the font's descent
    size: float
    italic: bool
    bold: bool
    mcid: int  # marked-content id (-1: none, an artifact or an untagged PDF)
    raised: bool = False  # smaller and above the line's baseline: a footnote marker


@dataclass(slots=True)
class PrintedLine:
    """One printed line (or one column of it) on a page."""

    page: int  # 1-based
    runs: list[Run]
    block: tuple | None = None  # the tagged block this line's text belongs to, if any
    note: bool = False  # tagged as a footnote's body (inside a Note element)
    artifact: bool = False  # every run outside marked content: page furniture in a tagged PDF
    size: float = 0.0  # the main font size
    y: float = 0.0  # the main text's bottom, from the page's foot

    @property
    def x0(self) -> float:
        return self.runs[0].x0

    @property
    def x1(self) -> float:
        return self.runs[-1].x1

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def bold(self) -> bool:
        visible = [r for r in self.runs if r.text.strip()]
        return bool(visible) and all(r.bold for r in visible)


@dataclass
class Page:
    number: int
    width: float
    height: float
    lines: list[PrintedLine] = field(default_factory=list)
    images: int = 0


def looks_like_pdf(source: str | bytes) -> bool:
    head = source[:1024].lstrip() if isinstance(source, bytes) else b""
    return head.startswith(b"%PDF-")


def read_pages(data: bytes, *, use_tags: bool = True) -> tuple[list[Page], bool]:
    """Every page's printed lines, and whether the PDF's structure tree was read."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    if len(data) > MAX_BYTES:
        raise ConversionError(f"the PDF is {len(data) / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MB limit for one resolution")
    _refuse_compression_bombs(data)
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_PASSWORD:
            raise ConversionError("the PDF is encrypted with a password: decrypt it first (e.g. qpdf --decrypt)") from None
        if raw.FPDF_GetLastError() == raw.FPDF_ERR_SECURITY:
            raise ConversionError("the PDF uses an unsupported security handler") from None
        raise ConversionError(f"the PDF is damaged or truncated and cannot be opened ({e})") from None
    try:
        count = len(pdf)
        if count == 0:
            raise ConversionError("the PDF has no pages")
        if count > MAX_PAGES:
            raise ConversionError(f"the PDF has {count} pages, over the {MAX_PAGES}-page limit for one resolution")
        tagged = use_tags and bool(raw.FPDFCatalog_IsTagged(pdf.raw))
        calls = _Calls.bound(raw)
        pages = []
        for index in range(count):
            page = raw.FPDF_LoadPage(pdf.raw, index)  # raw handles: pypdfium2's page objects cost more than they help here
            if not page:
                raise ConversionError("the page cannot be read: the PDF is damaged", page=index + 1)
            try:
                pages.append(_read_page(raw, calls, page, index + 1, tagged))
            finally:
                raw.FPDF_ClosePage(page)
        return pages, tagged
    finally:
        pdf.close()


_STREAM = re.compile(rb"stream\r?\n")
#: deflate writes at most 1032 bytes for one byte it reads (zlib's FAQ): a bound on a stream's
#: inflated size without inflating it
_DEFLATE_RATIO = 1032


def _refuse_compression_bombs(data: bytes) -> None:
    """Bound what PDFium would unpack: a small file whose streams inflate to gigabytes is refused
    before PDFium reads it.

    Every compressed stream counts with at most 1032 times its length; while those bounds
    together exceed the limit, the largest stream left is inflated (without keeping it, 4 MB at a
    time) and counts with its true size. A file is refused exactly when its streams inflate to more
    than the limit, and an ordinary PDF, whose streams the bound already covers, inflates little
    or nothing.
    """
    streams = []
    for m in _STREAM.finditer(data):
        end = data.find(b"endstream", m.end())
        if end < 0:
            break
        if data[m.end() : m.end() + 1] == b"x":  # a zlib stream opens with 0x78
            streams.append((m.end(), end))
    streams.sort(key=lambda span: span[0] - span[1])  # the largest first, then in file order
    bound = _DEFLATE_RATIO * sum(end - start for start, end in streams)
    inflated = 0
    for start, end in streams:
        if inflated + bound <= MAX_INFLATED:
            return
        bound -= _DEFLATE_RATIO * (end - start)
        inflated += _inflated_size(data[start:end], MAX_INFLATED - inflated)
        if inflated > MAX_INFLATED:
            raise ConversionError(f"the PDF's compressed streams inflate to more than {MAX_INFLATED // 2**20} MB: refused as hostile")


def _inflated_size(chunk: bytes, limit: int) -> int:
    """How many bytes a zlib stream inflates to, counted until it passes ``limit``; a stream that
    is not zlib after all, or damaged, counts what it gave before the error (PDFium decides)."""
    inflater = zlib.decompressobj()
    size = 0
    try:
        while chunk and size <= limit:
            size += len(inflater.decompress(chunk, 1 << 22))  # 4 MB at a time: memory stays small
            chunk = inflater.unconsumed_tail
    except zlib.error:
        pass
    return size


def _read_page(raw, calls: _Calls, page, number: int, tagged: bool) -> Page:
    width, height = raw.FPDF_GetPageWidthF(page), raw.FPDF_GetPageHeightF(page)
    tp = raw.FPDFText_LoadPage(page)
    if not tp:
        raise ConversionError("the page's text cannot be read: the PDF is damaged", page=number)
    try:
        count = raw.FPDFText_CountChars(tp)
        out = Page(number, width, height)
        if count <= 0:  # no text: a picture of a page, if anything (told apart for the scan message)
            objects = (raw.FPDFPage_GetObject(page, i) for i in range(min(raw.FPDFPage_CountObjects(page), 5000)))
            out.images = sum(1 for obj in objects if obj and raw.FPDFPageObj_GetType(obj) == raw.FPDF_PAGEOBJ_IMAGE)
            return out
        if count > MAX_PAGE_CHARS:
            raise ConversionError(f"page {number} holds {count} characters, over the {MAX_PAGE_CHARS} a page of a resolution can")
        chars = _page_text(raw, tp, count)
        blocks = _tag_blocks(raw, calls, page) if tagged else {}
        out.lines = rejoin_raised_breaks(_lines(raw, calls, tp, chars, number, blocks))
        return out
    finally:
        raw.FPDFText_ClosePage(tp)


def _page_text(raw, tp, count: int) -> str:
    buf = ctypes.create_string_buffer((count + 1) * 2)
    got = raw.FPDFText_GetText(tp, 0, count, ctypes.cast(buf, ctypes.POINTER(ctypes.c_ushort)))
    text = buf.raw[: max(0, got - 1) * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:  # characters beyond the BMP: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(tp, i)) for i in range(count))
    return text


class _Calls:
    """The PDFium functions called per character, text object or structure element, bound once per
    process without declared argument types: handles go as ``c_void_p`` and indices as C ints,
    as they are. pypdfium2's typed wrappers convert every argument, which on the reader's hot path
    costs more than the call itself."""

    _bound: ClassVar[_Calls | None] = None

    def __init__(self, raw) -> None:
        def bind(name: str, restype):
            return ctypes.CFUNCTYPE(restype)(ctypes.cast(getattr(raw, name), ctypes.c_void_p).value)

        self.text_object = bind("FPDFText_GetTextObject", ctypes.c_void_p)  # (text page, index)
        self.char_box = bind("FPDFText_GetLooseCharBox", ctypes.c_int)  # (text page, index, FS_RECTF*)
        self.font_size = bind("FPDFText_GetFontSize", ctypes.c_double)  # (text page, index)
        self.font = bind("FPDFTextObj_GetFont", ctypes.c_void_p)  # (text object)
        self.mcid = bind("FPDFPageObj_GetMarkedContentID", ctypes.c_int)  # (text object)
        self.tree_children = bind("FPDF_StructTree_CountChildren", ctypes.c_int)  # (tree)
        self.tree_child = bind("FPDF_StructTree_GetChildAtIndex", ctypes.c_void_p)  # (tree, index)
        self.element_type = bind("FPDF_StructElement_GetType", ctypes.c_ulong)  # (element, buffer, c_ulong size)
        self.mcid_count = bind("FPDF_StructElement_GetMarkedContentIdCount", ctypes.c_int)  # (element)
        self.mcid_at = bind("FPDF_StructElement_GetMarkedContentIdAtIndex", ctypes.c_int)  # (element, index)
        self.children = bind("FPDF_StructElement_CountChildren", ctypes.c_int)  # (element)
        self.child = bind("FPDF_StructElement_GetChildAtIndex", ctypes.c_void_p)  # (element, index)

    @classmethod
    def bound(cls, raw) -> _Calls:
        if cls._bound is None:
            cls._bound = cls(raw)
        return cls._bound


def _font_style(raw, calls: _Calls, page_text, address: int, index: int,
                fonts: dict[int, tuple[bool, bool]]) -> tuple[float, bool, bool, int]:
    """A text object's style (size, italic, bold, marked-content id): its size on the page and mark
    from the object, slant and weight from its font (read once per font)."""
    obj = ctypes.c_void_p(address)
    size = calls.font_size(page_text, index)
    font = calls.font(obj) or 0
    if font not in fonts:
        fonts[font] = _slant_and_weight(raw, ctypes.cast(font, raw.FPDF_FONT)) if font else (False, False)
    italic, bold = fonts[font]
    return round(size, 2), italic, bold, calls.mcid(obj)


def _slant_and_weight(raw, font) -> tuple[bool, bool]:
    n = raw.FPDFFont_GetBaseFontName(font, None, 0)
    name = ""
    if n > 1:
        buf = ctypes.create_string_buffer(n)
        raw.FPDFFont_GetBaseFontName(font, buf, n)
        name = buf.value.decode("latin-1").lower()
    angle = ctypes.c_int(0)
    raw.FPDFFont_GetItalicAngle(font, ctypes.byref(angle))
    italic = "italic" in name or "oblique" in name or angle.value != 0
    bold = "bold" in name or "black" in name or "heavy" in name or raw.FPDFFont_GetWeight(font) >= 600
    return italic, bold


def _lines(raw, calls: _Calls, tp, chars: str, page: int, blocks: dict[int, tuple]) -> list[PrintedLine]:
    """The page's characters as printed lines of styled runs.

    A character's box is read only where a run of one text object starts or ends (and after a
    space PDFium made up), which is where a new style, a raised marker or a column gap can begin.
    """
    text_object, char_box = calls.text_object, calls.char_box
    page_text = ctypes.c_void_p(ctypes.cast(tp, ctypes.c_void_p).value)
    rect = raw.FS_RECTF()
    rect_at = ctypes.pointer(rect)
    if _NEEDS_FIX.search(chars):
        chars = chars.translate(_CHAR_FIXES)  # once for the page: no fix is a space, so the words stay
    styles: dict[int, tuple[float, bool, bool, int]] = {}
    fonts: dict[int, tuple[bool, bool]] = {}
    lines: list[PrintedLine] = []
    runs: list[Run] = []
    run_chars: list[str] = []
    run: Run | None = None
    last_x1: float | None = None
    segment: int | None = None  # the text object whose characters are being added without boxes
    last_visible = -1  # the index of the segment's last character that is not a space

    def end_segment() -> None:
        nonlocal last_x1, last_visible
        if run is not None and last_visible >= 0:
            char_box(page_text, last_visible, rect_at)
            last_x1 = rect.right
            if last_x1 > run.x1:
                run.x1 = last_x1
        last_visible = -1

    def end_run() -> None:
        nonlocal run
        if run is not None:
            run.text = "".join(run_chars)
            runs.append(run)
            run_chars.clear()
            run = None

    def end_line() -> None:
        nonlocal runs, last_x1
        if last_visible >= 0:
            end_segment()
        end_run()
        if runs:
            line = _finish_line(page, runs, blocks)
            if line is not None:  # not blank
                lines.append(line)
            runs = []
        last_x1 = None

    def start_segment(i: int, address: int) -> None:
        """Character ``i`` opens a stretch of one text object: read its box and style."""
        nonlocal segment, run
        if last_visible >= 0:
            end_segment()
        segment = address
        style = styles.get(address)
        if style is None:
            style = styles[address] = _font_style(raw, calls, page_text, address, i, fonts)
        size, italic, bold, mcid = style
        char_box(page_text, i, rect_at)
        x0, x1, y0 = rect.left, rect.right, rect.bottom
        if last_x1 is not None and (run is not None or runs) and x0 - last_x1 > 3 * max(size, 4):
            end_line()  # a wide gap: the next column of a two-column line
        if (run is None or size != run.size or italic != run.italic or bold != run.bold or mcid != run.mcid
                or abs(y0 - run.bottom) > 0.5 * size):
            end_run()
            run = Run("", x0, x1, y0, size, italic, bold, mcid)

    # word by word: a word whose first and last characters belong to one text object is one
    # stretch of it; only other words are read character by character
    append = run_chars.append
    at = 0  # the index of the line, word or space in hand
    for k, line in enumerate(_BREAKS.split(chars)):
        if k % 2:  # a line break
            end_line()
            segment = None
            at += len(line)
            continue
        parts = iter(_SPACES.split(line))  # a word, spaces, a word, …, a word (the first and last may be "")
        for word in parts:
            a, at = at, at + len(word)
            if word:
                first = text_object(page_text, a)
                if first and (at - a == 1 or text_object(page_text, at - 1) == first):
                    if first != segment:
                        start_segment(a, first)
                    append(word)
                    last_visible = at - 1
                else:
                    for i in range(a, at):
                        address = text_object(page_text, i) if i > a else first
                        if not address:
                            continue  # a made-up character inside a word: nothing printed
                        if address != segment:
                            start_segment(i, address)
                        append(chars[i])
                        last_visible = i
            spaces = next(parts, None)
            if spaces is None:
                break
            if not text_object(page_text, at):  # a space PDFium made up: the next word opens a stretch
                end_segment()
                segment = None
            if run is not None:
                append(" ")
            at += len(spaces)
    end_line()
    return lines


def _finish_line(page: int, runs: list[Run], blocks: dict[int, tuple]) -> PrintedLine | None:
    """The printed line of these runs, or None if they print nothing but spaces."""
    visible = [r for r in runs if r.text.strip()]
    if not visible:
        return None
    if len(visible) == 1:  # most lines: one style throughout
        main, base = visible[0].size, visible[0].bottom
    else:
        weights: dict[float, int] = {}
        for r in visible:
            weights[r.size] = weights.get(r.size, 0) + len(r.text)
        main = max(weights, key=weights.get) if weights else runs[0].size
        base = min((r.bottom for r in visible if r.size == main), default=runs[0].bottom)
    small, high = 0.8 * main, base + 0.15 * main
    for r in visible:
        r.raised = r.size < small and r.bottom > high
    for left, right in zip(runs, runs[1:]):
        # the word space after a footnote marker, which PDFium does not always write out
        # ("Agreement5and"): a marker is never glued to the word after it
        if left.raised and not right.raised and left.text[-1:] != " " and right.text[:1].isalnum():
            left.text += " "
    line = PrintedLine(page, runs, size=main, y=base)
    for r in visible:
        if r.mcid >= 0 and not r.raised:
            tag = blocks.get(r.mcid)
            if tag is not None:
                line.block, line.note = tag
                break
    line.artifact = all(r.mcid < 0 for r in visible)
    return line


def _lone_marker(line: PrintedLine, other: PrintedLine, after: bool) -> bool:
    """A line of a few small digits raised over the end of the line before it (``after``) or
    over the start of the line after it: a footnote marker PDFium put on a line of its own."""
    if len(line.runs) != 1:
        return False
    text = line.runs[0].text.strip()
    if not (text.isdigit() and len(text) <= 3 and line.size < 0.8 * other.size and 0 < line.y - other.y < 0.7 * other.size):
        return False
    return -1 <= line.x0 - other.x1 < other.size if after else -1 <= other.x0 - line.x1 < other.size


def rejoin_raised_breaks(lines: list[PrintedLine]) -> list[PrintedLine]:
    """PDFium ends a line at a raised footnote marker (before or after it); text on the same
    baseline close after the line before is the same printed line, and a marker alone on a line
    goes with the line it is raised over."""
    out: list[PrintedLine] = []
    held: PrintedLine | None = None  # a marker that opens the next line
    for k, line in enumerate(lines):
        prev = out[-1] if out else None
        if held is not None:
            line.runs[:0] = held.runs
            held = None
        if prev is not None and _lone_marker(line, prev, after=True):
            line.runs[0].raised = True  # a marker PDFium put on a line of its own
            prev.runs.extend(line.runs)
            continue
        if k + 1 < len(lines) and _lone_marker(line, lines[k + 1], after=False):
            line.runs[0].raised = True
            held = line
            continue
        if (prev is not None and abs(prev.y - line.y) < 0.3 * line.size
                and -1 <= line.x0 - prev.x1 < 2 * line.size):
            if line.x0 - prev.x1 > 0.15 * line.size and not prev.runs[-1].text.endswith(" "):
                prev.runs[-1].text += " "  # the word space PDFium left out at the break
            prev.runs.extend(line.runs)
            if prev.block is None:
                prev.block, prev.note = line.block, line.note
            prev.artifact = prev.artifact and line.artifact
            continue
        out.append(line)
    return out


def _tag_blocks(raw, calls: _Calls, page) -> dict[int, tuple]:
    """Marked-content id -> (the block element holding it, whether inside a footnote Note).

    A block is named by its page-independent signature (its type and its own marked-content ids),
    so a paragraph a page break cuts is the same block on both pages.
    """
    tree = raw.FPDF_StructTree_GetForPage(page)
    if not tree:
        return {}
    walk = _TreeWalk(calls)
    try:
        for i in range(calls.tree_children(tree)):
            child = calls.tree_child(tree, i)
            if child:
                walk.element(ctypes.c_void_p(child), None, False, 0)
    finally:
        raw.FPDF_StructTree_Close(tree)
    return walk.out


_TYPE_SIZE = 64  # bytes: a structure type's name in UTF-16 with its terminator, as a rule


class _TreeWalk:
    """One page's structure tree walked within bounds (depth, nodes) into ``out``."""

    def __init__(self, calls: _Calls) -> None:
        self.calls = calls
        self.out: dict[int, tuple] = {}
        self.budget = _MAX_TREE_NODES
        self.buffer = ctypes.create_string_buffer(_TYPE_SIZE)  # one for every type name of the page
        self.size = ctypes.c_ulong(_TYPE_SIZE)

    def element(self, element, block, in_note: bool, depth: int) -> None:
        self.budget -= 1
        if depth > _MAX_TREE_DEPTH or self.budget < 0:
            return
        kind = self.kind(element)
        ids = self.own_mcids(element)
        if kind == "Note":
            in_note = True
        inside_item = block is not None and block[0] == "LI" and kind in ("Lbl", "LBody", "P")
        if kind in _BLOCK_TAGS and not inside_item:  # an item's label and body are one block
            block = (kind, ids, self.first_mcid(element, 0, ids))
        if block is not None:
            for mcid in ids:
                if mcid >= 0:
                    self.out[mcid] = (block, in_note)
        calls = self.calls
        for i in range(calls.children(element)):
            child = calls.child(element, i)
            if child:
                self.element(ctypes.c_void_p(child), block, in_note, depth + 1)

    def kind(self, element) -> str:
        n = self.calls.element_type(element, self.buffer, self.size)
        if n <= 2:
            return ""
        if n <= _TYPE_SIZE:
            return self.buffer.raw[: n - 2].decode("utf-16-le", errors="replace")
        longer = ctypes.create_string_buffer(n)  # a longer name: asked again with room for it
        self.calls.element_type(element, longer, ctypes.c_ulong(n))
        return longer.raw[: n - 2].decode("utf-16-le", errors="replace")

    def own_mcids(self, element) -> tuple[int, ...]:
        mcid_at = self.calls.mcid_at
        return tuple(mcid_at(element, i) for i in range(min(self.calls.mcid_count(element), 1000)))

    def first_mcid(self, element, depth: int, ids: tuple[int, ...] | None = None) -> int:
        """The first marked-content id in an element's subtree (``ids``: its own, when read
        already): with its type and own ids, a name for the element that is the same on every page
        it spans."""
        for mcid in self.own_mcids(element) if ids is None else ids:
            if mcid >= 0:
                return mcid
        if depth < 8:
            for i in range(min(self.calls.children(element), 1000)):
                child = self.calls.child(element, i)
                if child:
                    found = self.first_mcid(ctypes.c_void_p(child), depth + 1)
                    if found >= 0:
                        return found
        return -1
