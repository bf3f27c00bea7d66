"""Read back, in ground-truth terms, what an AKN document says (used by the corpus tests).

Follows the element choices of the profile (docs/profile.md): title and number in the preface,
preambular containers, top-level paragraphs, points, authorial notes, conclusions, attachments.
"""
from __future__ import annotations

import re

from lxml import etree

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


def squash(el) -> str | None:
    return re.sub(r"\s+", " ", "".join(el.itertext())).strip() if el is not None else None


def first_words(s: str, n: int = 3) -> str:
    s = re.sub(r"[\u00b9\u00b2\u00b3\u2070-\u2079]", "", s or "")
    return " ".join(s.split()[:n]).strip(" ,;:.*")


def _text_without_notes(el) -> str:
    clone = etree.fromstring(etree.tostring(el))
    for note in clone.iterfind(".//a:authorialNote", NS):
        note.getparent().remove(note)
    return squash(clone) or ""


def observe(root) -> dict:
    doc = root[0]
    o: dict = {}
    title = doc.find(".//a:preface//a:docTitle", NS)
    num = title.getparent().find("./a:docNumber", NS) if title is not None else None
    if num is None:
        num = doc.find(".//a:preface//a:docNumber", NS)
    o["number"] = squash(num).rstrip(". ") if num is not None else None
    o["title"] = _text_without_notes(title) if title is not None else None
    o["adoption_date"] = doc.find("./a:meta/a:identification/a:FRBRWork/a:FRBRdate", NS).get("date")
    pre = doc.findall("./a:preamble/a:container", NS)
    o["preamble_count"] = len(pre)
    o["preamble_first_words"] = [first_words(squash(c)) for c in pre]
    paras = [p for p in doc.iterfind("./a:mainBody//a:paragraph", NS)
             if not any(etree.QName(a).localname in ("paragraph", "point") for a in p.iterancestors())]
    o["operative_nums"] = [(squash(p.find("./a:num", NS)) or "").rstrip(".") for p in paras]
    subs = {}
    for p, n in zip(paras, o["operative_nums"]):
        labels = []
        for pt in p.iterfind(".//a:point", NS):
            label = squash(pt.find("./a:num", NS)).strip("() .")
            parent = next((a for a in pt.iterancestors() if etree.QName(a).localname == "point"), None)
            if parent is not None:
                label = squash(parent.find("./a:num", NS)).strip("() .") + "." + label
            labels.append(label)
        if labels:
            subs[n] = labels
    o["subparagraphs"] = subs
    o["footnotes"] = len(root.findall(".//a:authorialNote", NS))
    ev = doc.find("./a:conclusions//a:event", NS)
    if ev is None:
        ev = doc.find("./a:preface//a:event", NS)
    o["closing_meeting"] = squash(ev)
    scope = ev.getparent().getparent() if ev is not None else doc.find("./a:conclusions", NS)
    date = None
    if scope is not None:
        date = scope.find(".//a:docDate", NS)
        if date is None:
            date = scope.find(".//a:date", NS)
    o["closing_date"] = date.get("date") if date is not None else None
    o["annexes"] = len(doc.findall("./a:attachments/a:attachment", NS))
    o.update(_masthead(doc))
    o["operative_first_words"] = [" ".join((squash(p.find(".//a:p", NS)) or "").split()[:3]) for p in paras]
    headings = []
    for part in doc.iter(*(f"{{{NS['a']}}}{t}" for t in ("section", "division", "subdivision", "chapter", "part", "hcontainer"))):
        heading = part.find("./a:heading", NS)
        if heading is not None:
            headings.append(" ".join(x for x in (squash(part.find("./a:num", NS)), squash(heading)) if x))
    o["sections_in_body"] = headings
    return o


_AGENDA_WORDS = re.compile(r"^(?:Agenda items?|Points? de l.ordre du jour|Temas? del programa)\s*", re.I)


def _masthead(doc) -> dict:
    """Session, agenda items, committee line and issue date, as the preface prints them."""
    o: dict = {"session": squash(doc.find("./a:preface//a:session", NS))}
    items: list[str] = []
    for el in doc.iterfind("./a:preface//a:inline[@name='agendaItem']", NS):
        listed = _AGENDA_WORDS.sub("", squash(el) or "")
        items += [x.strip() for x in re.split(r",\s*|\s+(?:and|et|y)\s+", listed) if x.strip()]
    o["agenda_items"] = items
    o["committee_line"] = None
    status = doc.find("./a:preface//a:docStatus/../..", NS)
    for p in status.iterfind("./a:p", NS) if status is not None else ():
        text = squash(p)
        if text and text.startswith("[") and text.endswith("]"):
            o["committee_line"] = text[1:-1].strip()
    o["issue_date"] = next((d.get("date") for d in doc.iterfind("./a:preface//a:docDate", NS)
                            if not any(etree.QName(a).localname == "docStatus" for a in d.iterancestors())), None)
    return o


#: the fields a masthead prints: a re-print as a web copy without its masthead cannot keep them
MASTHEAD_FIELDS = ("session", "agenda_items", "committee_line", "issue_date")
FIELDS = ["number", "title", "adoption_date", "preamble_count", "preamble_first_words", "operative_nums",
          "subparagraphs", "footnotes", "closing_meeting", "closing_date", "annexes", "session",
          "agenda_items", "committee_line", "issue_date", "operative_first_words", "sections_in_body"]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip().replace("\u2011", "-").replace("\u00ad", "")


def matches(field: str, want, got) -> bool:
    if got is None:
        return False
    if field in ("title", "closing_meeting", "number", "session", "committee_line"):
        return norm(want) == norm(got)
    if field == "preamble_first_words":
        return [first_words(w).lower() for w in want] == [w.lower() for w in got]
    if field == "operative_first_words":
        return [first_words(w).lower() for w in want] == [first_words(w).lower() for w in got]
    if field in ("sections_in_body", "agenda_items"):
        return [norm(w) for w in want] == [norm(w) for w in got]
    return want == got
