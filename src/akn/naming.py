"""The AKN4UN naming convention in one place: actors, FRBR IRIs, cited-document IRIs and eIds.

Profile decisions D2-D4 and D15 (see docs/profile.md). Readers use it to resolve citations,
writers to name what they write; neither needs to know the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .model import DateRef, Italic, PreambularParagraph, Resolution, Section, iter_footnotes, plain_text

#: organ code -> (actor used in IRIs and as TLC end point, display name)
ACTORS: dict[str, tuple[str, str]] = {
    "GA": ("un-ga", "General Assembly"),
    "SC": ("un-sc", "Security Council"),
    "ECOSOC": ("un-ecosoc", "Economic and Social Council"),
    "HRC": ("un-hrc", "Human Rights Council"),
}
ACTOR_BODIES = {actor: body for body, (actor, _) in ACTORS.items()}

#: symbol prefix -> organ code
SYMBOL_ORGANS = {"A": "GA", "S": "SC", "E": "ECOSOC", "A/HRC": "HRC"}

#: organ -> the number a decision's series starts at (the Assembly's 400 and 500 series, the Economic
#: and Social Council's 200 series, the Human Rights Council's 100 series; docs/profile.md)
DECISION_SERIES = {"GA": 400, "ECOSOC": 200, "HRC": 100}

#: the date part older AKN gave a cited work whose citation prints no date; now such an IRI has no
#: date part at all (profile, D15), but a document written before still reads
UNDATED = "0000"


@dataclass(frozen=True)
class WorkName:
    """The parts of a Work IRI: /akn/un/statement/deliberation/{actor}/{date}/{number}."""

    actor: str
    date: str
    number: str  # already in IRI form: "76-187"

    @property
    def work(self) -> str:
        return f"/akn/un/statement/deliberation/{self.actor}/{self.date}/{self.number}"

    def expression(self, lang: str) -> str:
        return f"{self.work}/{lang}@"

    def manifestation(self, lang: str, fmt: str = "xml") -> str:
        return f"{self.expression(lang)}/.{fmt}"

    def this(self, level: str, lang: str, component: str = "main", fmt: str = "xml") -> str:
        """FRBRthis at a level ("work", "expression", "manifestation"): the IRI plus the component."""
        if level == "work":
            return f"{self.work}/!{component}"
        if level == "expression":
            return f"{self.expression(lang)}/!{component}"
        return f"{self.expression(lang)}/!{component}.{fmt}"


def work_name(res: Resolution) -> WorkName | None:
    """The FRBR name of a document, as the AKN writer names it: the symbol's number wins over the
    printed one (a ``--symbol`` given names the document); None without an organ or a number."""
    number = number_from_symbol(res.meta.symbol or "") or res.number
    if not number or res.meta.body not in ACTORS:
        return None
    return WorkName(ACTORS[res.meta.body][0], res.meta.adoption_date or "", iri_number(number))


_YEAR_IN_BRACKETS = re.compile(r"\s*\(\d{4}\)$")


def iri_number(number: str) -> str:
    """The number as it stands in an IRI (D3): ``76/187`` -> ``76-187``; ``2208 (2015)`` -> ``2208``."""
    number = _YEAR_IN_BRACKETS.sub("", number.strip())
    return number.replace("/", "-").replace(" ", "_")


def event_iri(actor: str, number: str, adoption_date: str, printed: str) -> str:
    """The TLCEvent IRI of a printed meeting, as the profile example spells it:
    "53rd plenary meeting" of GA resolution 76/187 -> ``/akn/ontology/event/un/un-ga/76/plenary-53``.
    The series is the session a GA number opens with, else the adoption year; a meeting without
    a number keeps its words."""
    session = re.match(r"^(?:ES-|S-)?(\d{1,2})/", number)
    series = session.group(1) if session else adoption_date[:4] or "0000"
    n = re.search(r"\d+", printed)
    kind = "plenary" if re.search(r"pl[eé]n", printed, re.IGNORECASE) else "meeting"
    tail = f"{kind}-{n.group(0)}" if n else re.sub(r"[^a-z0-9]+", "-", printed.lower()).strip("-")
    return f"/akn/ontology/event/un/{actor}/{series}/{tail}"


def number_from_symbol(symbol: str) -> str | None:
    """The resolution number a symbol carries: A/RES/76/187 -> 76/187, S/RES/2208 (2015) -> 2208 (2015)."""
    m = re.match(r"^(?:A/HRC|A|S|E)/(?:RES|DEC)/(.+)$", symbol.strip())
    return m.group(1) if m else None


def organ_from_symbol(symbol: str) -> str | None:
    """The organ code a symbol names: ``A/RES/..`` -> GA, ``S/RES/..`` -> SC."""
    for prefix in sorted(SYMBOL_ORGANS, key=len, reverse=True):
        if symbol.startswith(prefix + "/"):
            return SYMBOL_ORGANS[prefix]
    return None


def kind_from_symbol(symbol: str) -> str | None:
    """``resolution`` or ``decision`` from the symbol's RES/DEC part."""
    if "/DEC/" in symbol:
        return "decision"
    if "/RES/" in symbol:
        return "resolution"
    return None


