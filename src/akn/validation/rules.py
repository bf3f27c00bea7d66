"""The AKN4UN and house rules, checked in Python in one pass over the document.

Each check yields ``(rule id, element, message)``; the rule's level (and so whether it is an error
or a warning for a profile) is in :mod:`.levels`, never here. Checks visit each element a bounded
number of times (siblings and ancestors only, positions counted once), so the cost grows with the
document's size, not its square. The rules assume nothing the XSD guarantees: a document the
schema rejects is still checked, and a missing element means a skipped check, not an exception.

Suggested fixes are computed from the document's own structure (the position of a container,
the eId the enclosing element should have), or left out when the document does not say enough.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ..naming import eid_num, lower_camel
from .codes import ALPHA_2, ISO_639_2

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = "{" + NS + "}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NS = {"a": NS}

Finding = tuple[str, etree._Element, str]

#: citations of the AKN4UN guidelines (https://unsceb-hlcm.github.io): Part 1 §5 metadata, §6 naming;
#: Part 3 the General Assembly resolution model
P1_META, P1_AUTHOR, P1_LANG, P1_SUBTYPE = "AKN4UN Part 1 §5.1", "AKN4UN Part 1 §5.1.2", "AKN4UN Part 1 §5.1.5", "AKN4UN Part 1 §5.1.8"
P1_IRI, P1_REF, P1_URL = "AKN4UN Part 1 §6.1", "AKN4UN Part 1 §6.4", "AKN4UN Part 1 §6.5"
P3_TYPE, P3_PREFACE, P3_BODY, P3_CLOSING, P3_ANNEX = ("AKN4UN Part 3 §1.2", "AKN4UN Part 3 §1.4", "AKN4UN Part 3 §1.6",
                                                      "AKN4UN Part 3 §1.7", "AKN4UN Part 3 §1.8.2")
HOUSE = "akn house convention, docs/profile.md"

#: elements that carry an eId under the house conventions, and so scope the eIds inside them
_SCOPES = frozenset({"paragraph", "section", "division", "list", "point", "attachment", "crossHeading"})


def local(el) -> str:
    tag = el.tag
    return tag[len(A):] if isinstance(tag, str) and tag.startswith(A) else ""


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def _num_of(el) -> str | None:
    num = el.find(A + "num")
    return _norm("".join(num.itertext())) if num is not None else None


def _decimal(text: str) -> bool:
    """ASCII digits only: ``str.isdigit`` also accepts '¹' or '²', which ``int`` refuses (a
    superscript footnote marker is text, not a number to count from)."""
    return text.isascii() and text.isdigit()


def _kids(el, name: str) -> list:
    return [c for c in el if c.tag == A + name]


class Document:
    """What the rules look up: the main document's identification, the TLC entries, every eId."""

    def __init__(self, root: etree._Element):
        self.root = root
        docs = [c for c in root if isinstance(c.tag, str)]
        self.doc = docs[0] if docs else None
        ident = self.doc.find(f"{A}meta/{A}identification") if self.doc is not None else None
        self.ident = ident

        def attr(path: str, name: str) -> str:
            el = ident.find(path) if ident is not None else None
            return (el.get(name) or "") if el is not None else ""

        self.work_uri = attr(f"{A}FRBRWork/{A}FRBRuri", "value")
        self.adoption = attr(f"{A}FRBRWork/{A}FRBRdate", "date")
        self.number_shown = _norm(attr(f"{A}FRBRWork/{A}FRBRnumber", "showAs"))
        self.lang = attr(f"{A}FRBRExpression/{A}FRBRlanguage", "language")
        self.format = attr(f"{A}FRBRManifestation/{A}FRBRformat", "value")
        self.lang_tag = ALPHA_2.get(self.lang, self.lang)
        self.eids: set[str] = set()
        self.tlc: dict[str, str] = {}  # eId of an entry of any <references> -> its element name
        self.wanted: dict = {}  # element -> the eId the house conventions want (filled by the body walk)
        self.eids.update(map(str, root.xpath("descendant-or-self::a:*/@eId", namespaces=_NS)))
        for refs in root.iter(A + "references"):
            for entry in refs:
                if isinstance(entry.tag, str) and entry.get("eId"):
                    self.tlc[entry.get("eId")] = local(entry)


