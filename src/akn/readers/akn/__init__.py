"""AKN reader: Akoma Ntoso 3.0 XML (the AKN4UN profile) -> the model.

Reads every document the AKN writer produces and any resolution AKN4UN allows, even where the
writer chooses otherwise: ``<p>`` directly in the preface, preamble or conclusions (as the
guidelines' own examples have it), Indigo-style ``paragraph/intro/subparagraph`` nesting, other
eId styles or none, other container names. What
the writer derives from the model (eIds, container names, IRIs of the document itself, TLC
references, ``refersTo``) is not read but derived again; everything the text says is read, and
an element that has no place in the model is an error naming it and its line (docs/text-format.md
lists what a round trip keeps). Parsing is safe against hostile XML (see :mod:`.safe`).
"""
from __future__ import annotations

from lxml import etree

from ...errors import ConversionError, MetadataError
from ...languages import get_language
from ...model import (
    Annex, BodyPart, Cell, DateRef, Inline, Item, MastheadLine, Metadata, Paragraph, PreambularParagraph,
    Resolution, Section, Table, Text, Vote, joined, plain_text,
)
from ...naming import ACTOR_BODIES
from .inlines import InlineReader, local, refuse
from .safe import MAX_BYTES, parse_xml

#: the levels another tool nests in a paragraph, read as its items
_SUBLEVELS = ("subparagraph", "paragraph", "point")

#: preface container -> {the only element of a line -> its masthead role}, and the role of a plain line
ROLE_ELEMENTS = {
    "masthead": ({"docAuthority": "organ", "docNumber": "symbol", "inline:documentSymbol": "symbol",
                  "inline:akn4un:distribution": "distribution", "docDate": "issue_date"}, "other"),
    "session": ({"session": "session", "inline:agendaItem": "agenda_item"}, "agenda_title"),
    "status": ({"docStatus": "status"}, "committee"),
    "adoption": ({}, "adoption"),
    "heading": ({}, "heading"),
}


def looks_like_xml(source: str | bytes) -> bool:
    """Whether an input is XML: its first non-blank character (after any BOM) is ``<``."""
    head = source[:4096]
    if isinstance(head, bytes):
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            head = head.decode("utf-16", errors="ignore")
        else:
            head = head.decode("utf-8", errors="ignore")
    return head.lstrip("\ufeff \t\r\n").startswith("<")


def read_akn(source: str | bytes, max_bytes: int = MAX_BYTES):
    """Read one resolution from AKN XML; returns a ``ReadResult`` (no warnings: nothing is guessed).
    ``max_bytes`` bounds the input's size (see :mod:`.safe`)."""
    from ..text import ReadResult

    root = parse_xml(source, max_bytes)
    if local(root) != "akomaNtoso":
        raise ConversionError(f"the root element is <{local(root)}>, not <akomaNtoso>", line=root.sourceline)
    docs = _elements(root, "<akomaNtoso>")
    if len(docs) != 1 or local(docs[0]) != "statement":
        raise ConversionError("akn reads Akoma Ntoso documents holding one <statement> (a resolution or decision)",
                              line=docs[0].sourceline if docs else root.sourceline)
    return ReadResult(_StatementReader().read(docs[0]))


def _elements(el: etree._Element, where: str) -> list[etree._Element]:
    """The children of a structural element; text outside a paragraph would be lost, so it is refused."""
    if (el.text or "").strip():
        raise ConversionError(f"text {el.text.strip()[:40]!r} directly in {where} cannot be represented",
                              line=el.sourceline)
    for child in el:
        if (child.tail or "").strip():
            raise ConversionError(f"text {child.tail.strip()[:40]!r} after <{local(child)}> cannot be represented",
                                  line=child.sourceline)
    return list(el)


def _only(el: etree._Element, name: str) -> etree._Element:
    """The single ``name`` child of ``el``."""
    children = _elements(el, f"<{local(el)}>")
    if not children:
        raise ConversionError(f"<{local(el)}> holds no <{name}>", line=el.sourceline)
    wrong = [c for c in children if local(c) != name]
    if wrong or len(children) > 1:
        raise refuse(wrong[0] if wrong else children[1], f"<{local(el)}> (one <{name}> expected)")
    return children[0]


