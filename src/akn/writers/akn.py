"""AKN writer: the model -> Akoma Ntoso 3.0 XML following the AKN4UN profile (docs/profile.md).

Decisions D1-D16 are implemented here and in :mod:`akn.naming`; everything is derived from the
model, nothing from the clock, so the same model always gives the same bytes (D5).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from ..model import (
    Annex, BodyPart, DateRef, Event, Footnote, Inline, Italic, Item, MastheadLine, Paragraph, Ref,
    Resolution, Section, Table, Text, plain_text,
)
from ..naming import (
    ACTORS, WorkName, assign_eids, event_iri, iri_number, language_tag, number_from_symbol, preambular_name,
)

if TYPE_CHECKING:
    from lxml import etree

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"

#: masthead role -> the preface container its printed line goes in (D6)
PREFACE_GROUPS = {
    "other": "masthead", "organ": "masthead", "symbol": "masthead", "distribution": "masthead",
    "issue_date": "masthead", "session": "session", "agenda_item": "session",
    "agenda_title": "session", "status": "status", "committee": "status", "adoption": "adoption",
    "heading": "heading",
}

#: TLCConcepts the writer may refer to, in the order they are listed
CONCEPTS = {"adoptionDate": "Adoption date", "recordedVote": "Vote", "votesInFavour": "Votes in favour",
            "votesAgainst": "Votes against", "abstentions": "Abstentions", "preamble": "preamble"}

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}


def session_number(text: str) -> str | None:
    """"Seventy-sixth session" -> "76"; "80th session" -> "80"; "Session de 2025" -> "2025"; else None."""
    word = text.strip().split(" ")[0].lower()
    m = re.match(r"(\d+)", word)
    if m:
        return m.group(1)
    if word in ORDINAL_WORDS:
        return str(ORDINAL_WORDS[word])
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINAL_WORDS:
        return str(TENS[parts[0]] + ORDINAL_WORDS[parts[1]])
    year = re.search(r"\b(?:19|20)\d\d\b", text)  # the Economic and Social Council's "Session de 2025"
    return year.group() if year else None


_ATTR_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\n": "&#10;",
                               "\r": "&#13;", "\t": "&#9;"})
_ATTR_SPECIAL = re.compile('[&<>"\n\r\t]')
#: the bytes of control characters XML 1.0 cannot hold in any form (UTF-8 never uses them otherwise)
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


def escape_text(text: str) -> str:
    """Character data escaped as lxml escapes it (most text needs nothing, so test before replacing)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return text


def _attrs(attrs: dict[str, str | None] | None) -> str:
    if not attrs:
        return ""
    return "".join(f' {k}="{v.translate(_ATTR_ESCAPES) if _ATTR_SPECIAL.search(v) else v}"'
                   for k, v in attrs.items() if v is not None)


def leaf(tag: str, attrs: dict[str, str | None] | None = None, inner: str = "") -> str:
    """An element of mixed content; ``inner`` is already escaped markup."""
    a = _attrs(attrs)
    return f"<{tag}{a}>{inner}</{tag}>" if inner else f"<{tag}{a}/>"


def block(tag: str, attrs: dict[str, str | None] | None, children: list[str], level: int) -> str:
    """An element holding only elements, one per line, indented for people reading the XML."""
    a = _attrs(attrs)
    if not children:
        return f"<{tag}{a}/>"
    pad = "\n" + "  " * (level + 1)
    return f"<{tag}{a}>{pad}{pad.join(children)}\n{'  ' * level}</{tag}>"


@dataclass
class _Context:
    """What the writer tracks while walking: the TLC targets the text refers to."""

    res: Resolution
    events: dict[str, str] = field(default_factory=dict)  # event text -> TLC eId
    concepts: set[str] = field(default_factory=set)

    def event_ref(self, text: str) -> str:
        if text not in self.events:
            self.events[text] = "plenaryMeeting" if not self.events else f"plenaryMeeting_{len(self.events) + 1}"
        return "#" + self.events[text]