def check(root: etree._Element) -> list[Finding]:
    """Every AKN4UN and house finding of a parsed document."""
    d = Document(root)
    if d.doc is None:
        return []
    out: list[Finding] = []
    out += _document(d)
    out += _identification(d)
    out += _parts(d)
    out += _bodies(d)
    out += _notes(d)
    out += _pointers(d)
    return out


# ------------------------------------------------------------------------------- document


def _document(d: Document) -> Iterator[Finding]:
    doc = d.doc
    if local(doc) != "statement":
        yield ("doc-type", doc, f"The document is <{etree.QName(doc).localname}>; AKN4UN models a resolution "
                                f"or decision as <statement> ({P3_TYPE})")
    elif doc.get("name") not in ("resolution", "decision"):
        yield ("doc-name", doc, f"The document is <statement name=\"{doc.get('name')}\">; akn writes "
                                f"name=\"resolution\" or name=\"decision\" ({HOUSE}; {P3_TYPE} suggests names)")


# ------------------------------------------------------------------------- identification


def _identification(d: Document) -> Iterator[Finding]:
    for work in d.root.iter(A + "FRBRWork"):
        annex = next(work.iterancestors(A + "attachment"), None)
        uri_el = work.find(A + "FRBRuri")
        uri = uri_el.get("value", "") if uri_el is not None else ""
        if annex is not None:
            if d.work_uri and uri != d.work_uri:
                yield ("annex-work-uri", work, f"The annex's Work FRBRuri is '{uri}'; an annex belongs to the Work "
                                               f"of the document holding it, '{d.work_uri}' ({P3_ANNEX})")
            continue
        yield from _work(d, work, uri)
    for el in d.root.iter(A + "FRBRthis"):
        yield from _frbr_this(d, el)
    for uri in d.root.iter(A + "FRBRuri"):
        level = local(uri.getparent())
        if level == "FRBRExpression":
            yield from _expression_uri(uri)
        elif level == "FRBRManifestation":
            yield from _manifestation_uri(d, uri)
    for number in d.root.iter(A + "FRBRnumber"):
        shown = _norm(number.get("showAs"))
        if not shown:
            continue
        plain = shown.replace("/", "-").replace(" ", "_")
        no_year = re.sub(r"\s*\(\d{4}\)$", "", shown).replace("/", "-").replace(" ", "_")
        if number.get("value") not in (plain, no_year):
            yield ("work-number", number, f"FRBRnumber value '{number.get('value')}' does not match showAs '{shown}': "
                                          f"with '/' as '-' and spaces as '_' it is '{no_year}' ({P1_IRI})")
    for language in d.root.iter(A + "FRBRlanguage"):
        code = language.get("language", "")
        if code not in ISO_639_2:
            yield ("language-code", language, f"FRBRlanguage '{code}' is not an ISO 639-2 alpha-3 code such as eng, "
                                              f"fra, spa, rus, ara, zho ({P1_LANG})")
    for author in d.root.iter(A + "FRBRauthor"):
        href = author.get("href", "")
        if not (href.startswith("#") and d.tlc.get(href[1:]) in ("TLCOrganization", "TLCPerson")):
            yield ("author-target", author, f"FRBRauthor href '{href}' names no TLCOrganization or TLCPerson in "
                                            f"<references>; add <TLCOrganization eId=\"{href.lstrip('#')}\" href=\"…\" "
                                            f"showAs=\"…\"/> ({P1_AUTHOR})")


