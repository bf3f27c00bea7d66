"""AKN writer: the model -> Akoma Ntoso 3.0 XML following the AKN4UN profile (docs/profile.md).

Decisions D1-D16 are implemented here and in :mod:`akn.naming`; everything is derived from the
model, nothing from the clock, so the same model always gives the same bytes (D5).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from ..model import (
    Annex, BodyPart, DateRef, Event, Footnote, Inline, Italic, Item, MastheadLine, Paragraph, Ref,
    Resolution, Section, Text, plain_text,
)
from ..naming import (
    ACTORS, WorkName, assign_eids, event_iri, iri_number, language_tag, number_from_symbol, preambular_name,
)

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: masthead role -> the preface container its printed line goes in (D6)
PREFACE_GROUPS = {
    "other": "masthead", "organ": "masthead", "symbol": "masthead", "distribution": "masthead",
    "issue_date": "masthead", "session": "session", "agenda_item": "session",
    "agenda_title": "session", "status": "status", "committee": "status", "adoption": "adoption",
    "heading": "heading",
}

#: TLCConcepts the writer may refer to, in the order they are listed
CONCEPTS = {"adoptionDate": "Adoption date", "recordedVote": "Vote", "votesInFavour": "Votes in favour",
            "votesAgainst": "Votes against", "abstentions": "Abstentions"}

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
    """"Seventy-sixth session" -> "76"; "80th session" -> "80"; None when not an ordinal."""
    word = text.strip().split(" ")[0].lower()
    m = re.match(r"(\d+)", word)
    if m:
        return m.group(1)
    if word in ORDINAL_WORDS:
        return str(ORDINAL_WORDS[word])
    parts = word.split("-")
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ORDINAL_WORDS:
        return str(TENS[parts[0]] + ORDINAL_WORDS[parts[1]])
    return None


def E(tag: str, attrs: dict[str, str] | None = None, *children, text: str | None = None) -> etree._Element:
    el = etree.Element(f"{{{NS}}}{tag}", nsmap={None: NS} if tag == "akomaNtoso" else None)
    for k, v in (attrs or {}).items():
        el.set(k, v)
    if text:
        el.text = text
    for c in children:
        el.append(c)
    return el


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    last = next(parent.iterchildren(reversed=True), None)  # len(parent) counts: quadratic on long text
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


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
        number = res.number or number_from_symbol(meta.symbol or "") or ""
        self.name = WorkName(self.actor, meta.adoption_date or "", iri_number(number))
        self.number = number

    # ------------------------------------------------------------------------- inlines

    def inlines(self, parent: etree._Element, nodes: list[Inline]) -> None:
        for node in nodes:
            if isinstance(node, Text):
                _append_text(parent, node.text)
            elif isinstance(node, Italic):
                el = E("i")
                self.inlines(el, node.children)
                parent.append(el)
            elif isinstance(node, Ref):
                el = E("ref", {"href": node.href})
                self.inlines(el, node.children)
                parent.append(el)
            elif isinstance(node, DateRef):
                parent.append(E("date", {"date": node.date}, text=node.text))
            elif isinstance(node, Event):
                parent.append(E("event", {"refersTo": self.ctx.event_ref(node.text)}, text=node.text))
            elif isinstance(node, Footnote):
                note = E("authorialNote", {"marker": node.marker, "placement": "bottom",
                                           "eId": self.eids.of(node)})
                p = E("p")
                self.inlines(p, node.children)
                note.append(p)
                parent.append(E("sup", {"class": "footnote"}, note))

    def p(self, nodes: list[Inline]) -> etree._Element:
        el = E("p")
        self.inlines(el, nodes)
        return el

    # --------------------------------------------------------------------------- meta

    def meta(self, component: str = "main", annex: bool = False) -> etree._Element:
        m = self.res.meta
        lang = m.language
        adoption = m.adoption_date or ""
        published = m.issue_date or adoption
        work = E("FRBRWork", None,
                 E("FRBRthis", {"value": self.name.this("work", lang, component)}),
                 E("FRBRuri", {"value": self.name.work}),
                 E("FRBRdate", {"date": adoption, "name": "adoption"}),
                 E("FRBRauthor", {"href": f"#{self.actor}"}),
                 E("FRBRcountry", {"value": "un"}))
        if not annex:
            work.append(E("FRBRsubtype", {"value": "deliberation"}))
            work.append(E("FRBRnumber", {"value": self.name.number, "showAs": self.number}))
        expression = E("FRBRExpression", None,
                       E("FRBRthis", {"value": self.name.this("expression", lang, component)}),
                       E("FRBRuri", {"value": self.name.expression(lang)}),
                       E("FRBRdate", {"date": adoption, "name": "adoption"}),
                       E("FRBRauthor", {"href": f"#{self.actor}"}),
                       E("FRBRlanguage", {"language": lang}))
        manifestation = E("FRBRManifestation", None,
                          E("FRBRthis", {"value": self.name.this("manifestation", lang, component)}),
                          E("FRBRuri", {"value": self.name.manifestation(lang)}),
                          E("FRBRdate", {"date": published, "name": "publication"}),
                          E("FRBRauthor", {"href": "#un"}))
        if not annex:
            manifestation.append(E("FRBRformat", {"value": "xml"}))
        meta = E("meta", None, E("identification", {"source": "#un"}, work, expression, manifestation))
        if not annex:
            meta.append(E("publication", {"name": m.kind, "date": published,
                                          "showAs": m.symbol or self.number, "number": m.symbol or self.number}))
        return meta

    def analysis(self) -> etree._Element:
        """Stated votes as parliamentary analysis (figures only where the text gives them)."""
        parliamentary = E("parliamentary")
        for k, vote in enumerate(self.res.votes, start=1):
            voting = E("voting", {"eId": f"voting_{k}", "refersTo": "#recordedVote"})
            for concept, value in (("votesInFavour", vote.in_favour), ("votesAgainst", vote.against),
                                   ("abstentions", vote.abstentions)):
                if value is not None:
                    voting.append(E("count", {"eId": f"voting_{k}__count_{concept}", "value": str(value),
                                              "refersTo": f"#{concept}"}))
                    self.ctx.concepts.add(concept)
            self.ctx.concepts.add("recordedVote")
            parliamentary.append(voting)
        return E("analysis", {"source": "#un"}, parliamentary)

    def references(self) -> etree._Element:
        refs = E("references", {"source": "#un"})
        name = ACTORS[self.res.meta.body][1]
        refs.append(E("TLCOrganization", {"eId": self.actor, "href": f"/akn/ontology/organization/un/{self.actor}",
                                          "showAs": name}))
        refs.append(E("TLCOrganization", {"eId": "un", "href": "/akn/ontology/organization/un",
                                          "showAs": "United Nations"}))
        for text, eid in self.ctx.events.items():
            href = event_iri(self.actor, self.number, self.res.meta.adoption_date or "", text)
            refs.append(E("TLCEvent", {"eId": eid, "href": href, "showAs": text}))
        for eid, show in CONCEPTS.items():
            if eid in self.ctx.concepts:
                refs.append(E("TLCConcept", {"eId": eid, "href": f"/akn/ontology/concept/un/{eid}", "showAs": show}))
        return refs

    # ------------------------------------------------------------------------ preface

    def masthead_p(self, line: MastheadLine) -> etree._Element:
        role, nodes = line.role, line.children
        p = E("p")
        text = plain_text(nodes)
        if role == "organ":
            el = E("docAuthority")
            self.inlines(el, nodes)
            p.append(el)
        elif role == "symbol":
            # D6: the symbol is a docNumber, unless the document prints its number without a
            # title (a Security Council heading): then that number must be the docNumber found
            # first, and the symbol is a named inline (docs/profile.md).
            untitled_number = self.res.number and not self.res.title
            el = E("inline", {"name": "documentSymbol"}) if untitled_number else E("docNumber")
            self.inlines(el, nodes)
            p.append(el)
        elif role == "distribution":
            el = E("inline", {"name": "akn4un:distribution"})
            self.inlines(el, nodes)
            p.append(el)
        elif role == "issue_date":
            date = next((n.date for n in nodes if isinstance(n, DateRef)), None)
            if date:
                p.append(E("docDate", {"date": date}, text=text))
            else:
                self.inlines(p, nodes)
        elif role == "session":
            attrs = {"value": session_number(text)} if session_number(text) else {}
            el = E("session", attrs)
            self.inlines(el, nodes)
            p.append(el)
        elif role == "agenda_item":
            el = E("inline", {"name": "agendaItem"})
            self.inlines(el, nodes)
            p.append(el)
        elif role == "status":
            el = E("docStatus")
            self.preface_inlines(el, nodes, refers=False)
            p.append(el)
        elif role == "committee":
            self.committee_inlines(p, nodes)
        elif role in ("adoption", "heading"):
            self.preface_inlines(p, nodes, refers=role == "adoption", number=role == "heading")
        else:
            self.inlines(p, nodes)
        return p

    def preface_inlines(self, parent, nodes: list[Inline], refers: bool, number: bool = False) -> None:
        """Dates as docDate (D6); in an adoption line, meeting and date refer to the TLCs (D13)."""
        for node in nodes:
            if isinstance(node, DateRef):
                attrs = {"date": node.date}
                if refers:
                    attrs["refersTo"] = "#adoptionDate"
                    self.ctx.concepts.add("adoptionDate")
                parent.append(E("docDate", attrs, text=node.text))
            elif number and isinstance(node, Text) and self.res.number and self.res.number in node.text:
                before, after = node.text.split(self.res.number, 1)
                _append_text(parent, before)
                parent.append(E("docNumber", text=self.res.number))
                _append_text(parent, after)
            else:
                self.inlines(parent, [node])

    def committee_inlines(self, parent, nodes: list[Inline]) -> None:
        for node in nodes:
            m = re.search(r"(?<=report of the )[A-Z][\w-]*(?: [A-Z][\w-]*)* Committee", node.text) if isinstance(node, Text) else None
            if m:
                _append_text(parent, node.text[: m.start()])
                parent.append(E("docCommittee", text=m.group(0)))
                _append_text(parent, node.text[m.end() :])
            else:
                self.inlines(parent, [node])

    def preface(self) -> etree._Element | None:
        preface = E("preface")
        current_name, current = None, None
        for line in self.res.masthead:
            name = PREFACE_GROUPS.get(line.role, "masthead")
            if name != current_name:
                current = E("container", {"name": name})
                preface.append(current)
                current_name = name
            current.append(self.masthead_p(line))
        if self.res.number or self.res.title:
            p = E("p")
            if self.res.number and self.res.title:
                p.append(E("docNumber", text=self.res.number))
                _append_text(p, ". ")
            if self.res.title:
                title = E("docTitle")
                self.inlines(title, self.res.title)
                p.append(title)
            if self.res.title:
                preface.append(E("container", {"name": "title"}, p))
        return preface if len(preface) else None

    # ------------------------------------------------------------------------ preamble

    def preamble(self) -> etree._Element:
        pre = E("preamble")
        formula = E("formula", {"name": "enactingFormula"})
        formula.append(self.p(self.res.formula))
        pre.append(formula)
        for para in self.res.preamble:
            pre.append(E("container", {"name": preambular_name(para), "eId": self.eids.of(para)},
                         self.p(para.children)))
        return pre

    # ------------------------------------------------------------------------ main body

    def body_parts(self, parent, parts: list[BodyPart]) -> None:
        for part in parts:
            if isinstance(part, Section):
                parent.append(self.section(part))
            else:
                parent.append(self.paragraph(part))

    def section(self, sec: Section) -> etree._Element:
        eid = self.eids.of(sec)
        if sec.num:
            el = E("section", {"eId": eid}, E("num", text=f"{sec.num}."))
        else:
            el = E("division", {"eId": eid})
        heading = E("heading")
        self.inlines(heading, sec.heading)
        el.append(heading)
        self.body_parts(el, sec.children)
        if len(el) == (2 if sec.num else 1):  # a heading with nothing under it
            el.append(E("intro", None, E("p")))
        return el

    def paragraph(self, para: Paragraph) -> etree._Element:
        el = E("paragraph", {"eId": self.eids.of(para)})
        if para.num:
            el.append(E("num", text=f"{para.num}."))
        if para.items:
            el.append(self.item_list(para))
        else:
            el.append(E("content", None, self.p(para.children)))
        return el

    def item_list(self, owner: Paragraph | Item) -> etree._Element:
        """The owner's chapeau (its ``children``) and its items as an AKN ``<list>``."""
        lst = E("list", {"eId": self.eids.list_of(owner)})
        if owner.children:
            lst.append(E("intro", None, self.p(owner.children)))
        for item in owner.items:
            point = E("point", {"eId": self.eids.of(item)}, E("num", text=f"({item.num})"))
            if item.items:
                point.append(self.item_list(item))
            else:
                point.append(E("content", None, self.p(item.children)))
            lst.append(point)
        return lst

    def main_body(self, parts: list[BodyPart]) -> etree._Element:
        body = E("mainBody")
        self.body_parts(body, parts)
        if not len(body):
            body.append(E("p"))
        return body

    # ----------------------------------------------------------------------- conclusions

    def conclusions(self) -> etree._Element | None:
        if not self.res.closing:
            return None
        container = E("container", {"name": "conclusion"})
        for line in self.res.closing:
            p = E("p")
            self.preface_inlines(p, line, refers=True)
            container.append(p)
        return E("conclusions", None, container)

    def attachment(self, k: int, annex: Annex) -> etree._Element:
        doc = E("doc", {"name": "annex"})
        doc.append(self.meta(component=f"annex_{k}", annex=True))
        heading = E("container", {"name": "heading"}, E("p", text=annex.heading))
        if annex.title:
            t = E("docTitle")
            self.inlines(t, annex.title)
            heading.append(E("p", None, t))
        doc.append(E("preface", None, heading))
        doc.append(self.main_body(annex.body))
        return E("attachment", {"eId": self.eids.of(annex)}, doc)

    # ---------------------------------------------------------------------------- all

    def document(self) -> etree._Element:
        res = self.res
        statement = E("statement", {"name": res.meta.kind, "contains": "originalVersion"})
        meta = self.meta()
        statement.append(meta)
        preface = self.preface()
        if preface is not None:
            statement.append(preface)
        statement.append(self.preamble())
        statement.append(self.main_body(res.body))
        conclusions = self.conclusions()
        if conclusions is not None:
            statement.append(conclusions)
        if res.annexes:
            statement.append(E("attachments", None, *[self.attachment(k, a) for k, a in enumerate(res.annexes, 1)]))
        if res.votes:
            meta.append(self.analysis())
        meta.append(self.references())  # last: it lists what the body referred to
        for part in statement[1:]:  # the schema takes xml:lang on these parts, not on <statement>
            if etree.QName(part).localname == "attachments":
                continue
            part.set(XML_LANG, _xml_lang(res.meta.language))
        return E("akomaNtoso", None, statement)


def _xml_lang(code: str) -> str:
    return language_tag(code)


#: elements that hold only other elements: safe to indent without touching any text
_STRUCTURAL = frozenset(
    "akomaNtoso statement doc meta identification FRBRWork FRBRExpression FRBRManifestation references "
    "preface preamble mainBody conclusions attachments attachment container formula paragraph section "
    "division list point content intro authorialNote analysis parliamentary voting".split()
)


def indent(el: etree._Element, level: int = 0) -> None:
    """Indent element-only content for people reading the XML; mixed content is left untouched."""
    name = etree.QName(el).localname
    if name not in _STRUCTURAL or (el.text and el.text.strip()) or not len(el):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in el:
        indent(child, level + 1)
        child.tail = pad if (child.tail is None or not child.tail.strip()) else child.tail
    el[-1].tail = "\n" + "  " * level


def to_element(res: Resolution) -> etree._Element:
    """The AKN document as an lxml element."""
    return AknWriter(res).document()


def write_akn(res: Resolution) -> bytes:
    """The AKN document as UTF-8 bytes with an XML declaration, deterministic."""
    root = to_element(res)
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"
