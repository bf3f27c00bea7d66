"""Pass 7: inline structure of one block of text.

Turns markup the extraction left (``*italics*``, ``[76/182](#)`` links, ``\\(`` escapes) into
model inlines, finds footnote markers (``[^3]``, superscripts, ``(Footnote: …)``, and digits glued
to words or standing alone) and resolves them against the footnote table in document order, and
marks cited resolutions, document symbols and dates.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterator

from ...languages import Language
from ...model import DateRef, Footnote, Inline, Italic, Ref, Text, joined
from ...naming import ACTORS, DECISION_SERIES, cited_resolution_iri, document_symbol_iri
from ...notices import Notice
from .footnotes import SUPERSCRIPTS, NoteBody, superscript_to_digits

# ------------------------------------------------------------------------------- tokenizing

_TOKEN = re.compile(
    r"(?P<escape>\\[\\`*_{}\[\]()#+\-.!<>])"
    r"|(?P<mdnote>\[\^(?P<mdmarker>[\w*]+)\]|\[(?P<bracketed>\d{1,3})\](?![(:]))"
    r"|(?P<link>\[(?P<linktext>[^\[\]]*)\]\((?P<url>[^()\s]*)\))"
    r"|(?P<sup>[" + SUPERSCRIPTS + r"]+)"
    r"|(?P<inline_note>\((?:Footnote|Note|Nota)\s*:\s*)"
    r"|(?P<star>(?<![\\*\w])\*\*?(?=[^\s*])|(?<=[^\s*\\])\*\*?(?![\w*]))"
    r"|(?P<under>(?:^|(?<=[\s(“\"]))__?(?=[^\s_])|(?<=[^\s_\\])__?(?=[\s,;:.)”\"]|$))"
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>])")
#: where a token can start: everything else is plain text, skipped without trying _TOKEN
_TOKEN_START = re.compile(r"[\\\[*_(" + SUPERSCRIPTS + r"]")


@dataclass
class _Tok:
    kind: str  # text | note | ital
    value: str = ""
    body: str | None = None  # inline footnote text
    raw: str = ""  # the marker as printed, for when it is text after all


def _balanced(text: str, start: int) -> int:
    """Index just past the parenthesis that closes an opening one before ``start``."""
    depth = 1
    for i in range(start, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


#: a unit of area or volume just before a superscript two or three ("5 km²", "m³", "sq ft²")
_UNIT_BEFORE = re.compile(r"(?:^|(?<![^\W\d]))(?:[kcdmµμ]?m|ft|mi|in)$")


def tokenize(raw: str) -> list[_Tok]:
    """Markup of one block as tokens: text, footnote markers, italic toggles."""
    if not raw:
        return []
    if _TOKEN_START.search(raw) is None:  # most blocks: plain text
        return [_Tok("text", raw)]
    toks: list[_Tok] = []
    pos = 0
    buf: list[str] = []

    def flush() -> None:
        if buf:
            toks.append(_Tok("text", "".join(buf)))
            buf.clear()

    for start in _TOKEN_START.finditer(raw):
        if start.start() < pos:
            continue
        m = _TOKEN.match(raw, start.start())
        if m is None:
            continue
        buf.append(raw[pos : m.start()])
        if m.group("escape"):
            buf.append(m.group("escape")[1])
        elif m.group("mdnote"):
            flush()
            toks.append(_Tok("note", m.group("mdmarker") or m.group("bracketed"), raw=m.group("mdnote")))
        elif m.group("link"):
            buf.append(_ESCAPE.sub(r"\1", m.group("linktext")))  # "[1373 \(2001\)](#)"
        elif m.group("sup") and _UNIT_BEFORE.search(raw, max(0, m.start() - 3), m.start()):
            buf.append(m.group("sup"))  # "km²", "m³": a unit's power, not a footnote marker
        elif m.group("sup"):
            flush()
            toks.append(_Tok("note", superscript_to_digits(m.group("sup")), raw=m.group("sup")))
        elif m.group("inline_note"):
            end = _balanced(raw, m.end())
            spaced = bool(buf) and buf[-1].endswith((" ", "\t"))
            if spaced:
                buf[-1] = buf[-1].rstrip(" \t")
            flush()
            toks.append(_Tok("note", "", body=raw[m.end() : end - 1].strip(), raw=raw[m.start() : end]))
            # keep one space where the note stood between words
            if spaced and raw[end:end + 1] not in (" ", ",", ";", ".", ""):
                buf.append(" ")
            pos = end
            continue
        else:  # the star group: an italic toggle
            flush()
            # "*x*", "**x**", "_x_", "__x__": emphasis of any kind marks the initial phrase
            toks.append(_Tok("ital", raw=m.group(0)))
        pos = m.end()
    buf.append(raw[pos:])
    flush()
    # an unpaired italic toggle is a literal asterisk (or a footnote marker, resolved later)
    if sum(1 for t in toks if t.kind == "ital") % 2:
        last = max(i for i, t in enumerate(toks) if t.kind == "ital")
        toks[last] = _Tok("text", toks[last].raw)
        merged: list[_Tok] = []
        for tok in toks:
            if tok.kind == "text" and merged and merged[-1].kind == "text" and merged[-1].body is None:
                merged[-1] = _Tok("text", merged[-1].value + tok.value)
            else:
                merged.append(tok)
        toks = merged
    return toks


# ------------------------------------------------------------------------- footnote markers

#: words after which a number is a reference, never a footnote marker
_NUMBER_WORDS = frozenset(
    "article articles paragraph paragraphs para paras item items resolution resolutions decision "
    "decisions chapter chap section sect annex annexes no nos vol vols page pages rule rules goal "
    "goals target targets principle principles recommendation recommendations part parts table "
    "figure protocol session sessions meeting meetings phase level category grade step box "
    "option options schedule volume volumes number numbers of and to or from between than "
    "sdg sdgs point points stage stages appendix appendices chapters sections".split()
)


#: where a numeric marker can stand: glued to a word or clause end ...
_GLUED_MARKER = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[a-z”’\"][.,;:])|(?<=[,;:)\]”’\"])|(?<=[a-z]\))|(?<=[–-](?:19|20)\d\d)"
    r"|(?<=\s(?:19|20)\d\d))\d+(?=[\s,;:)”’]|\.(?!\d)|$)"
)
#: ... or alone after a word: "Commitment, 12 which"; after a clause ends, "Principles. 13 We will";
#: and glued to the next word instead, "Nuclear Weapons 6and the advisory opinion"; never the number
#: before a decimal point ("2.2 billion")
_DETACHED_MARKER = re.compile(
    r"(?<=[^\s\d] )\d+(?=\s+[a-z(“\"]|[,;]|\.(?!\d)|\s*$)|(?<=[^\d][.,;:”] )\d+(?=\s+[A-Z])"
    r"|(?<=[^\s\d] )\d+(?=(?:and|in|which|of|the|to|as|for|on|with|that|by|or|including)\b)"
    r"|(?<=\b(?:19|20)\d\d )\d+(?=\s+(?:and|or)\b|[,;])"  # "reports of 1990 3 and 1995"
    r"|(?<=\b(?:19|20)\d\d[,;] )\d+(?=\s+(?:19|20)\d\d\b)"  # "returns for 2021, 1 2022,2"
)


def _occurrences(text: str, word: str) -> list[int]:
    """Every index where ``word`` starts in ``text`` (overlapping ones too)."""
    found = []
    at = text.find(word)
    while at != -1:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def marker_places(text: str, marker: str, detached: bool = True) -> Iterator[re.Match[str]]:
    """Every place where the numeric ``marker`` stands as a footnote marker could, in text order
    (glued places only unless ``detached``). The patterns match a whole run of digits between
    lookarounds, so trying them where ``str.find`` finds the marker is all a search would do."""
    patterns = (_GLUED_MARKER, _DETACHED_MARKER) if detached else (_GLUED_MARKER,)
    for pos in _occurrences(text, marker):
        for pattern in patterns:
            m = pattern.match(text, pos)
            if m and m.group() == marker:
                yield m
                break


@dataclass
class MarkerResolver:
    """Finds footnote markers in document order and hands out their bodies once each."""

    bodies: dict[str, NoteBody]
    used: set[str] = field(default_factory=set)
    warnings: list[Notice] = field(default_factory=list)
    _free: list[int] | None = None  # numeric markers with a body, lowest first
    highest: int = 0  # the highest numeric marker placed so far
    _symbols: list[str] | None = None  # other markers ("*", "*/"), longest first
    _upcoming: tuple[int, list[str]] | None = None  # upcoming()'s last answer, until a marker is placed

    def upcoming(self, count: int = 3) -> list[str]:
        """The next numeric markers with a body, lowest first, above every marker placed so far.

        A marker the text hides ("Rarotonga, 3 Bangkok") must not hold up the ones after it, so
        the next few are looked for; once a higher marker is placed, lower ones are given up
        (their bodies are kept by the caller, not lost).
        """
        if self._upcoming is not None and self._upcoming[0] == count:
            return self._upcoming[1]  # nothing placed since: most blocks hold no marker
        if self._free is None:
            self._free = sorted(int(k) for k in self.bodies if k.isascii() and k.isdigit() and len(k) < 10)
        while self._free and (str(self._free[0]) in self.used or self._free[0] <= self.highest):
            self._free.pop(0)
        found = [str(k) for k in self._free[:count] if str(k) not in self.used]
        self._upcoming = (count, found)
        return found

    def place(self, marker: str) -> None:
        """Record that ``marker`` stands in the text."""
        self.used.add(marker)
        self._upcoming = None
        if marker.isascii() and marker.isdigit() and len(marker) < 10:
            self.highest = max(self.highest, int(marker))

    def symbol_markers(self) -> list[str]:
        """Markers such as "*" or "*/" whose bodies are still unplaced, longest first."""
        if self._symbols is None:
            self._symbols = sorted((k for k in self.bodies if not k.isdigit()), key=len, reverse=True)
        return [k for k in self._symbols if k not in self.used]

    def take(self, marker: str, line: int) -> NoteBody | None:
        self.place(marker)
        body = self.bodies.get(marker)
        if body is None:
            self.warnings.append(Notice("footnote-no-text", f"footnote marker {marker} has no footnote text", line))
        return body

    def find_digit_marker(self, text: str, marker: str, detached: bool = True) -> re.Match[str] | None:
        """The first place in ``text`` where ``marker`` stands as a footnote marker, if any;
        ``detached=False`` accepts only a marker glued to the word before it."""
        return next((m for m in marker_places(text, marker, detached) if self._plausible(text, m)), None)

    @staticmethod
    def _plausible(text: str, m: re.Match[str]) -> bool:
        before = text[max(0, m.start() - 200) : m.start()]  # a window: whole-prefix scans were quadratic
        word = re.findall(r"([^\s]+)\s*$", before)
        prev = word[0] if word else ""
        prev_word = prev.lower().strip(".,;:()“”\"")
        clause_end = prev.endswith((",", ";", ":", ")", "”")) or (prev.endswith(".") and len(prev_word) >= 6)
        # "Agenda 21" is a title; "the agenda 7 and" is a marker
        if (prev_word in _NUMBER_WORDS or prev == "Agenda") and before.endswith(" ") and not clause_end:
            return False  # "paragraph 13", "No. 3"; but "the Paris Principles. 13 We will"
        glued_to = prev[-1:] if not before.endswith(" ") else ""
        if glued_to == "." and re.search(r"(?:\b[A-Z]|\b[a-z]{1,4}|\d)\.$", prev) and not re.search(r"[a-z]{5,}\.$", prev):
            return False  # "A.2", "para.21", "No.3": a reference, not a marker
        if glued_to.isdigit() and not re.search(r"(?:^|[–\-\s(])(?:19|20)\d\d$", before[-5:] if len(before) >= 5 else before):
            return False
        if re.match(r"[/\d]", text[m.end() : m.end() + 1]):
            return False
        return True


# ---------------------------------------------------------------------- references and dates

_GA_RES = r"(?:A/RES/)?(?:(?:ES|S)-)?\d{1,2}/\d{1,3}(?:\s?[A-Z](?![\w]))?"
_SC_RES = r"\d{2,4}\s\(\d{4}\)"
_ECOSOC_RES = r"(?:19|20)\d\d/\d{1,3}"
#: numbered within a session named in Roman numerals, before 1976: "1514 (XV)", "217 A (III)"
_SESSION_RES = r"\d{1,4}(?:\s?(?-i:[A-Z]))?\s?\((?-i:[IVXL]{1,7})\)"
#: what a cited number follows: resolutions and decisions, which are named alike (D3, D15)
#: a Security Council number cited without its year ("Security Council resolution 2773"): linked
#: only where the Council is named before it
_BARE_RES = r"\d{2,4}(?![\d/]|\s?\()"
_RES_WORD = r"(?:resolutions?|résolutions?|resoluciones|resolución|decisions?|décisions?|decisiones|decisión)"
_CITED = re.compile(
    rf"(?P<lead>{_RES_WORD}\s+)(?P<list>(?:(?:{_SC_RES}|{_SESSION_RES}|{_ECOSOC_RES}|{_GA_RES}|{_BARE_RES})(?:,\s+|\s+(?:and|et|y)\s+|\s+of\s+[^,;]*?\d{{4}},?\s+(?:and\s+)?)?)+)",
    re.IGNORECASE,
)
_ONE_RES = re.compile(rf"(?P<num>{_SC_RES}|{_SESSION_RES}|{_ECOSOC_RES}|{_GA_RES}|{_BARE_RES})")
# "resolution 10/1 of 16 October 2020 of the Conference": another body's resolution, not a link to
# the GA's; "resolution 73/183 of 17 December 2018 on enhancing the role of the Commission" is the GA's.
_OTHER_BODY_AFTER = re.compile(
    r"^(?:\s+of\s+[^;,]{0,25}?\d{4})?,?\s*of\s+the\s+"
    r"(?:Conference|Commission|Board|Executive|Governing|Human Rights Council|Meeting)",
)
#: "A/76/463", "E/CN.6/2021/1": opening with a capital lets the engine skip other positions fast; the
#: lookbehind after it checks the character before the symbol
_SYMBOL = re.compile(
    r"[A-Z](?<![\w/.\-][A-Z])(?:[A-Z]{0,5}(?:\.\d+)?)(?:/(?:[A-Z]{1,8}\.\d+|[A-Z0-9]+(?:-[A-Z0-9]+)?|Add\.\d+|Rev\.\d+|Corr\.\d+))+(?![\w/])"
)


_SC_NUMBER = re.compile(_SC_RES)
_ECOSOC_NUMBER = re.compile(_ECOSOC_RES)
_SESSION_NUMBER = re.compile(_SESSION_RES)
_BARE_NUMBER = re.compile(_BARE_RES)
#: where a list of cited numbers puts the next one: at its start, or after a comma or "and"
_LISTED_AFTER = re.compile(r"(?:^|,\s+|\s(?:and|et|y)\s+)$")
_OTHER_BODY_BEFORE = re.compile(r"(?:Commission|Conference|Board|Governing Council|Trusteeship Council)[^,;.]{0,40}$")
#: the Human Rights Council named before or after a citation: its resolutions are linked as its own
_HRC_NAME = r"(?:Human Rights Council|Conseil des droits de l[’']homme|Consejo de Derechos Humanos)"
_IN_ITS = r"(?:,?\s+(?:in|by)\s+its)?\s*$"  # "the Council, in its resolution"
_HRC_BEFORE = re.compile(_HRC_NAME + _IN_ITS)
_SC_BEFORE = re.compile(r"(?:Security Council|Conseil de sécurité|Consejo de Seguridad)" + _IN_ITS)
_GA_BEFORE = re.compile(r"(?:General Assembly|Assemblée générale|Asamblea General)" + _IN_ITS)
_HRC_AFTER = re.compile(r"^(?:\s+of\s+[^;,]{0,25}?\d{4})?,?\s*of\s+the\s+" + _HRC_NAME)
_ECOSOC_NAME = re.compile(r"Economic and Social Council|Conseil économique et social|Consejo Económico y Social")
_MAIN_ORGAN_BEFORE = re.compile(r"(?:Security|General|Economic)")


@lru_cache(maxsize=8)
def _date_of(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _named_organ(before: str, after: str) -> str | None:
    """The organ the words around a citation name: "Human Rights Council resolution …",
    "resolution 5/1 … of the Human Rights Council", "General Assembly resolution …"."""
    if _HRC_BEFORE.search(before) or _HRC_AFTER.match(after):
        return "HRC"
    if _GA_BEFORE.search(before):
        return "GA"
    if _SC_BEFORE.search(before):
        return "SC"
    return "ECOSOC" if _ECOSOC_NAME.search(before) else None


def _organ_of_citation(number: str, named: str | None, home: str) -> str | None:
    """Whose resolution or decision a cited number is. Its form tells for the Security Council's
    "2250 (2015)" and the Economic and Social Council's "2021/13"; a Human Rights Council number
    looks like the General Assembly's, and the Council used Roman-numbered sessions as the Assembly
    did, so for those the organ ``named`` around the citation tells, else the document's own organ.
    None for a bare number ("resolution 2773") no Security Council is named for."""
    if _SC_NUMBER.fullmatch(number):
        return "SC"
    if _BARE_NUMBER.fullmatch(number):
        return "SC" if "SC" in (named, home) else None
    if _ECOSOC_NUMBER.fullmatch(number):
        return "ECOSOC"
    if named in ("HRC", "GA"):
        return named
    if _SESSION_NUMBER.fullmatch(number):
        return "ECOSOC" if "ECOSOC" in (named, home) else "GA"
    return "HRC" if home == "HRC" else "GA"


def _numbered_as_decision(number: str, organ: str) -> bool:
    """Whether a cited decision's number is one its organ gives: other bodies' decisions
    ("decision 15/4" of a conference of parties) are numbered from 1 and not linked."""
    last = re.search(r"/(\d+)", number)
    return bool(last) and organ in DECISION_SERIES and int(last.group(1)) >= DECISION_SERIES[organ]


class _Taken:
    """Spans already marked, for overlap checks in logarithmic time (a linear scan per date
    made a text with thousands of dates and citations quadratic)."""

    def __init__(self, spans: list[tuple[int, int, Inline]]):
        ordered = sorted((s, e) for s, e, _ in spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []  # the furthest end among the spans up to each index
        for _, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def covers(self, pos: int) -> bool:
        """Whether a span holds ``pos`` (start included, end excluded)."""
        i = bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span shares a character with ``start:end``."""
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