def _work(d: Document, work, uri: str) -> Iterator[Finding]:
    def value(name: str, attr: str = "value") -> str | None:
        el = work.find(A + name)
        return el.get(attr) if el is not None else None

    parts = uri.split("/")  # '', 'akn', country, type, subtype, actor, date, number...
    author_href = value("FRBRauthor", "href") or ""
    author = d.tlc.get(author_href[1:]) and next((e for e in d.root.iter(A + "TLCOrganization", A + "TLCPerson")
                                                   if e.get("eId") == author_href[1:]), None)
    author_end = (author.get("href") or "").rstrip("/").rsplit("/", 1)[-1].strip() if author is not None else ""
    actor = parts[5] if len(parts) > 5 and parts[5] else author_end
    country = value("FRBRcountry") or (parts[2] if len(parts) > 2 else "")
    subtype = value("FRBRsubtype") or (parts[4] if len(parts) > 4 else "")
    number = value("FRBRnumber") or ("/".join(parts[7:]) if len(parts) > 7 else "")
    date = value("FRBRdate", "date") or ""
    expected = f"/akn/{country}/{local(d.doc)}/{subtype}/{actor}/{date}/{number}"
    if uri != expected:
        yield ("work-uri", work, f"The Work FRBRuri '{uri}' disagrees with the Work's FRBRcountry, document type, "
                                 f"FRBRsubtype, FRBRauthor, FRBRdate or FRBRnumber: from them it is '{expected}' ({P1_IRI})")
    if author is not None and actor and author_end != actor:
        yield ("work-actor", work, f"The actor '{actor}' in the Work FRBRuri is not the end point of the author's TLC "
                                   f"href '{author.get('href')}'; make them the same ({P1_IRI})")
    if actor not in ("un-ga", "un-sc", "un-ecosoc", "un-hrc"):
        yield ("work-actor-known", work, f"The actor '{actor}' is none of un-ga, un-sc, un-ecosoc, un-hrc, the actors "
                                         f"akn writes ({HOUSE})")
    if value("FRBRcountry") != "un" or value("FRBRsubtype") != "deliberation":
        yield ("work-subtype", work, f"The Work has FRBRcountry '{value('FRBRcountry') or ''}' and FRBRsubtype "
                                     f"'{value('FRBRsubtype') or ''}'; a UN resolution has 'un' ({P1_META}) and "
                                     f"'deliberation' ({P1_SUBTYPE})")


def _frbr_this(d: Document, el) -> Iterator[Finding]:
    level = el.getparent()
    name = local(level)
    attachment = next(el.iterancestors(A + "attachment"), None)
    if attachment is not None:
        k = 1 + sum(1 for s in attachment.itersiblings(A + "attachment", preceding=True))
        component = f"annex_{k}"
    else:
        component = "main"
    if name == "FRBRManifestation":
        expression = level.getparent().find(f"{A}FRBRExpression/{A}FRBRuri")
        base = expression.get("value", "") if expression is not None else ""
        fmt_el = level.find(A + "FRBRformat")
        own_uri = level.find(A + "FRBRuri")
        from_uri = re.search(r"/\.([A-Za-z0-9]{2,5})$", own_uri.get("value", "")) if own_uri is not None else None
        fmt = (fmt_el.get("value") if fmt_el is not None else None) or d.format or (from_uri.group(1) if from_uri else "")
        expected = f"{base}/!{component}.{fmt}" if fmt else None
        ok = el.get("value") == expected if fmt else (el.get("value") or "").startswith(f"{base}/!{component}.")
    else:
        uri = level.find(A + "FRBRuri")
        base = uri.get("value", "") if uri is not None else ""
        expected = f"{base}/!{component}"
        ok = el.get("value") == expected
    if not ok:
        what = name.replace("FRBR", "")
        fix = (f"from its FRBRuri and the component '!{component}' it is '{expected}'" if expected else
               f"it is the Expression FRBRuri, '/!{component}', '.' and the format (the document names no format)")
        yield ("frbr-this", el, f"The {what} FRBRthis is '{el.get('value')}'; {fix} ({HOUSE}, after {P1_IRI})")