def symbol_from_filename(stem: str) -> str | None:
    """A symbol spelled in a file name: ``A_RES_80_7`` -> A/RES/80/7, ``S-RES-2208-2015`` -> S/RES/2208 (2015)."""
    parts = [p for p in re.split(r"[-_ .]+", stem) if p]
    upper = [p.upper() for p in parts]
    if upper[:2] == ["A", "HRC"] and len(parts) >= 5 and upper[2] in ("RES", "DEC"):
        return f"A/HRC/{upper[2]}/{parts[3]}/{parts[4]}"
    if len(parts) < 3 or upper[1] not in ("RES", "DEC") and upper[:2] != ["A", "HRC"]:
        return None
    if upper[0] == "S" and len(parts) >= 4 and re.fullmatch(r"\d+", parts[2]) and re.fullmatch(r"\d{4}", parts[3]):
        return f"S/{upper[1]}/{parts[2]} ({parts[3]})"
    if upper[0] in ("A", "E") and len(parts) >= 4 and all(re.fullmatch(r"\d+|[IVXLC]+", p) for p in parts[2:4]):
        return f"{upper[0]}/{upper[1]}/{parts[2]}/{parts[3]}"
    return None


_NUMBER_AND_YEAR = re.compile(r"^(\d+)\s*\((\d{4})\)$")


def cited_resolution_iri(actor: str, number: str, date: str | None) -> str:
    """IRI of a cited resolution (D15). A date the citation does not print is never guessed: the
    IRI then has no date part, ``/akn/un/statement/deliberation/un-ga/75-196`` (docs/profile.md)."""
    m = _NUMBER_AND_YEAR.match(number.strip())
    if m and date is None:  # Security Council style: the year is printed with the number
        date = m.group(2)
    return "/".join(["/akn/un/statement/deliberation", actor, *([date] if date else []), iri_number(number)])


def document_symbol_iri(symbol: str) -> str:
    """IRI for a cited document symbol such as A/76/463, whose date the text does not print:
    ``/akn/un/doc/document/un-ga/A-76-463``, without a date part."""
    organ = organ_from_symbol(symbol)
    actor = ACTORS[organ][0] if organ else "un"
    return f"/akn/un/doc/document/{actor}/{iri_number(symbol)}"


@dataclass(frozen=True)
class CitedName:
    """What a cited document's IRI says: the parts a link template can use."""

    iri: str
    actor: str
    date: str | None  # None for an undated citation
    number: str  # in IRI form: "76-187", "A-76-463"
    document: bool  # a document symbol (A/76/463), not a resolution or decision

    def symbol(self) -> str | None:
        """The UN symbol the IRI stands for (A/RES/76/187, S/RES/2250 (2015), A/76/463). The IRI
        does not say resolution or decision; the number does: decisions are the series an organ
        numbers them in (:data:`DECISION_SERIES`)."""
        if self.document:
            return _symbol_from_iri_number(self.number, document=True)
        organ = ACTOR_BODIES.get(self.actor)
        if organ is None:
            return None
        last = self.number.rsplit("-", 1)[-1]
        decimal = last.isascii() and last.isdigit()  # not '²': isdigit takes it, int does not
        kind = "DEC" if organ in DECISION_SERIES and decimal and int(last) >= DECISION_SERIES[organ] else "RES"
        number = _symbol_from_iri_number(self.number)
        if organ == "SC":
            return f"S/{kind}/{number}" + (f" ({self.date[:4]})" if self.date and "(" not in number else "")
        prefix = {"GA": "A", "ECOSOC": "E", "HRC": "A/HRC"}[organ]
        return f"{prefix}/{kind}/{number}"


