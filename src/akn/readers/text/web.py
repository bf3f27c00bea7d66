"""Pass 2b: undo what web pages and databases do to a resolution's text.

Tabs after numbers (``\\t1.\\tDecided``), "… [read more]" truncation links, "[^]" back-links and
list bullets are page mechanics, not text. Site navigation around the resolution is dropped later,
once the masthead and the closing lines show where the resolution starts and ends.
"""
from __future__ import annotations

import html
import re

from .footnotes import raised_text
from .lines import Line

_READ_MORE = re.compile(r"(?<!\s)\s*…\s*\[(?:read more|more|…)\]\s*", re.IGNORECASE)
_BACKLINK = re.compile(r"(?<!\s)\s*\[\^\]\s*$")


def unwrap_json_record(text: str) -> tuple[str, dict[str, str]]:
    """A database record (JSON) holding the resolution: its longest text field, and the short
    string fields beside it (symbol, date …) as metadata. Any other input comes back unchanged."""
    stripped = text.lstrip()
    if not stripped.startswith("{"):
        return text, {}
    import json

    try:
        record = json.loads(stripped)
    except ValueError:
        return text, {}
    strings: dict[str, str] = {}

    def collect(node, key: str = "") -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                collect(v, k)
        elif isinstance(node, list):
            for v in node:
                collect(v, key)
        elif isinstance(node, str):
            if len(node) > len(strings.get(key, "")):
                strings[key] = node

    collect(record)
    if not strings:
        return text, {}
    body_key = max(strings, key=lambda k: len(strings[k]))
    meta = {k.lower(): v for k, v in strings.items() if k != body_key and len(v) < 200}
    return strings[body_key], meta


_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{1,7}|#x[0-9a-fA-F]{1,6});")
_BREAK_TAG = re.compile(r"</?(?:br|p)\s*/?>", re.IGNORECASE)
#: "<sup>3</sup>", "<sup><a href="#fn3">[3]</a></sup>": a footnote marker of an HTML copy
_SUP_TAG = re.compile(r"<sup\b[^<>]*>((?:[^<]|<(?!/sup>))*?)</sup>", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]*>")


#: inline formatting of a page's source: emphasis becomes markdown's, links and spans their text
EMPHASIS_MARKS = {"i": "*", "em": "*", "b": "**", "strong": "**"}
_EMPHASIS_TAG = re.compile(r"<(i|em|b|strong)>(.*?)</\1>", re.IGNORECASE)
_TEXT_TAG = re.compile(r"</?(?:a|span|u|small|font)\b[^<>]*>", re.IGNORECASE)


def _markdown_emphasis(m: re.Match[str]) -> str:
    mark = EMPHASIS_MARKS[m.group(1).lower()]
    return f"{mark}{m.group(2)}{mark}" if m.group(2).strip() else m.group(2)


def _undo_tags(text: str) -> str:
    """Line-break, paragraph, superscript and inline formatting tags; any other markup stays text."""
    text = _BREAK_TAG.sub(" ", text).rstrip()
    lowered = text.lower()
    if "<sup" in lowered:
        text = _SUP_TAG.sub(lambda m: raised_text(_TAG.sub("", m.group(1))), text)
    if "<i>" in lowered or "<em>" in lowered or "<b>" in lowered or "<strong>" in lowered:
        text = _EMPHASIS_TAG.sub(_markdown_emphasis, text)
    return _TEXT_TAG.sub("", text)


def clean_web_text(lines: list[Line]) -> list[Line]:
    """Lines with web mechanics removed; line numbers kept."""
    out = []
    for line in lines:
        text = line.text
        if line.kind == "text":
            if "<" in text:  # tags first: an escaped "&lt;b&gt;" is text, not markup
                text = _undo_tags(text)
            if "&" in text and _ENTITY.search(text):  # "&amp;", "&nbsp;", "&#8220;" of a page's source
                text = html.unescape(text).replace("\u00a0", " ")
            if "…" in text:
                text = _READ_MORE.sub(" ", text)
            if "[^]" in text:
                text = _BACKLINK.sub("", text)
            if "\t" in line.text or "  " in text.strip():
                indent = text[: len(text) - len(text.lstrip())]
                text = indent + re.sub(r"\s{2,}", " ", text.strip())
        kind = line.kind if text.strip() else "blank"
        # most lines hold no web mechanics: the line itself goes on (a new one would be equal)
        out.append(line if text is line.text and kind == line.kind and not line.in_box else Line(line.no, text, kind))
    return out