def _expression_uri(uri) -> Iterator[Finding]:
    level = uri.getparent()
    work = level.getparent().find(f"{A}FRBRWork/{A}FRBRuri")
    language = level.find(A + "FRBRlanguage")
    if work is None or language is None:
        return
    prefix = f"{work.get('value', '')}/{language.get('language', '')}@"
    value = uri.get("value", "")
    rest = value[len(prefix):] if value.startswith(prefix) else None
    if rest is None or not re.fullmatch(r"[0-9A-Za-z;:.\-]*", rest):
        yield ("expression-uri", uri, f"The Expression FRBRuri '{value}' should be the Work FRBRuri, '/', the "
                                      f"FRBRlanguage and '@' (a version date may follow): '{prefix}' ({P1_IRI})")


def _manifestation_uri(d: Document, uri) -> Iterator[Finding]:
    level = uri.getparent()
    expression = level.getparent().find(f"{A}FRBRExpression/{A}FRBRuri")
    if expression is None:
        return
    base = expression.get("value", "")
    fmt_el = level.find(A + "FRBRformat")
    fmt = (fmt_el.get("value") if fmt_el is not None else None) or d.format
    value = uri.get("value", "")
    if fmt:
        if value != f"{base}/.{fmt}":
            yield ("manifestation-uri", uri, f"The Manifestation FRBRuri '{value}' should be the Expression FRBRuri, "
                                             f"'/.' and the format: '{base}/.{fmt}' ({P1_IRI})")
    elif not re.fullmatch(re.escape(base) + r"/\.[A-Za-z0-9]{2,5}", value):
        yield ("manifestation-uri", uri, f"The Manifestation FRBRuri '{value}' should be the Expression FRBRuri "
                                         f"'{base}', '/.' and the format, such as '.xml' ({P1_IRI})")


# ------------------------------------------------------------- preface, preamble, closing


def _parts(d: Document) -> Iterator[Finding]:
    root = d.root
    for date in root.iter(A + "docDate", A + "date"):
        if date.get("refersTo") == "#adoptionDate" and d.adoption and date.get("date") != d.adoption:
            yield ("adoption-date", date, f"The adoption date printed here is {date.get('date')} but the Work's "
                                          f"FRBRdate is {d.adoption}; one of them is wrong ({P1_IRI}, {P3_CLOSING})")
    for conclusions in root.iter(A + "conclusions"):
        if not any(e.get("refersTo") for e in conclusions.iter(A + "event")):
            yield ("conclusions-meeting", conclusions, f"The conclusions name no meeting: akn marks the printed meeting "
                                                       f"as <event refersTo=\"#…\"> ({HOUSE}; {P3_CLOSING} makes it optional)")
        if not any(e.get("refersTo") == "#adoptionDate" for e in conclusions.iter(A + "docDate", A + "date")):
            yield ("conclusions-date", conclusions, "The conclusions carry no adoption date: if the document prints one "
                                                    "there, mark it <docDate date=\"…\" refersTo=\"#adoptionDate\"> "
                                                    f"({HOUSE})")
    for number in root.iter(A + "docNumber"):
        following = number.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()
        if following is None or following.tag != A + "docTitle" or next(number.iterancestors(A + "attachment"), None) is not None:
            continue
        printed = _norm("".join(number.itertext()))
        if d.number_shown and printed != d.number_shown:
            yield ("number-title", number, f"The number before the title is '{printed}' but FRBRnumber shows "
                                           f"'{d.number_shown}' ({HOUSE})")
    for preamble in root.iter(A + "preamble"):
        first = next((c for c in preamble if isinstance(c.tag, str)), None)
        if first is None or first.tag != A + "formula" or first.get("name") != "enactingFormula":
            yield ("formula", preamble, "The preamble does not open with <formula name=\"enactingFormula\"> holding "
                                        f"\"The General Assembly,\" ({HOUSE}; AKN4UN uses enactingFormula, "
                                        "enactingAuthority and akn4un: forms)")
        for k, container in enumerate(_kids(preamble, "container"), start=1):
            want = f"preamble__container_{k}"
            if container.get("eId") != want:
                have = f"'{container.get('eId')}'" if container.get("eId") is not None else "missing"
                yield ("eid-preamble", container, f"Preambular container eId {have}: akn numbers preambular containers "
                                                  f"in order, so this one is '{want}' ({HOUSE}; AKN4UN gives them no eId)")
            yield from _preamble_name(container)
    for attachments in root.iter(A + "attachments"):
        for k, attachment in enumerate(_kids(attachments, "attachment"), start=1):
            if attachment.get("eId") != f"att_{k}":
                yield ("eid-attachment", attachment, f"Attachment eId '{attachment.get('eId') or ''}' should be "
                                                     f"'att_{k}' ({HOUSE})")