_CITED_IRI = re.compile(r"^/akn/un/(?:(?P<res>statement/deliberation)|doc/document)/(?P<actor>[^/]+)"
                        r"(?:/(?P<date>\d{4}(?:-\d\d-\d\d)?))?/(?P<number>[^/]+)$")


def cited_name(iri: str) -> CitedName | None:
    """The parts of a cited resolution's or document's IRI (dated or not); None for other hrefs."""
    m = _CITED_IRI.match(iri)
    if not m:
        return None
    date = m.group("date") if m.group("date") != UNDATED else None  # AKN written before dateless IRIs
    return CitedName(iri, m.group("actor"), date, m.group("number"), document=not m.group("res"))


def _symbol_from_iri_number(number: str, document: bool = False) -> str:
    """``76-187`` -> ``76/187``, ``A-ES-10-L.1`` -> ``A/ES-10/L.1``, ``1514_(XV)`` -> ``1514 (XV)``:
    :func:`iri_number` undone; a special session's ``ES-10`` or ``S-27`` keeps its hyphen (but a
    document symbol's first part ``S`` is the Security Council's series)."""
    out: list[str] = []
    for part in number.split("-"):
        if out and part.isdigit() and out[-1] in ("ES", "S") and (len(out) > 1 or not document):
            out[-1] += "-" + part
        else:
            out.append(part)
    return "/".join(out).replace("_", " ")


# -------------------------------------------------------------------------------------- eIds


_NOT_IN_EID_NUM = re.compile(r"[^0-9A-Za-z\-]")


def eid_num(num: str) -> str:
    """The level number of an eId: final punctuation and brackets stripped, case kept ("7." -> "7")."""
    return _NOT_IN_EID_NUM.sub("", num.replace(".", "-")).strip("-")


_LETTER_RUN = re.compile(r"[^\W\d_]+")


def lower_camel(phrase: str) -> str:
    """``Reaffirming also`` -> ``reaffirmingAlso``: the preambular container name (D8)."""
    words = _LETTER_RUN.findall(phrase)
    if not words:
        return "preambularParagraph"
    return words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])


def preambular_name(para: PreambularParagraph) -> str:
    """A preambular container's name: its italic initial phrase in lower camel case (D8)."""
    first = para.children[0] if para.children else None
    return lower_camel(plain_text(first.children)) if isinstance(first, Italic) else "preambularParagraph"


# ------------------------------------------------------------------- eIds of a whole document


class Eids:
    """The eIds of one document's model nodes, so every writer names an element the same way.

    Keyed by node identity (the model's dataclasses are unhashable); each entry keeps its node
    alive so an identity cannot be reused while the map exists.
    """

    def __init__(self) -> None:
        self._nodes: dict[int, tuple[object, str]] = {}
        self._lists: dict[int, tuple[object, str]] = {}

    def of(self, node: object) -> str | None:
        """The eId of a section, paragraph, item, table, preambular paragraph, footnote or annex."""
        entry = self._nodes.get(id(node))
        return entry[1] if entry and entry[0] is node else None

    def list_of(self, owner: object) -> str | None:
        """The eId of the ``<list>`` holding the items of a paragraph or item."""
        entry = self._lists.get(id(owner))
        return entry[1] if entry and entry[0] is owner else None