#: a clause's end, seen through a footnote marker glued to it: ",", ";1", ".[^2]"
_CLAUSE_END = re.compile(r"([,;.:])(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\[\^?\w+\])?$")

#: a line this long holding the formula is a whole resolution run together on one line
_RUN_TOGETHER = 1500


def split_run_together(lines: list[Line], lang) -> list[Line]:
    """A resolution run together on one line, split back into its printed paragraphs; also the
    rest of a resolution an extraction ran into the text of its last footnote."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        note_end = _end_of_overflowing_note(text, lang) if line.kind == "text" and text.startswith("[^") else None
        if line.kind != "text" or (len(text) < _RUN_TOGETHER and note_end is None):
            out.append(line)
            continue
        formula = re.search(_formula_search(lang), text)
        note_end = None if formula else note_end
        if formula is None and note_end is None:
            out.append(line)
            continue
        cuts: set[int] = set()
        if formula:
            cuts |= {formula.start(), formula.end()}
            for pattern in (*lang.masthead_cuts, lang.masthead["status"].lstrip("^"), r"\[", r"\b\d{1,4}/\d{1,4}\.\s"):
                cuts |= {mm.start() for mm in re.finditer(pattern, text[: formula.start()])}
        body_start = formula.end() if formula else note_end
        cuts.add(body_start)
        # a run-on note goes on mid-body: its first number is wherever the text had got to
        cuts |= _paragraph_cuts(text, body_start, lang, expected=1 if formula else None)
        cuts.discard(0)
        last = 0
        for cut in sorted(cuts):
            out.append(Line(line.no, text[last:cut].strip()))
            out.append(Line(line.no, "", "blank"))
            last = cut
        out.append(Line(line.no, text[last:].strip()))
    return [l if l.text.strip() or l.kind != "text" else Line(l.no, "", "blank") for l in out]


def _end_of_overflowing_note(text: str, lang) -> int | None:
    """Where a markdown footnote that runs on into preambular and numbered paragraphs ends."""
    from .blocks import looks_preambular

    if not re.match(r"\s*\[\^\w+\]:", text):
        return None
    closing = re.search(lang.closing["meeting"].lstrip("^") + r"\s+\d{1,2}\s+\w+\s+\d{4}\.?\s*$", text)
    if not (closing or re.search(r"\s1\.\s+[A-Z]|[.;]\s+\d{1,3}\.\s+[A-Z][a-z]{2,}", text)):
        return None
    for mm in re.finditer(r"\.\s+(?=\S)", text):  # a note's own text ends with a full stop
        rest = text[mm.end():]
        if rest[:1].islower() or looks_preambular(rest, lang) or re.match(r"\d{1,3}\.\s+[A-Z]", rest):
            return mm.end()
    return closing.start() if closing else None


def _paragraph_cuts(text: str, body_start: int, lang, expected: int | None = 1) -> set[int]:
    """Where the paragraphs of a run-together body begin: numbers in sequence, sub-items,
    preambular openings, the closing lines and annexes."""
    from .blocks import looks_preambular

    cuts: set[int] = set()
    for mm in re.finditer(r" (?=\S)", text[body_start:]):
        at = body_start + mm.end()
        end = _CLAUSE_END.search(text[max(0, at - 10) : at - 1])
        if not end:
            continue
        punct, rest = end.group(1), text[at:]
        num = re.match(r"(\d{1,4})\.\s+\S", rest)
        if num and (expected is None or int(num.group(1)) == expected):
            cuts.add(at)
            expected = int(num.group(1)) + 1
        elif re.match(r"\((?:[a-z]{1,2}|[ivx]{1,5})\)\s", rest) and punct in ":;":
            cuts.add(at)
        elif expected in (1, None) and punct == "," and looks_preambular(rest, lang):
            cuts.add(at)
        elif re.match(lang.closing["meeting"], rest) or re.match(lang.annex, rest):
            cuts.add(at)
    return cuts


def _formula_search(lang) -> str:
    """The enacting formula anywhere in a line, with its comma."""
    forms = (re.escape(f) for forms in lang.formulas.values() for f in forms)
    return r"(?:" + "|".join(forms) + r")\s*,?"