def _preamble_name(container) -> Iterator[Finding]:
    p = container.find(A + "p")
    phrase = p[0] if p is not None and len(p) and p[0].tag == A + "i" and not (p.text or "").strip() else None
    if phrase is not None and next(phrase.iter(A + "authorialNote"), None) is not None:
        return
    want = lower_camel("".join(phrase.itertext())) if phrase is not None else "preambularParagraph"
    if (container.get("name") or "").lower() != want.lower():
        what = f"its initial italic phrase '{_norm(''.join(phrase.itertext()))}'" if phrase is not None else "it has no initial italic phrase"
        yield ("preamble-name", container, f"Preambular container name '{container.get('name')}' should be '{want}': "
                                           f"{what}, in lowerCamelCase ('preambularParagraph' when there is none) ({HOUSE})")


# -------------------------------------------------------------------------- bodies, eIds


def _bodies(d: Document) -> Iterator[Finding]:
    """Paragraph numbering and the eIds of paragraphs, headings, lists and points, body by body."""
    for body in d.root.iter(A + "mainBody"):
        attachment = next(body.iterancestors(A + "attachment"), None)
        if attachment is not None:
            k = 1 + sum(1 for _ in attachment.itersiblings(A + "attachment", preceding=True))
            prefix = f"att_{k}__"
        else:
            prefix = ""
        walker = _BodyWalker(d, prefix)
        walker.in_parts = attachment is None and any(_has_own_preamble(c) for c in body)
        walker.walk(body, prefix, prefix)
        yield from walker.findings
        for run in walker.runs:
            yield from _numbering(run)


def _has_own_preamble(el) -> bool:
    """A part of a resolution in parts: a section opening with crossHeadings that refer to the preamble."""
    return local(el) in ("section", "division") and any(
        local(c) == "crossHeading" and c.get("refersTo") == "#preamble" for c in el)


def _taken_variant(actual: str | None, want: str, eids: set[str]) -> bool:
    """``want-2``, ``want-3``…: the writer's form when ``want`` is already another element's eId."""
    if actual is None or not actual.startswith(want + "-"):
        return False
    return _decimal(actual[len(want) + 1:]) and want in eids