_DIGIT = re.compile(r"\d")


def _citations(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """What ``_CITED.finditer(text)`` finds, tried only where its words ("resol…", "décis…") stand:
    the pattern ignores case, which makes scanning the whole text with it slow."""
    if len(lowered) != len(text):  # lower() lengthened a character: positions would not line up
        yield from _CITED.finditer(text)
        return
    starts = sorted(at for word in ("resol", "résol", "decis", "décis") for at in _occurrences(lowered, word))
    end = 0
    for start in starts:
        if start >= end and (m := _CITED.match(text, start)):
            end = m.end()
            yield m


def mark_references(text: str, lang: Language, home: str = "GA") -> list[Inline]:
    """Text with cited resolutions, document symbols and dates marked; ``home`` is the organ whose
    document this is, which "its resolution 5/1" of a Human Rights Council text refers to."""
    if _DIGIT.search(text) is None:  # all three carry digits: most pieces of text are left at once
        return [Text(text)] if text else []
    spans: list[tuple[int, int, Inline]] = []
    lowered = text.lower()
    cited = _citations(text, lowered)
    for m in cited:
        before, after_list = text[max(0, m.start() - 60) : m.start()], text[m.end() : m.end() + 200]
        named = _named_organ(before, after_list)
        if named != "HRC" and (_OTHER_BODY_AFTER.match(after_list) or _OTHER_BODY_BEFORE.search(before)
                        and not _MAIN_ORGAN_BEFORE.search(before[-30:])):
            continue
        base = m.start("list")
        decision = m.group("lead")[:3].lower() in ("dec", "déc")
        listed = m.group("list")
        for one in _ONE_RES.finditer(listed):
            if _BARE_NUMBER.fullmatch(one.group("num")) and not _LISTED_AFTER.search(listed, 0, one.start()):
                continue  # "11" and "1995" of "984 (1995) of 11 April 1995": a date's, not a citation
            number = one.group("num").replace("A/RES/", "")
            start, end = base + one.start(), base + one.end()
            after = text[end : end + 200]  # a date follows within a few words, if at all
            dm = _date_of(lang.date_of).match(after)
            date = lang.parse_date(after[dm.end() : dm.end() + 30]) if dm and lang.date_re.match(after[dm.end():]) else None
            organ = _organ_of_citation(number, named, home)
            if organ is None or decision and not _numbered_as_decision(number, organ):
                continue  # "CBD/COP/15/17, decision 15/4": a conference's decision
            href = cited_resolution_iri(ACTORS[organ][0], number.strip(), date)
            spans.append((start, end, Ref(href, [Text(text[start:end])])))
    cited_spans = _Taken(spans) if spans else None
    for m in _SYMBOL.finditer(text) if "/" in text else ():
        sym = m.group(0)
        if not _DIGIT.search(sym) or sym.count("/") < 1:
            continue
        if cited_spans and cited_spans.covers(m.start()):
            continue
        spans.append((m.start(), m.end(), Ref(document_symbol_iri(sym), [Text(sym)])))
    dates = lang.date_re.finditer(text)  # opening at a digit, it scans faster than a test for month names
    taken = _Taken(spans) if spans else None
    for m in dates:  # dates never overlap one another: only the spans before them matter
        if taken and taken.overlaps(m.start(), m.end()):
            continue
        iso = lang.iso_date(m)  # what parse_date(m.group(0)) finds, without searching it again
        if iso:
            spans.append((m.start(), m.end(), DateRef(iso, m.group(0))))
    return weave(text, spans)


def weave(text: str, spans: list[tuple[int, int, Inline]]) -> list[Inline]:
    """``text`` with the marked spans put in as their nodes; of overlapping spans the first wins."""
    out: list[Inline] = []
    pos = 0
    for start, end, node in sorted(spans, key=lambda s: s[0]):
        if start < pos:
            continue
        if start > pos:
            out.append(Text(text[pos:start]))
        out.append(node)
        pos = end
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out


# --------------------------------------------------------------------------------- building


class InlineParser:
    """Parses blocks in document order, so digit footnote markers resolve in sequence."""

    def __init__(self, lang: Language, bodies: dict[str, NoteBody], home: str = "GA"):
        self.lang = lang
        self.home = home  # the organ whose document this is: "its resolution" is that organ's
        self.resolver = MarkerResolver(bodies)
        self.inline_notes = 0
        self.placed: set[str] = set()  # markers whose note is in the model

    def parse(self, raw: str, line: int, markers: bool = True, digits: bool = True) -> list[Inline]:
        """Inlines of one block.

        ``markers=False`` for footnote bodies (nothing in them is a marker); ``digits=False`` where
        only explicit markers count (masthead lines full of numbers).
        """
        toks = tokenize(raw)
        if markers:
            toks = self._split_digit_markers(toks, digits)
        return self._build(toks, line, markers)

    def _split_digit_markers(self, toks: list[_Tok], digits: bool = True) -> list[_Tok]:
        out: list[_Tok] = []
        for tok in toks:
            if tok.kind == "note" and tok.body is None:
                self.resolver.place(tok.value)
            if tok.kind != "text":
                out.append(tok)
                continue
            text = tok.value
            for star in self.resolver.symbol_markers():
                m = re.search(rf"(?<=[\w.,;:”’)]){re.escape(star)}(?=\s|$|[,;.:])", text)
                if m:
                    out.append(_Tok("text", text[: m.start()]))
                    out.append(_Tok("note", star))
                    self.resolver.place(star)
                    text = text[m.end() :]
            while digits:
                # the next marker wherever it stands; a later one only glued to a word ("Asia,6"):
                # "the 13 practical steps" is a number, not marker 13 with 11 and 12 gone missing
                if not any(marker in text for marker in self.resolver.upcoming()):
                    break  # most texts hold none of them at all
                found = next(
                    ((marker, m) for i, marker in enumerate(self.resolver.upcoming())
                     if (m := self.resolver.find_digit_marker(text, marker, detached=i == 0))),
                    None,
                )
                if not found:
                    break
                marker, m = found
                left = text[: m.start()]
                text = text[m.end() :]
                if left.endswith(" ") and (text.startswith(" ") or not text.strip()):
                    left = left.rstrip(" ")  # "Commitment, 12 which", "2024/25; 4": the marker's own space
                elif left.endswith(" ") and text[:1].isalpha():
                    left, text = left.rstrip(" "), " " + text  # "Weapons 6and": the space goes after
                out.append(_Tok("text", left))
                out.append(_Tok("note", marker))
                self.resolver.place(marker)
            out.append(_Tok("text", text))
        return out

    def _build(self, toks: list[_Tok], line: int, markers: bool) -> list[Inline]:
        root: list[Inline] = []
        stack: list[list[Inline]] = [root]
        for tok in toks:
            if tok.kind == "ital":
                if len(stack) == 1:
                    node = Italic([])
                    stack[-1].append(node)
                    stack.append(node.children)
                else:
                    stack.pop()
            elif tok.kind == "note" and markers and tok.raw[:1] == "[" and tok.raw[1:2] != "^" and (
                    tok.value not in self.resolver.bodies):
                stack[-1].append(Text(tok.raw))  # "[1]" with no note "[1] …" for it: text
            elif tok.kind == "note" and markers:
                stack[-1].append(self._footnote(tok, line))
            elif tok.kind == "note":
                # in a footnote's own text a marker ("5 km²") or a nested "(Footnote: …)" is text:
                # notes never nest, so hostile nesting cannot recurse without end
                stack[-1].append(Text(tok.raw))
            elif tok.value:
                stack[-1].extend(mark_references(tok.value, self.lang, self.home))
        return _merge_text(root)

    def _footnote(self, tok: _Tok, line: int) -> Inline:
        if tok.body is not None:  # "(Footnote: …)" printed inline
            self.inline_notes += 1
            marker = str(self.inline_notes)
            return Footnote(marker, self.parse(tok.body, line, markers=False))
        if tok.value in self.placed:  # one note, one place: repeats would copy its text each time
            self.resolver.warnings.append(Notice(
                "footnote-repeated", f"footnote marker {tok.value} printed again; its note stays at the first", line))
            return Text(tok.raw or tok.value)
        self.placed.add(tok.value)
        body = self.resolver.take(tok.value, line)
        children = self.parse(body.text, body.line, markers=False) if body else []
        return Footnote(tok.value, children)

    def unused_bodies(self) -> list[tuple[str, NoteBody]]:
        return [(k, v) for k, v in self.resolver.bodies.items() if k not in self.resolver.used]


def _merge_text(nodes: list[Inline]) -> list[Inline]:
    """Adjacent text nodes joined and empty ones dropped, inside italics too, so equal text gives
    equal models; an italic left empty goes."""
    for node in nodes:
        if isinstance(node, Italic):
            node.children = _merge_text(node.children)
    return joined([n for n in nodes if not (isinstance(n, Italic) and not n.children)])
