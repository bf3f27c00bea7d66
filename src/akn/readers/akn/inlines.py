"""Mixed content of AKN elements -> the model's inlines.

Each element an inline may hold is listed with what it becomes; anything else is an error naming
the element and its line, so nothing is dropped unnoticed. Preface and conclusion markup that
only restates the text (``docDate``, ``docCommittee``, ``docNumber``) is read back as that text.
"""
from __future__ import annotations

from lxml import etree

from ...errors import ConversionError
from ...model import DateRef, Event, Footnote, Inline, Italic, Ref, Text, joined

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def local(el: etree._Element) -> str:
    """The element's name without the AKN namespace; an element of another namespace is refused."""
    q = etree.QName(el)
    if q.namespace != NS:
        raise ConversionError(f"element <{q.localname}> is not in the Akoma Ntoso 3.0 namespace",
                              line=el.sourceline)
    return q.localname


#: inline elements other tools write whose text akn keeps without their markup (semantic or
#: presentational wrappers the model does not record; AKN4UN Part 1 §4.6, §4.16)
TRANSPARENT = frozenset({
    "b", "u", "span", "sub", "abbr", "inline", "term", "def", "organization", "person", "location", "concept",
    "role", "entity", "quantity", "object", "process", "docTitle", "docStatus", "docAuthority", "docProponent",
    "docType", "docStage", "docPurpose", "docIntroducer", "docJurisdiction", "session", "shortTitle", "mref",
    "rref", "mmod", "mod", "signature", "remark",
})


def refuse(el: etree._Element, where: str) -> ConversionError:
    return ConversionError(f"element <{local(el)}> in {where} cannot be represented by akn", line=el.sourceline)


def text_only(el: etree._Element) -> str:
    """The text of an element that must hold nothing but text (a date, a meeting)."""
    for child in el:
        raise refuse(child, f"<{local(el)}>")
    return el.text or ""


class InlineReader:
    """Reads mixed content; ``numbers`` collects the text of ``docNumber`` elements it met."""

    def __init__(self) -> None:
        self.numbers: list[str] = []

    def read(self, el: etree._Element) -> list[Inline]:
        nodes: list[Inline] = [Text(el.text or "")]
        for child in el:
            if local(child) in TRANSPARENT:  # markup the model has no place for: its text is kept
                nodes.extend(self.read(child))
            else:
                nodes.append(self.one(child, el))
            nodes.append(Text(child.tail or ""))
        return joined(nodes)

    def one(self, el: etree._Element, parent: etree._Element) -> Inline:
        name = local(el)
        if name == "i":
            return Italic(self.read(el))
        if name == "ref":
            return Ref(el.get("href", ""), self.read(el))
        if name in ("date", "docDate"):
            if el.get("date") is None:
                raise ConversionError(f"<{name}> has no date attribute", line=el.sourceline)
            return DateRef(el.get("date"), text_only(el))
        if name == "event":
            return Event(text_only(el))
        if name == "sup" and len(el) == 1 and local(el[0]) == "authorialNote" and not (el.text or "").strip() \
                and not (el[0].tail or "").strip():
            return self.note(el[0])
        if name == "authorialNote":
            return self.note(el)
        if name == "docCommittee":
            return Text(text_only(el))
        if name == "docNumber":
            number = text_only(el)
            self.numbers.append(number)
            return Text(number)
        raise refuse(el, f"<{local(parent)}>")

    def note(self, el: etree._Element) -> Footnote:
        paragraphs = [child for child in el if local(child) == "p"]
        if len(paragraphs) != len(el) or len(paragraphs) > 1:
            wrong = [c for c in el if local(c) != "p"]
            raise refuse(wrong[0] if wrong else paragraphs[1], "<authorialNote> (a footnote is one <p>)")
        return Footnote(el.get("marker", ""), self.read(paragraphs[0]) if paragraphs else [])