class _BodyWalker:
    """Walks one body in document order, giving each element the eId the house conventions want
    (from its enclosing elements' wanted eIds, so a document without eIds gets right suggestions)."""

    def __init__(self, d: Document, prefix: str):
        self.d = d
        self.findings: list[Finding] = []
        self.runs: list[list] = [[]]  # top-level paragraphs in order, for the numbering rules: one run,
        # or in a resolution in parts one per part (each numbers from 1; its paragraphs carry its eId)
        self.in_parts = False
        self.counts = {"para": 0, "dvs": 0}
        self.wanted = d.wanted

    def walk(self, el, prefix: str, heading_prefix: str, owner: tuple[str, str | None] | None = None,
             in_paragraph: bool = False) -> None:
        for child in el:
            name = local(child)
            if not name:
                continue
            if name in ("section", "division") and not in_paragraph:
                num = _num_of(child)
                if name == "section":
                    want = f"{heading_prefix}sec_{eid_num(num or '')}"
                else:
                    self.counts["dvs"] += 1
                    want = f"{heading_prefix}dvs_{self.counts['dvs']}"
                self._check("eid-section", child, want, f"{name.capitalize()} eId", "the enclosing heading's eId, '__', "
                            "then sec_{num} (dvs_N for an unnumbered heading)")
                if self.in_parts and local(el) == "mainBody":  # a part: numbered from 1, its eId the prefix
                    # its paragraphs and its unnumbered headings count from 1, as the writer numbers them
                    outer, self.counts = self.counts, {"para": 0, "dvs": 0}
                    self.runs.append([])
                    self.walk(child, self._scope_of(child) + "__", self._scope_of(child) + "__", None, False)
                    self.runs.append([])
                    self.counts = outer
                else:
                    self.walk(child, prefix, self._scope_of(child) + "__", None, False)
            elif name == "paragraph" and not in_paragraph:
                self.counts["para"] += 1
                num = _num_of(child)
                want = f"{prefix}para_{eid_num(num) if num else self.counts['para']}"
                self.runs[-1].append((child, num))
                self._check("eid-para", child, want, "Paragraph eId", "para_ and its <num>, or its position when "
                            "unnumbered ('-2', '-3'… only when that eId is taken); inside an annex after att_N__")
                self.walk(child, prefix, heading_prefix, None, True)
            elif name == "list" and in_paragraph:
                owner_el = next((a for a in child.iterancestors(A + "paragraph", A + "point")), None)
                if owner_el is not None:
                    lists = [c for c in owner_el.iter(A + "list")
                             if next(c.iterancestors(A + "paragraph", A + "point"), None) is owner_el]
                    k = next((i for i, c in enumerate(lists, start=1) if c is child), 1)
                    want = f"{self._scope_of(owner_el)}__list_{k}"
                    self._check("eid-list", child, want, "List eId", "the paragraph's or point's eId, then __list_N",
                                alt=f"{owner_el.get('eId')}__list_{k}" if owner_el.get("eId") else None)
                self.walk(child, prefix, heading_prefix, None, True)
            elif name == "table" and in_paragraph:
                owner_el = next(child.iterancestors(A + "paragraph"), None)
                if owner_el is not None:
                    tables = [c for c in owner_el.iter(A + "table")
                              if next(c.iterancestors(A + "paragraph"), None) is owner_el]
                    k = next((i for i, c in enumerate(tables, start=1) if c is child), 1)
                    self._check("eid-table", child, f"{self._scope_of(owner_el)}__table_{k}", "Table eId",
                                "the paragraph's eId, then __table_N",
                                alt=f"{owner_el.get('eId')}__table_{k}" if owner_el.get("eId") else None)
                self.walk(child, prefix, heading_prefix, None, True)
            elif name == "point" and in_paragraph and local(el) == "list":
                want = f"{self._scope_of(el)}__point_{eid_num(_num_of(child) or '')}"
                self._check("eid-point", child, want, "Point eId", "the list's eId, then __point_ and the <num> "
                            "without brackets", alt=f"{el.get('eId')}__point_{eid_num(_num_of(child) or '')}"
                            if el.get("eId") else None)
                self.walk(child, prefix, heading_prefix, None, True)
            else:
                self.walk(child, prefix, heading_prefix, None, in_paragraph)

    def _scope_of(self, el) -> str:
        """The eId an element should have (falling back on the one it has)."""
        return self.wanted.get(el) or el.get("eId") or ""

    def _check(self, rule: str, el, want: str, what: str, form: str, alt: str | None = None) -> None:
        actual = el.get("eId")
        if actual is not None and actual in (want, alt) or _taken_variant(actual, want, self.d.eids) or (
                alt and _taken_variant(actual, alt, self.d.eids)):
            self.wanted[el] = actual  # right as it is: what the eIds inside it extend
            return
        self.wanted[el] = want
        have = f"'{actual}'" if actual is not None else "missing"
        self.findings.append((rule, el, f"{what} {have} should be '{want}': {form} ({HOUSE}, after AKN4UN Part 1 §6.3)"))


