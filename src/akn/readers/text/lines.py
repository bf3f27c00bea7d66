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


# Characters extraction leaves behind that carry no text: zero-width, BOM, soft hyphen, bidi marks,
# and control characters, lone surrogates and non-characters XML cannot hold.
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a-\u202e\x01-\x08\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2002\u2003\u2009\t\u000b\u000c]")


def decode(data: bytes | str) -> str:
    """Text from bytes: UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is refused."""
    if isinstance(data, str):
        return data
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise ConversionError(f"input is not valid UTF-16 ({e.reason} at byte {e.start})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
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
        clean = normalise_line(raw)
        out.append(Line(no, clean, "text" if clean.strip() else "blank"))
    return out


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
