"""Pass 1-2: decode and normalise the input, keep original line numbers, lift YAML front matter."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...errors import ConversionError


@dataclass
class Line:
    """One input line; ``kind`` is "text", "blank" or "break" (a removed page boundary)."""

    no: int  # 1-based line number in the input
    text: str
    kind: str = "text"
    #: the line goes on the text box the line before it opened (pdfminer prints one box per
    #: paragraph): where its words alone would open a paragraph, it does not
    in_box: bool = False


# Characters extraction leaves behind that carry no text: zero-width, BOM, soft hyphen, bidi marks,
# and control characters, lone surrogates and non-characters XML cannot hold.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\x01-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2002\u2003\u2009\t\u000b\u000c]")


#: a character UTF-8 spells in two or more bytes: text holding none, but bytes above 0x7F, is in a
#: one-byte legacy encoding rather than UTF-8 with a damaged byte
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


#: files people may pass by mistake, known by their first bytes
_DOCUMENT_FORMATS = (
    (b"PK\x03\x04", "a zipped document (Word, OpenDocument)", "save it as plain text first"),
    (b"\xd0\xcf\x11\xe0", "a Word 97-2003 document", "save it as plain text first"),
    (b"{\\rtf", "a rich-text (RTF) document", "save it as plain text first"),
)


def decode(data: bytes | str) -> tuple[str, str | None]:
    """Text from bytes, and a note when it was not UTF-8: UTF-8 (with or without BOM), UTF-16 with a
    BOM, or a whole file in the Windows-1252 legacy encoding (web pages saved long ago). UTF-8 with
    a damaged byte is refused, with its line: guessing there would garble the text silently."""
    if isinstance(data, str):
        return data, None
    for magic, kind, hint in _DOCUMENT_FORMATS:
        if data.startswith(magic):
            raise ConversionError(f"input is {kind}, not text: {hint}", line=1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as e:
            raise ConversionError(f"input is not valid UTF-16 ({e.reason} at byte {e.start})")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as e:
        if not _UTF8_SEQUENCE.search(data):
            try:
                return data.decode("cp1252"), "the input is not UTF-8; read as Windows-1252 (Latin) text"
            except UnicodeDecodeError:
                pass
        line = data[: e.start].count(b"\n") + 1
        raise ConversionError(
            f"input is not UTF-8 text (invalid byte 0x{data[e.start]:02x})", line=line
        )


def normalise_line(text: str) -> str:
    """One line with invisible characters removed and exotic spaces and hyphens made plain."""
    if text.isascii() and text.isprintable():
        return text.replace("\t", " ").replace("\x0b", " ").replace("\x0c", " ").rstrip()
    text = _INVISIBLE.sub("", text)
    text = _SPACES.sub(" ", text)
    return text.replace("\u2011", "-").replace("\u2010", "-").rstrip()


def split_lines(text: str) -> list[Line]:
    """The input as numbered, normalised lines; refuses binary input with the line it was found on."""
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise ConversionError("input contains NUL bytes: binary data, not text", line=line)
    out = []
    raws = re.split(r"\r\n|\r|\n", text) if "\r" in text else text.split("\n")
    for no, raw in enumerate(raws, start=1):
        if raw.startswith("\f") and out:  # pdftotext opens each page with a form feed
            out.append(Line(no, "", "break"))
        clean = normalise_line(raw)
        glued = _RULE_AT_END.match(clean) if "_____" in clean else None
        if glued:  # the page's footnote rule printed at the end of the page's last text line
            out.append(Line(no, glued.group(1)))
            clean = glued.group(2)
        out.append(Line(no, clean, "text" if clean.strip() else "blank"))
    return out


#: "… of the Non-Self_______________": pdftotext sets the rule above a page's footnotes on the
#: line of the text it follows when that line ends in a hyphen it dropped
_RULE_AT_END = re.compile(r"^(.*[^\s_])(_{10,})\s*$")


def lift_front_matter(lines: list[Line]) -> tuple[dict[str, str], list[Line]]:
    """A leading ``---`` YAML block as flat ``key: value`` pairs, and the lines after it."""
    first = next((i for i, l in enumerate(lines) if l.kind != "blank"), None)
    if first is None or lines[first].text.strip() != "---":
        return {}, lines
    for end in range(first + 1, min(len(lines), first + 60)):
        if lines[end].text.strip() == "---":
            meta = {}
            for l in lines[first + 1 : end]:
                m = re.match(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$", l.text)
                if m:
                    meta[m.group(1).lower()] = m.group(2).strip().strip('"').strip("'")
            return meta, lines[end + 1 :]
    return {}, lines