def _numbering(paragraphs: list) -> Iterator[Finding]:
    for i, (para, num) in enumerate(paragraphs):
        previous = paragraphs[i - 1][1] if i else None
        following = paragraphs[i + 1][1] if i + 1 < len(paragraphs) else None
        if num is None:
            if (i and previous is not None) or following is not None:
                yield ("para-unnumbered", para, "An unnumbered paragraph among numbered ones: operative paragraphs are "
                                                "numbered, and only a single operative paragraph goes without <num> "
                                                f"({P3_BODY}); a number lost, or a paragraph split at a page break?")
            continue
        value = eid_num(num)
        if not _decimal(value) or (i and previous is None):
            continue
        before = eid_num(previous) if previous is not None else "0"
        if not _decimal(before):
            continue
        if int(value) != int(before) + 1:
            after = f"follows paragraph {int(before)}" if i else "is the first paragraph"
            yield ("para-sequence", para, f"Paragraph {value} {after}: operative paragraphs run 1, 2, 3… without "
                                          f"gaps, through sections; is a paragraph missing or misnumbered? ({HOUSE})")


# ------------------------------------------------------------------------------ footnotes


def _note_scope(d: Document, note) -> str | None:
    for ancestor in note.iterancestors():
        name = local(ancestor)
        if name in _SCOPES or (name == "container" and local(ancestor.getparent()) == "preamble"):
            return d.wanted[ancestor] if ancestor in d.wanted else (
                _preamble_want(ancestor) if name == "container" else
                _attachment_want(ancestor) if name == "attachment" else ancestor.get("eId"))
        if name == "formula":
            return "preamble__formula"
        if name in ("preface", "conclusions") and next(ancestor.iterancestors(A + "attachment"), None) is None:
            return name
    return None


def _preamble_want(container) -> str:
    k = 1 + sum(1 for _ in container.itersiblings(A + "container", preceding=True))
    return f"preamble__container_{k}"


def _attachment_want(attachment) -> str:
    return f"att_{1 + sum(1 for _ in attachment.itersiblings(A + 'attachment', preceding=True))}"


def _notes(d: Document) -> Iterator[Finding]:
    counts: dict[str, int] = {}
    previous = None
    seen: set[str] = set()
    for note in d.root.iter(A + "authorialNote"):
        scope = _note_scope(d, note)
        eid = note.get("eId")
        if scope is not None:
            n = counts[scope] = counts.get(scope, 0) + 1
            want = f"{scope}__authorialNote_{n}"
            stem = f"{scope}__authorialNote_"
            rest = eid[len(stem):] if eid and eid.startswith(stem) else None
            if not rest or not re.fullmatch(r"[0-9][0-9-]*", rest):
                have = f"'{eid}'" if eid is not None else "missing"
                yield ("eid-note", note, f"Footnote eId {have} should be '{want}': the eId of the element it stands "
                                         f"in, then __authorialNote_N ({HOUSE}; AKN4UN has no footnote eId scheme)")
        marker = note.get("marker", "")
        numeric = _decimal(marker)
        before = previous.get("marker", "") if previous is not None else None
        if before == marker or (not numeric and marker in seen):
            yield ("note-marker-unique", note, f"Footnote marker '{marker}' is used again; every footnote has its own "
                                               f"marker ({HOUSE})")
        if numeric and not (before is not None and not _decimal(before)) and int(marker) != int(before or 0) + 1:
            yield ("note-marker-order", note, f"Footnote {marker} comes after footnote {int(before or 0)}: footnotes "
                                              "stand where their markers are printed, numbered 1, 2, 3…; a marker left "
                                              f"in the text or a note moved away from its marker? ({HOUSE})")
        if note.get("placement") != "bottom":
            yield ("note-placement", note, f"Footnote placement is '{note.get('placement') or ''}'; akn writes "
                                           f"placement=\"bottom\", as AKN4UN's example does ({HOUSE})")
        seen.add(marker)
        previous = note
    for sup in d.root.iter(A + "sup"):
        children = [c for c in sup if isinstance(c.tag, str)]
        text = (sup.text or "") + "".join(c.tail or "" for c in sup)
        if not (len(children) == 1 and children[0].tag == A + "authorialNote" and not text.strip()):
            yield ("note-sup", sup, f"A superscript '{_norm(''.join(sup.itertext()))[:40]}' that is not a footnote: "
                                    "a marker left in the text? akn writes footnotes as <sup class=\"footnote\">"
                                    f"<authorialNote …> and nothing else ({HOUSE})")