class AknWriter:
    """Writes one resolution; create one per document."""

    def __init__(self, res: Resolution):
        self.res = res
        self.ctx = _Context(res)
        self.eids = assign_eids(res)  # shared with the HTML writer: both name elements alike
        meta = res.meta
        self.actor = ACTORS[meta.body][0]
        # the symbol names the document (a --symbol given wins over the printed number)
        number = number_from_symbol(meta.symbol or "") or res.number or ""
        self.name = WorkName(self.actor, meta.adoption_date or "", iri_number(number))
        self.number = number

    # ------------------------------------------------------------------------- inlines

    def inlines(self, nodes: list[Inline]) -> str:
        """Mixed content as markup: never indented, so the text stays exactly as read."""
        out: list[str] = []
        for node in nodes:
            if isinstance(node, Text):
                out.append(escape_text(node.text))
            elif isinstance(node, Footnote):
                note = leaf("authorialNote", {"marker": node.marker, "placement": "bottom",
                                              "eId": self.eids.of(node)}, self.p(node.children))
                out.append(leaf("sup", {"class": "footnote"}, note))
            elif isinstance(node, Ref):
                out.append(leaf("ref", {"href": node.href}, self.inlines(node.children)))
            elif isinstance(node, DateRef):
                out.append(leaf("date", {"date": node.date}, escape_text(node.text)))
            elif isinstance(node, Italic):
                out.append(leaf("i", None, self.inlines(node.children)))
            elif isinstance(node, Event):
                out.append(leaf("event", {"refersTo": self.ctx.event_ref(node.text)}, escape_text(node.text)))
        return "".join(out)

    def p(self, nodes: list[Inline]) -> str:
        return leaf("p", None, self.inlines(nodes))

    # --------------------------------------------------------------------------- meta

    def meta(self, level: int, component: str = "main", annex: bool = False, more: Sequence[str] = ()) -> str:
        m = self.res.meta
        lang = m.language
        adoption = m.adoption_date or ""
        published = m.issue_date or adoption
        work = [
            leaf("FRBRthis", {"value": self.name.this("work", lang, component)}),
            leaf("FRBRuri", {"value": self.name.work}),
        ]
        title = " ".join(plain_text(self.res.title).split())
        if title and not annex:  # the short title AKN tools (cobalt's ``title``) read
            work.append(leaf("FRBRalias", {"value": title, "name": "title"}))
        work += [
            leaf("FRBRdate", {"date": adoption, "name": "adoption"}),
            leaf("FRBRauthor", {"href": f"#{self.actor}"}),
            leaf("FRBRcountry", {"value": "un"}),
        ]
        if not annex:
            work.append(leaf("FRBRsubtype", {"value": "deliberation"}))
            work.append(leaf("FRBRnumber", {"value": self.name.number, "showAs": self.number}))
        expression = [
            leaf("FRBRthis", {"value": self.name.this("expression", lang, component)}),
            leaf("FRBRuri", {"value": self.name.expression(lang)}),
            leaf("FRBRdate", {"date": adoption, "name": "adoption"}),
            leaf("FRBRauthor", {"href": f"#{self.actor}"}),
            leaf("FRBRlanguage", {"language": lang}),
        ]
        manifestation = [
            leaf("FRBRthis", {"value": self.name.this("manifestation", lang, component)}),
            leaf("FRBRuri", {"value": self.name.manifestation(lang)}),
            leaf("FRBRdate", {"date": published, "name": "publication"}),
            leaf("FRBRauthor", {"href": "#un"}),
        ]
        if not annex:
            manifestation.append(leaf("FRBRformat", {"value": "xml"}))
        identification = block("identification", {"source": "#un"}, [
            block("FRBRWork", None, work, level + 2),
            block("FRBRExpression", None, expression, level + 2),
            block("FRBRManifestation", None, manifestation, level + 2),
        ], level + 1)
        parts = [identification]
        if not annex:
            parts.append(leaf("publication", {"name": m.kind, "date": published,
                                              "showAs": m.symbol or self.number, "number": m.symbol or self.number}))
        return block("meta", None, [*parts, *more], level)

    def analysis(self, level: int) -> str:
        """Stated votes as parliamentary analysis (figures only where the text gives them)."""
        votings = []
        for k, vote in enumerate(self.res.votes, start=1):
            counts = []
            for concept, value in (("votesInFavour", vote.in_favour), ("votesAgainst", vote.against),
                                   ("abstentions", vote.abstentions)):
                if value is not None:
                    counts.append(leaf("count", {"eId": f"voting_{k}__count_{concept}", "value": str(value),
                                                 "refersTo": f"#{concept}"}))
                    self.ctx.concepts.add(concept)
            self.ctx.concepts.add("recordedVote")
            votings.append(block("voting", {"eId": f"voting_{k}", "refersTo": "#recordedVote"}, counts, level + 2))
        return block("analysis", {"source": "#un"}, [block("parliamentary", None, votings, level + 1)], level)

    def references(self, level: int) -> str:
        name = ACTORS[self.res.meta.body][1]
        refs = [
            leaf("TLCOrganization", {"eId": self.actor, "href": f"/akn/ontology/organization/un/{self.actor}",
                                     "showAs": name}),
            leaf("TLCOrganization", {"eId": "un", "href": "/akn/ontology/organization/un",
                                     "showAs": "United Nations"}),
        ]
        for text, eid in self.ctx.events.items():
            href = event_iri(self.actor, self.number, self.res.meta.adoption_date or "", text)
            refs.append(leaf("TLCEvent", {"eId": eid, "href": href, "showAs": text}))
        for eid, show in CONCEPTS.items():
            if eid in self.ctx.concepts:
                refs.append(leaf("TLCConcept", {"eId": eid, "href": f"/akn/ontology/concept/un/{eid}",
                                                "showAs": show}))
        return block("references", {"source": "#un"}, refs, level)

    # ------------------------------------------------------------------------ preface

    def masthead_p(self, line: MastheadLine) -> str:
        role, nodes = line.role, line.children
        text = plain_text(nodes)
        if role == "organ":
            inner = leaf("docAuthority", None, self.inlines(nodes))
        elif role == "symbol":
            # D6: the symbol is a docNumber, unless the document prints its number without a
            # title (a Security Council heading): then that number must be the docNumber found
            # first, and the symbol is a named inline (docs/profile.md).
            untitled_number = self.res.number and not self.res.title
            if untitled_number:
                inner = leaf("inline", {"name": "documentSymbol"}, self.inlines(nodes))
            else:
                inner = leaf("docNumber", None, self.inlines(nodes))
        elif role == "distribution":
            inner = leaf("inline", {"name": "akn4un:distribution"}, self.inlines(nodes))
        elif role == "issue_date":
            date = next((n.date for n in nodes if isinstance(n, DateRef)), None)
            inner = leaf("docDate", {"date": date}, escape_text(text)) if date else self.inlines(nodes)
        elif role == "session":
            inner = leaf("session", {"value": session_number(text)}, self.inlines(nodes))
        elif role == "agenda_item":
            inner = leaf("inline", {"name": "agendaItem"}, self.inlines(nodes))
        elif role == "status":
            inner = leaf("docStatus", None, self.preface_inlines(nodes, refers=False))
        elif role == "committee":
            inner = self.committee_inlines(nodes)
        elif role in ("adoption", "heading"):
            inner = self.preface_inlines(nodes, refers=role == "adoption", number=role == "heading")
        else:
            inner = self.inlines(nodes)
        return leaf("p", None, inner)

    def preface_inlines(self, nodes: list[Inline], refers: bool, number: bool = False) -> str:
        """Dates as docDate (D6); in an adoption line, meeting and date refer to the TLCs (D13)."""
        out: list[str] = []
        for node in nodes:
            if isinstance(node, DateRef):
                attrs = {"date": node.date}
                if refers:
                    attrs["refersTo"] = "#adoptionDate"
                    self.ctx.concepts.add("adoptionDate")
                out.append(leaf("docDate", attrs, escape_text(node.text)))
            elif number and isinstance(node, Text) and self.res.number and self.res.number in node.text:
                before, after = node.text.split(self.res.number, 1)
                out.append(escape_text(before) + leaf("docNumber", None, escape_text(self.res.number))
                           + escape_text(after))
            else:
                out.append(self.inlines([node]))
        return "".join(out)

    def committee_inlines(self, nodes: list[Inline]) -> str:
        out: list[str] = []
        for node in nodes:
            m = re.search(r"(?<=report of the )[A-Z][\w-]*(?: [A-Z][\w-]*)* Committee", node.text) if isinstance(node, Text) else None
            if m:
                out.append(escape_text(node.text[: m.start()]) + leaf("docCommittee", None, escape_text(m.group(0)))
                           + escape_text(node.text[m.end() :]))
            else:
                out.append(self.inlines([node]))
        return "".join(out)

    def preface(self, level: int, lang: str) -> str | None:
        containers: list[str] = []
        current_name, current = None, []
        for line in self.res.masthead:
            name = PREFACE_GROUPS.get(line.role, "masthead")
            if name != current_name:
                if current_name is not None:
                    containers.append(block("container", {"name": current_name}, current, level + 1))
                current_name, current = name, []
            current.append(self.masthead_p(line))
        if current_name is not None:
            containers.append(block("container", {"name": current_name}, current, level + 1))
        if self.res.title:
            numbered = leaf("docNumber", None, escape_text(self.res.number)) + ". " if self.res.number else ""
            p = leaf("p", None, numbered + leaf("docTitle", None, self.inlines(self.res.title)))
            containers.append(block("container", {"name": "title"}, [p], level + 1))
        return block("preface", {"xml:lang": lang}, containers, level) if containers else None

    # ------------------------------------------------------------------------ preamble

    def preamble(self, level: int, lang: str) -> str:
        parts = [block("formula", {"name": "enactingFormula"}, [self.p(self.res.formula)], level + 1)]
        for para in self.res.preamble:
            parts.append(block("container", {"name": preambular_name(para), "eId": self.eids.of(para)},
                               [self.p(para.children)], level + 1))
        return block("preamble", {"xml:lang": lang}, parts, level)

    # ------------------------------------------------------------------------ main body

    def body_parts(self, parts: list[BodyPart], level: int) -> list[str]:
        return [self.section(part, level) if isinstance(part, Section) else self.paragraph(part, level)
                for part in parts]

    def section(self, sec: Section, level: int) -> str:
        eid = self.eids.of(sec)
        children = [leaf("num", None, escape_text(f"{sec.num}."))] if sec.num else []
        children.append(leaf("heading", None, self.inlines(sec.heading)))
        for para in sec.preamble:  # a part's own preambular paragraphs (AKN4UN Part 3, 1.5.1)
            children.append(leaf("crossHeading", {"eId": self.eids.of(para), "refersTo": "#preamble"},
                                 self.inlines(para.children)))
            self.ctx.concepts.add("preamble")
        below = self.body_parts(sec.children, level + 1)
        # a heading with nothing under it still needs content
        children += below or ([] if sec.preamble else [block("intro", None, [leaf("p")], level + 1)])
        return block("section" if sec.num else "division", {"eId": eid}, children, level)

    def paragraph(self, para: Paragraph, level: int) -> str:
        children = [leaf("num", None, escape_text(f"{para.num}."))] if para.num else []
        if para.items:
            children.append(self.item_list(para, level + 1))
        else:
            tables = [self.table(t, level + 2) for t in para.tables]
            children.append(block("content", None, [self.p(para.children), *tables], level + 1))
        return block("paragraph", {"eId": self.eids.of(para)}, children, level)

    def table(self, table: Table, level: int) -> str:
        """A printed table: rows of ``<th>``/``<td>`` cells, each holding one ``<p>``."""
        rows = []
        for row in table.rows:
            cells = [leaf("th" if c.header else "td",
                          {"colspan": str(c.colspan) if c.colspan > 1 else None,
                           "rowspan": str(c.rowspan) if c.rowspan > 1 else None}, self.p(c.children))
                     for c in row]
            rows.append(block("tr", None, cells, level + 1))
        return block("table", {"eId": self.eids.of(table)}, rows, level)

    def item_list(self, owner: Paragraph | Item, level: int) -> str:
        """The owner's chapeau (its ``children``) and its items as an AKN ``<list>``."""
        children = []
        if owner.children:
            children.append(block("intro", None, [self.p(owner.children)], level + 1))
        for item in owner.items:
            point = [leaf("num", None, escape_text(f"({item.num})"))]
            if item.items:
                point.append(self.item_list(item, level + 2))
            else:
                point.append(block("content", None, [self.p(item.children)], level + 2))
            children.append(block("point", {"eId": self.eids.of(item)}, point, level + 1))
        return block("list", {"eId": self.eids.list_of(owner)}, children, level)

    def main_body(self, parts: list[BodyPart], level: int, lang: str | None = None) -> str:
        return block("mainBody", {"xml:lang": lang}, self.body_parts(parts, level + 1) or [leaf("p")], level)

    # ----------------------------------------------------------------------- conclusions

    def conclusions(self, level: int, lang: str) -> str | None:
        if not self.res.closing:
            return None
        lines = [leaf("p", None, self.preface_inlines(line, refers=True)) for line in self.res.closing]
        return block("conclusions", {"xml:lang": lang}, [block("container", {"name": "conclusion"}, lines, level + 1)],
                     level)

    def attachment(self, k: int, annex: Annex, level: int) -> str:
        heading = [leaf("p", None, escape_text(annex.heading))]
        if annex.title:
            heading.append(leaf("p", None, leaf("docTitle", None, self.inlines(annex.title))))
        doc = block("doc", {"name": "annex"}, [
            self.meta(level + 2, component=f"annex_{k}", annex=True),
            block("preface", None, [block("container", {"name": "heading"}, heading, level + 3)], level + 2),
            self.main_body(annex.body, level + 2),
        ], level + 1)
        return block("attachment", {"eId": self.eids.of(annex)}, [doc], level)

    # ---------------------------------------------------------------------------- all

    def document(self) -> str:
        """The whole document; the parts that refer to TLCs are written before the meta that lists them.
        The schema takes xml:lang on the statement's parts, not on ``<statement>`` itself."""
        res = self.res
        lang = language_tag(res.meta.language)
        parts = [self.preface(2, lang), self.preamble(2, lang), self.main_body(res.body, 2, lang),
                 self.conclusions(2, lang)]
        if res.annexes:
            parts.append(block("attachments", None,
                               [self.attachment(k, a, 3) for k, a in enumerate(res.annexes, 1)], 2))
        more = [self.analysis(3)] if res.votes else []
        more.append(self.references(3))  # last: it lists what the body referred to
        meta = self.meta(2, more=more)
        statement = block("statement", {"name": res.meta.kind, "contains": "originalVersion"},
                          [meta, *(part for part in parts if part is not None)], 1)
        return f'<akomaNtoso xmlns="{NS}">\n  {statement}\n</akomaNtoso>'


def write_akn(res: Resolution) -> bytes:
    """The AKN document as UTF-8 bytes with an XML declaration, deterministic.

    Written as text rather than built as a tree: the document is parsed once anyway when it is
    validated, and building it node by node took most of the writing time (benchmarks/bench.py)."""
    try:
        data = AknWriter(res).document().encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(f"the model holds a character XML cannot hold: a lone surrogate at {e.start}") from None
    if len(data.translate(None, _CONTROL_BYTES)) != len(data) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data:
        raise ValueError("the model holds a character XML cannot hold: a control character or U+FFFE/U+FFFF")
    return b"<?xml version='1.0' encoding='UTF-8'?>\n" + data + b"\n"


def to_element(res: Resolution) -> etree._Element:
    """The AKN document as an lxml element (for callers that work on the tree)."""
    from lxml import etree

    from ..validation import safe_parser

    return etree.fromstring(write_akn(res), parser=safe_parser())