def assign_eids(res: Resolution) -> Eids:
    """Every eId of ``res``, allocated in the AKN writer's document order (docs/profile.md, eIds).

    The order matters: a wanted eId already taken gets ``-2``, ``-3``... appended, and footnotes
    are numbered per enclosing eId. Footnotes in an issue-date line that holds a date are not
    written in AKN, so they get none.
    """
    eids = Eids()
    used: set[str] = set()
    note_counts: dict[str, int] = {}

    def take(wanted: str) -> str:
        eid, k = wanted, 1
        while eid in used:
            k += 1
            eid = f"{wanted}-{k}"
        used.add(eid)
        return eid

    def notes(inlines, scope: str) -> None:
        for note in iter_footnotes(inlines):
            n = note_counts[scope] = note_counts.get(scope, 0) + 1
            eids._nodes[id(note)] = (note, take(f"{scope}__authorialNote_{n}"))

    def item_list(intro, items, owner_node, owner: str) -> None:
        lid = take(f"{owner}__list_1")
        eids._lists[id(owner_node)] = (owner_node, lid)
        notes(intro, lid)
        for item in items:
            pid = take(f"{lid}__point_{eid_num(item.num)}")
            eids._nodes[id(item)] = (item, pid)
            if item.items:
                item_list(item.children, item.items, item, pid)
            else:
                notes(item.children, pid)

    def body(parts, prefix: str, counters: dict[str, int], heading_prefix: str | None = None) -> None:
        # paragraphs keep the document's prefix (their numbers run on through sections, D9), but
        # in a part with its own preamble, where numbering starts again, they carry the part's eId
        # (sec_II__para_1); a heading nested in another takes the enclosing heading's eId: sec_I__sec_A
        heading_prefix = prefix if heading_prefix is None else heading_prefix
        for part in parts:
            if isinstance(part, Section):
                if part.num:
                    eid = take(f"{heading_prefix}sec_{eid_num(part.num)}")
                else:
                    counters["dvs"] = counters.get("dvs", 0) + 1
                    eid = take(f"{heading_prefix}dvs_{counters['dvs']}")
                eids._nodes[id(part)] = (part, eid)
                notes(part.heading, eid)
                for k, para in enumerate(part.preamble, start=1):
                    pid = take(f"{eid}__crossHeading_{k}")
                    eids._nodes[id(para)] = (para, pid)
                    notes(para.children, pid)
                if id(part) in parts_of_resolution:  # a part numbers its paragraphs from 1
                    body(part.children, f"{eid}__", {}, f"{eid}__")
                else:
                    body(part.children, prefix, counters, f"{eid}__")
            else:
                counters["para"] = counters.get("para", 0) + 1
                eid = take(f"{prefix}para_{eid_num(part.num) if part.num else counters['para']}")
                eids._nodes[id(part)] = (part, eid)
                if part.items:
                    item_list(part.children, part.items, part, eid)
                else:
                    notes(part.children, eid)
                for k, table in enumerate(part.tables, start=1):
                    tid = take(f"{eid}__table_{k}")
                    eids._nodes[id(table)] = (table, tid)
                    for row in table.rows:
                        for cell in row:
                            notes(cell.children, tid)

    for line in res.masthead:
        if line.role == "issue_date" and any(isinstance(n, DateRef) for n in line.children):
            continue
        notes(line.children, "preface")
    notes(res.title, "preface")
    notes(res.formula, "preamble__formula")
    for k, para in enumerate(res.preamble, start=1):
        eid = take(f"preamble__container_{k}")
        eids._nodes[id(para)] = (para, eid)
        notes(para.children, eid)
    # a resolution in parts: some part opens with a preamble of its own, and every part numbers from 1
    in_parts = any(isinstance(part, Section) and part.preamble for part in res.body)
    parts_of_resolution = {id(part) for part in res.body if isinstance(part, Section)} if in_parts else set()
    body(res.body, "", {})
    for line in res.closing:
        notes(line, "conclusions")
    for k, annex in enumerate(res.annexes, start=1):
        eids._nodes[id(annex)] = (annex, f"att_{k}")
        notes(annex.title, f"att_{k}")
        body(annex.body, f"att_{k}__", {})
        used.add(f"att_{k}")
    return eids


def language_tag(code: str) -> str:
    """The RFC 4646 tag (``xml:lang``, HTML ``lang``) of an ISO 639-2 code: eng -> en."""
    return {"eng": "en", "fra": "fr", "spa": "es", "rus": "ru", "ara": "ar", "zho": "zh"}.get(code, code)