class _StatementReader:
    """Reads one ``<statement>``; the inline reader remembers printed numbers for the title."""

    def __init__(self) -> None:
        self.inlines = InlineReader()

    def read(self, statement: etree._Element) -> Resolution:
        parts = {local(el): el for el in _elements(statement, "<statement>")}
        for el in _elements(statement, "<statement>"):
            if local(el) not in ("meta", "preface", "preamble", "mainBody", "conclusions", "attachments"):
                raise refuse(el, "<statement>")
        if "meta" not in parts or "mainBody" not in parts:
            raise ConversionError("<statement> needs <meta> and <mainBody>", line=statement.sourceline)
        res = Resolution(meta=Metadata())
        number = None
        if "preface" in parts:
            res.masthead, res.title, number = self.preface(parts["preface"])
        if "preamble" in parts:
            res.formula, res.preamble = self.preamble(parts["preamble"])
        res.body = self.body(parts["mainBody"])
        if "conclusions" in parts:
            res.closing = self.conclusions(parts["conclusions"])
        if "attachments" in parts:
            res.annexes = [self.annex(att) for att in _elements(parts["attachments"], "<attachments>")]
        # untitled (a Security Council heading): the number is the docNumber inside the heading line
        res.number = number or next(iter(self.inlines.numbers), None)
        res.meta = self.metadata(parts["meta"], statement, res)
        res.votes = self.votes(parts["meta"], res)
        return res

    # ------------------------------------------------------------------------------ meta

    def metadata(self, meta: etree._Element, statement: etree._Element, res: Resolution) -> Metadata:
        def attr(path: str, name: str) -> str | None:
            found = meta.find(path, {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"})
            return found.get(name) if found is not None else None

        adoption = attr("a:identification/a:FRBRWork/a:FRBRdate", "date")
        author = attr("a:identification/a:FRBRWork/a:FRBRauthor", "href") or ""
        work_uri = attr("a:identification/a:FRBRWork/a:FRBRuri", "value") or ""
        language = attr("a:identification/a:FRBRExpression/a:FRBRlanguage", "language") or "eng"
        published = attr("a:identification/a:FRBRManifestation/a:FRBRdate", "date")
        symbol = attr("a:publication", "number") or attr("a:publication", "showAs")
        if not adoption:
            raise MetadataError("<FRBRWork> gives no <FRBRdate> (the adoption date)", line=meta.sourceline)
        kind = "decision" if statement.get("name") == "decision" else "resolution"  # AKN4UN only suggests names
        body = _author_body(meta, author, work_uri)
        if body is None:
            raise MetadataError(f"<FRBRauthor href={author!r}> is not a UN organ akn knows", line=meta.sourceline)
        if not symbol:  # no <publication>: the symbol the organ gives a resolution of this number
            value = attr("a:identification/a:FRBRWork/a:FRBRnumber", "value")
            number = (attr("a:identification/a:FRBRWork/a:FRBRnumber", "showAs") or res.number
                      or (value.replace("-", "/").replace("_", " ") if value else None))
            prefix = {"GA": "A", "SC": "S", "ECOSOC": "E", "HRC": "A/HRC"}.get(body)
            symbol = f"{prefix}/{'DEC' if kind == 'decision' else 'RES'}/{number}" if number and prefix else None
        if not symbol:
            raise MetadataError("<publication> gives no number (the document symbol)", line=meta.sourceline)
        try:
            get_language(language)
        except KeyError:
            raise MetadataError(f"<FRBRlanguage language={language!r}> has no language table",
                                line=meta.sourceline) from None
        printed_issue = [n.date for line in res.masthead if line.role == "issue_date"
                         for n in line.children if isinstance(n, DateRef)]
        issue = published if published and (published != adoption or published in printed_issue) else None
        return Metadata(symbol=symbol, body=body, kind=kind, language=language,
                        adoption_date=adoption, issue_date=issue)

    def votes(self, meta: etree._Element, res: Resolution) -> list[Vote]:
        """Votes as the text states them; the analysis block is kept when the text does not say it."""
        lang = get_language(res.meta.language)
        runs = [res.formula, *res.closing, *(line.children for line in res.masthead)]
        stated = [Vote(*found) for run in runs for found in lang.find_votes(plain_text(run))]
        recorded = []
        for voting in meta.iter("{*}voting"):
            counts = {c.get("refersTo", "").lstrip("#"): c.get("value") for c in voting.iter("{*}count")}
            recorded.append(tuple(int(counts[k]) if counts.get(k, "").isdigit() else None
                                  for k in ("votesInFavour", "votesAgainst", "abstentions")))
        if recorded == [(v.in_favour, v.against, v.abstentions) for v in stated]:
            return stated
        return [Vote(*counts, text="") for counts in recorded]

    # --------------------------------------------------------------------------- preface

    def preface(self, preface: etree._Element) -> tuple[list[MastheadLine], list[Inline], str | None]:
        masthead: list[MastheadLine] = []
        title: list[Inline] = []
        number = None
        for container in _elements(preface, "<preface>"):
            name = container.get("name", "")
            if local(container) == "p":  # AKN4UN's own examples: <preface><p><docNumber>…
                if any(local(c) == "docTitle" for c in container) and not title:
                    number, title = self.title(container)
                else:
                    masthead.append(MastheadLine("other", self.inlines.read(container)))
                continue
            if local(container) != "container":
                raise refuse(container, "<preface>")
            if name == "title":
                number, title = self.title(_only(container, "p"))
            else:  # a part akn names (masthead, session...), or another tool's: plain masthead lines
                for p in _elements(container, f"<container name={name!r}>"):
                    if local(p) != "p":
                        raise refuse(p, f"<container name={name!r}>")
                    if any(local(c) == "docTitle" for c in p) and not title:
                        number, title = self.title(p)
                    elif name in ROLE_ELEMENTS:
                        masthead.append(self.masthead_line(name, p))
                    else:
                        masthead.append(MastheadLine("other", self.inlines.read(p)))
        return masthead, title, number

    def masthead_line(self, container: str, p: etree._Element) -> MastheadLine:
        roles, plain_role = ROLE_ELEMENTS[container]
        children = list(p)
        if len(children) == 1 and not (p.text or "").strip() and not (children[0].tail or "").strip():
            el = children[0]
            key = local(el) if local(el) != "inline" else f"inline:{el.get('name', '')}"
            role = roles.get(key)
            if role == "issue_date":
                return MastheadLine(role, [self.inlines.one(el, p)])
            if role:
                return MastheadLine(role, self._wrapped(el))
        return MastheadLine(plain_role, self._wrapped(p))

    def _wrapped(self, el: etree._Element) -> list[Inline]:
        """The inlines inside an element whose own markup the role restates (docStatus, session...)."""
        children = [Text(el.text or "")]
        for child in el:
            children += [self.inlines.one(child, el), Text(child.tail or "")]
        return joined(children)

    def title(self, p: etree._Element) -> tuple[str | None, list[Inline]]:
        children = list(p)
        names = [local(c) for c in children]
        if names == ["docTitle"] and not (p.text or "").strip():
            return None, self.inlines.read(children[0])
        if names == ["docNumber", "docTitle"] and children[0].tail == ". " and not (p.text or "").strip():
            return children[0].text or "", self.inlines.read(children[1])
        # AKN4UN's examples also write <docNumber>70/1.</docNumber> <docTitle>
        if names == ["docNumber", "docTitle"] and not (p.text or "").strip() and (children[0].tail or "").strip() in ("", "."):
            return (children[0].text or "").strip().rstrip("."), self.inlines.read(children[1])
        raise ConversionError("the title container holds '<docNumber>N</docNumber>. <docTitle>…</docTitle>'",
                              line=p.sourceline)

    # --------------------------------------------------------------------------- preamble

    def preamble(self, preamble: etree._Element) -> tuple[list[Inline], list[PreambularParagraph]]:
        formula: list[Inline] = []
        paragraphs = []
        for el in _elements(preamble, "<preamble>"):
            if local(el) == "formula":
                formula = self.inlines.read(_only(el, "p"))
            elif local(el) == "container":  # one paragraph; another tool's several <p> are several
                for p in _elements(el, "<container> in <preamble>"):
                    if local(p) != "p":
                        raise refuse(p, "<container> in <preamble>")
                    paragraphs.append(PreambularParagraph(self.inlines.read(p)))
            elif local(el) == "p":  # a preambular paragraph without its container (AKN4UN Part 3 §1.5.1)
                paragraphs.append(PreambularParagraph(self.inlines.read(el)))
            else:
                raise refuse(el, "<preamble>")
        return formula, paragraphs

    # ------------------------------------------------------------------------------ body

    def body(self, main: etree._Element) -> list[BodyPart]:
        children = _elements(main, f"<{local(main)}>")
        if [local(c) for c in children] == ["p"] and not len(children[0]) and not (children[0].text or "").strip():
            return []  # the writer's placeholder for an empty body
        return self.parts(children, f"<{local(main)}>")

    def parts(self, elements: list[etree._Element], where: str) -> list[BodyPart]:
        out: list[BodyPart] = []
        for el in elements:
            name = local(el)
            if name == "paragraph":
                out.append(self.paragraph(el))
            elif name in ("section", "division"):
                out.append(self.section(el))
            else:
                raise refuse(el, where)
        return out

    def section(self, el: etree._Element) -> Section:
        children = _elements(el, f"<{local(el)}>")
        num = None
        if children and local(children[0]) == "num":
            num = _num(children.pop(0))
        if not children or local(children[0]) != "heading":
            raise ConversionError(f"<{local(el)}> has no <heading>", line=el.sourceline)
        heading = self.inlines.read(children.pop(0))
        preamble = []  # a part's own preambular paragraphs (AKN4UN: crossHeading refersTo="#preamble")
        while children and local(children[0]) == "crossHeading" and children[0].get("refersTo") == "#preamble":
            preamble.append(PreambularParagraph(self.inlines.read(children.pop(0))))
        if [local(c) for c in children] == ["intro"] and _is_empty_intro(children[0]):
            children = []  # the writer's placeholder under a heading with nothing under it
        return Section(num, heading, self.parts(children, f"<{local(el)}>"), preamble)

    def paragraph(self, el: etree._Element) -> Paragraph:
        num, rest = self._numbered(el)
        if [local(c) for c in rest] == ["content"]:
            return self.content(num, rest[0])
        if [local(c) for c in rest] == ["list"]:
            intro, items = self.item_list(rest[0])
            return Paragraph(num, intro, items)
        if rest and all(local(c) in _SUBLEVELS for c in rest[1 if local(rest[0]) == "intro" else 0:]):
            intro, items = self.sublevels(rest)  # Indigo style: <intro>, then <subparagraph>s
            return Paragraph(num, intro, items)
        raise refuse(rest[0] if rest else el, "<paragraph> (one <content>, a <list>, or <intro> and <subparagraph>s expected)")

    def content(self, num: str | None, content: etree._Element) -> Paragraph:
        """A paragraph's <content>: its <p>, then any <table>s printed after it."""
        children = _elements(content, "<content>")
        wrong = [c for k, c in enumerate(children) if local(c) != ("p" if k == 0 else "table")]
        if not children or wrong:
            raise refuse(wrong[0] if wrong else content, "<content> (one <p>, then <table>s, expected)")
        return Paragraph(num, self.inlines.read(children[0]), tables=[self.table(t) for t in children[1:]])

    def table(self, table: etree._Element) -> Table:
        """Rows of <th>/<td> cells, each holding one <p> (<thead>/<tbody> are not written; refused)."""
        rows = []
        for tr in _elements(table, "<table>"):
            if local(tr) != "tr":
                raise refuse(tr, "<table> (<tr> rows expected)")
            row = []
            for cell in _elements(tr, "<tr>"):
                if local(cell) not in ("th", "td"):
                    raise refuse(cell, "<tr> (<th> or <td> cells expected)")
                row.append(Cell(self.inlines.read(_only(cell, "p")), local(cell) == "th",
                                _span(cell, "colspan"), _span(cell, "rowspan")))
            rows.append(row)
        return Table(rows)

    def sublevels(self, children: list[etree._Element]) -> tuple[list[Inline], list[Item]]:
        """An optional <intro> and numbered <subparagraph>s (or nested <paragraph>s, <point>s): items."""
        intro: list[Inline] = []
        if children and local(children[0]) == "intro":
            intro = self.inlines.read(_only(children[0], "p"))
            children = children[1:]
        items = []
        for sub in children:
            num, rest = self._numbered(sub)
            if num is None:
                raise ConversionError(f"<{local(sub)}> has no <num>", line=sub.sourceline)
            label = num.strip()
            label = label[1:-1] if label.startswith("(") and label.endswith(")") else label.rstrip(".")
            if [local(c) for c in rest] == ["content"]:
                items.append(Item(label, self.inlines.read(_only(rest[0], "p"))))
            elif [local(c) for c in rest] == ["list"]:
                chapeau, nested = self.item_list(rest[0])
                items.append(Item(label, chapeau, nested))
            elif rest and all(local(c) in _SUBLEVELS for c in rest[1 if local(rest[0]) == "intro" else 0:]):
                chapeau, nested = self.sublevels(rest)
                items.append(Item(label, chapeau, nested))
            else:
                raise refuse(rest[0] if rest else sub, f"<{local(sub)}> (one <content>, a <list>, or <intro> and sub-levels expected)")
        return intro, items

    def item_list(self, lst: etree._Element) -> tuple[list[Inline], list[Item]]:
        children = _elements(lst, "<list>")
        intro: list[Inline] = []
        if children and local(children[0]) == "intro":
            intro = self.inlines.read(_only(children.pop(0), "p"))
        items = []
        for point in children:
            if local(point) != "point":
                raise refuse(point, "<list>")
            num, rest = self._numbered(point)
            if num is None:
                raise ConversionError("<point> has no <num>", line=point.sourceline)
            label = num[1:-1] if num.startswith("(") and num.endswith(")") else num
            if [local(c) for c in rest] == ["content"]:
                items.append(Item(label, self.inlines.read(_only(rest[0], "p"))))
            elif [local(c) for c in rest] == ["list"]:
                chapeau, sub = self.item_list(rest[0])
                items.append(Item(label, chapeau, sub))
            else:
                raise refuse(rest[0] if rest else point, "<point> (one <content> or <list> expected)")
        return intro, items

    def _numbered(self, el: etree._Element) -> tuple[str | None, list[etree._Element]]:
        children = _elements(el, f"<{local(el)}>")
        if children and local(children[0]) == "num":
            return _num(children[0]) if local(el) != "point" else (children[0].text or "").strip(), children[1:]
        return None, children

    # --------------------------------------------------------------------- after the body

    def conclusions(self, conclusions: etree._Element) -> list[list[Inline]]:
        lines = []
        for container in _elements(conclusions, "<conclusions>"):
            if local(container) == "p":
                lines.append(self.inlines.read(container))
                continue
            if local(container) != "container":
                raise refuse(container, "<conclusions>")
            for p in _elements(container, "<container>"):
                if local(p) != "p":
                    raise refuse(p, "<container> in <conclusions>")
                lines.append(self.inlines.read(p))
        return lines

    def annex(self, attachment: etree._Element) -> Annex:
        if local(attachment) != "attachment":
            raise refuse(attachment, "<attachments>")
        doc = _only(attachment, "doc")
        parts = {local(c): c for c in _elements(doc, "<doc>")}
        for c in _elements(doc, "<doc>"):
            if local(c) not in ("meta", "preface", "mainBody"):
                raise refuse(c, "<doc name='annex'>")
        heading, title = "", []
        if "preface" in parts:
            lines = _elements(_only(parts["preface"], "container"), "<container name='heading'>")
            if not lines or len(lines) > 2 or any(local(p) != "p" for p in lines) or len(lines[0]):
                raise ConversionError("an annex heading is '<p>Annex</p>' and an optional '<p><docTitle>'",
                                      line=parts["preface"].sourceline)
            heading = lines[0].text or ""
            if len(lines) == 2:
                title = self.inlines.read(_only(lines[1], "docTitle"))
        body = self.body(parts["mainBody"]) if "mainBody" in parts else []
        return Annex(heading, title, body)


def _author_body(meta: etree._Element, author: str, work_uri: str) -> str | None:
    """The organ of the Work's author: its TLC entry's eId, that entry's IRI end point, or the
    Work IRI's actor (other tools name the entry as they like, ``#ga`` or ``#unga``)."""
    candidates = [author.lstrip("#")]
    for entry in meta.iter("{*}TLCOrganization"):
        if entry.get("eId") == author.lstrip("#"):
            candidates.append((entry.get("href") or "").rstrip("/").rsplit("/", 1)[-1])
    parts = work_uri.split("/")
    if len(parts) > 5:
        candidates.append(parts[5])
    return next((ACTOR_BODIES[c] for c in candidates if c in ACTOR_BODIES), None)


def _num(el: etree._Element) -> str:
    """A printed number without its final full stop: ``7.`` -> ``7``."""
    text = (el.text or "").strip()
    return text[:-1] if text.endswith(".") else text


def _span(cell: etree._Element, name: str) -> int:
    """A cell's colspan or rowspan: 1 when absent or not a positive number."""
    value = (cell.get(name) or "1").strip()
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _is_empty_intro(el: etree._Element) -> bool:
    return len(el) == 1 and local(el[0]) == "p" and not len(el[0]) and not (el[0].text or "").strip()