# ------------------------------------------------------------------------------- pointers


_FULL_DATE = re.compile(r"\d{4}-\d\d-\d\d")


def _whole_iri(href: str) -> bool:
    """Country, type, subtype, actor and number, none empty, with a date part between the last two
    only when the citation prints a date (docs/profile.md, D15): a dateless IRI is whole. A last part
    that is a whole date is a date with its number missing."""
    parts = href.split("#")[0].split("/")[2:]
    return len(parts) >= 5 and all(parts) and not _FULL_DATE.fullmatch(parts[-1])


#: the elements (in document order) whose attributes point somewhere or name a language, found by libxml2
_POINTING = "descendant-or-self::a:*[@refersTo or @source or @xml:lang or starts-with(@href, '#')]"


def _pointers(d: Document) -> Iterator[Finding]:
    for ref in d.root.iter(A + "ref"):
        href = ref.get("href", "")
        if not href.startswith(("#", "!", "/akn/")):
            yield ("ref-href", ref, f"Reference href '{href}' is neither '#eId', '!component' nor an AKN IRI '/akn/…'; "
                                    f"a link to another site is <a href> ({P1_REF}, {P1_URL})")
        elif href.startswith("/akn/") and not _whole_iri(href):
            yield ("ref-iri", ref, f"Reference href '{href}' is not a whole AKN IRI "
                                   f"/akn/{{country}}/{{type}}/{{subtype}}/{{actor}}[/{{date}}]/{{number}} (the date "
                                   f"part only when the text prints one) ({HOUSE})")
    for el in d.root.xpath(_POINTING, namespaces=_NS):
        refers, source, href = el.get("refersTo"), el.get("source"), el.get("href")
        wrong = []
        if refers is not None and any(not (r.startswith("#") and r[1:] in d.tlc) for r in refers.split()):
            wrong.append(f"refersTo '{refers}'")
        if source is not None and not (source.startswith("#") and d.tlc.get(source[1:]) in ("TLCOrganization", "TLCPerson")):
            wrong.append(f"source '{source}'")
        if (href or "").startswith("#") and el.tag != A + "FRBRauthor" and href[1:] not in d.eids:
            wrong.append(f"href '{href}'")
        if wrong:
            yield ("pointer-target", el, f"{' and '.join(wrong)} points to nothing: refersTo names a TLC entry in "
                                         "<references>, source a TLCOrganization or TLCPerson there, and href=\"#…\" "
                                         f"an eId of this document; add the target or correct the reference "
                                         f"({P3_PREFACE}, {P1_META}, {P1_REF})")
        lang = el.get(XML_LANG)
        if lang is not None and d.lang and lang.split("-")[0] not in (d.lang_tag, d.lang):
            yield ("xml-lang", el, f"xml:lang '{lang}' is not the language of the Expression ('{d.lang}', xml:lang "
                                   f"'{d.lang_tag}') ({HOUSE})")
