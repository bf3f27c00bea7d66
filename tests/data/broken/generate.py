"""Regenerate tests/data/broken/: one deliberately broken AKN document per validation rule.

    python tests/data/broken/generate.py

The base is akn's own output for a real resolution with an annex, sections, a list and
footnotes (tests/corpus/A_RES_80_3.pdftext.txt), written as ``valid.xml``. Each broken file
changes one thing in it; ``expected.json`` names the rule that must report it and the line of
the element the report must point at (found again by its path after re-parsing).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from lxml import etree

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT / "src"))

import akn  # noqa: E402
from akn.validation import NS, parse, validate_bytes  # noqa: E402

SOURCE = ROOT / "tests" / "corpus" / "A_RES_80_3.pdftext.txt"
A = {"a": NS}


def base() -> bytes:
    """The converter's output for SOURCE."""
    return akn.convert(SOURCE.read_bytes(), filename=str(SOURCE)).encode("utf-8")


def serialize(tree) -> bytes:
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


def one(tree, xpath: str):
    found = tree.xpath(xpath, namespaces=A)
    if len(found) != 1:
        raise SystemExit(f"generate.py: {xpath!r} found {len(found)} elements in the base, not one")
    return found[0]


def sets(xpath: str, attr: str, value: str):
    """A mutation setting one attribute; the report points at its element."""
    def mutate(tree):
        el = one(tree, xpath)
        el.set(attr, value)
        return el
    return mutate


def texts(xpath: str, value: str):
    def mutate(tree):
        el = one(tree, xpath)
        el.text = value
        return el
    return mutate


def unwrap_event(tree):
    event = one(tree, "//a:conclusions//a:event")
    p = event.getparent()
    p.text = (p.text or "") + event.text + (event.tail or "")
    p.remove(event)
    return one(tree, "//a:conclusions")


def drop_conclusions_date(tree):
    date = one(tree, "//a:conclusions//a:docDate")
    date.getparent().getparent().remove(date.getparent())
    return one(tree, "//a:conclusions")


def drop_num(tree):
    para = one(tree, "//a:mainBody/a:paragraph[@eId='para_2']")
    para.remove(para.find("a:num", A))
    return para


def swap_markers(tree):
    first, second = one(tree, "//a:authorialNote[@marker='2']"), one(tree, "//a:authorialNote[@marker='3']")
    first.set("marker", "3")
    second.set("marker", "2")
    return second


def stray_superscript(tree):
    p = one(tree, "//a:mainBody/a:paragraph[@eId='para_1']/a:content/a:p")
    sup = etree.SubElement(p, f"{{{NS}}}sup")
    sup.text = "7"
    return sup


def misplaced_num(tree):
    para = one(tree, "//a:mainBody/a:paragraph[@eId='para_1']")
    num = para.find("a:num", A)
    para.remove(num)
    para.append(num)
    return num


def rename_statement(tree):
    """A schema-valid <doc> where AKN4UN wants a <statement>."""
    statement = one(tree, "/a:akomaNtoso/a:statement")
    statement.tag = f"{{{NS}}}doc"
    return statement


WORK = "/a:akomaNtoso/a:statement/a:meta/a:identification/a:FRBRWork"
EXPRESSION = "/a:akomaNtoso/a:statement/a:meta/a:identification/a:FRBRExpression"
MANIFESTATION = "/a:akomaNtoso/a:statement/a:meta/a:identification/a:FRBRManifestation"
ANNEX_WORK = "//a:attachment//a:FRBRWork"

#: file stem -> (rule id expected, mutation returning the element the report must point at)
def misnamed_table(tree):
    """A table after paragraph 2's text, its eId in another style than the house's para_2__table_1."""
    content = one(tree, "//a:mainBody/a:paragraph[@eId='para_2']/a:content")
    table = etree.SubElement(content, f"{{{NS}}}table", eId="para_2__tbl_1")
    etree.SubElement(etree.SubElement(etree.SubElement(table, f"{{{NS}}}tr"), f"{{{NS}}}td"), f"{{{NS}}}p").text = "1"
    return table


CASES = {
    "doc-type": ("doc-type", rename_statement),
    "doc-name": ("doc-name", sets("/a:akomaNtoso/a:statement", "name", "report")),
    "work-uri": ("work-uri", lambda t: sets(WORK + "/a:FRBRuri", "value",
                                            "/akn/un/statement/deliberation/un-ga/2025-10-15/80-3")(t).getparent()),
    "work-actor": ("work-actor", lambda t: (sets("//a:TLCOrganization[@eId='un-ga']", "href",
                                                 "/akn/ontology/organization/un/un-sc")(t), one(t, WORK))[1]),
    "work-actor-known": ("work-actor-known", lambda t: sets(WORK + "/a:FRBRuri", "value",
                                                            "/akn/un/statement/deliberation/un-xx/2025-10-14/80-3")(t).getparent()),
    "work-subtype": ("work-subtype", lambda t: sets(WORK + "/a:FRBRsubtype", "value", "resolution")(t).getparent()),
    "work-number": ("work-number", sets(WORK + "/a:FRBRnumber", "value", "80/3")),
    "annex-work-uri": ("annex-work-uri", lambda t: sets(ANNEX_WORK + "/a:FRBRuri", "value",
                                                        "/akn/un/statement/deliberation/un-ga/2025-10-14/80-3-annex")(t).getparent()),
    "frbr-this": ("frbr-this", sets(EXPRESSION + "/a:FRBRthis", "value",
                                    "/akn/un/statement/deliberation/un-ga/2025-10-14/80-3/eng@")),
    "expression-uri": ("expression-uri", sets(EXPRESSION + "/a:FRBRuri", "value",
                                              "/akn/un/statement/deliberation/un-ga/2025-10-14/80-3/eng")),
    "manifestation-uri": ("manifestation-uri", sets(MANIFESTATION + "/a:FRBRuri", "value",
                                                    "/akn/un/statement/deliberation/un-ga/2025-10-14/80-3/eng@/.akn")),
    "language-code": ("language-code", sets(EXPRESSION + "/a:FRBRlanguage", "language", "xyz")),
    "author-target": ("author-target", sets(EXPRESSION + "/a:FRBRauthor", "href", "#un-gaa")),
    "adoption-date": ("adoption-date", sets("//a:conclusions//a:docDate", "date", "2025-10-15")),
    "conclusions-meeting": ("conclusions-meeting", unwrap_event),
    "conclusions-date": ("conclusions-date", drop_conclusions_date),
    "number-title": ("number-title", texts("//a:preface//a:docNumber[following-sibling::*[1][self::a:docTitle]]", "80/33")),
    "formula": ("formula", lambda t: sets("//a:preamble/a:formula", "name", "formula")(t).getparent()),
    "eid-preamble": ("eid-preamble", sets("//a:preamble/a:container", "eId", "preamble__container_2")),
    "preamble-name": ("preamble-name", sets("//a:preamble/a:container", "name", "noting")),
    "eid-attachment": ("eid-attachment", sets("//a:attachment", "eId", "annex_1")),
    "eid-para": ("eid-para", sets("//a:mainBody/a:paragraph[@eId='para_2']", "eId", "para_20")),
    "para-sequence": ("para-sequence", lambda t: texts("//a:paragraph[@eId='att_1__para_6']/a:num", "7.")(t).getparent()),
    "para-unnumbered": ("para-unnumbered", drop_num),
    "eid-section": ("eid-section", sets("//a:division[@eId='att_1__sec_II__dvs_1']", "eId", "att_1__dvs_1")),
    "eid-list": ("eid-list", sets("//a:list[@eId='att_1__para_13__list_1']", "eId", "att_1__para_13__lst_1")),
    "eid-point": ("eid-point", sets("//a:point[@eId='att_1__para_13__list_1__point_a']", "eId",
                                    "att_1__para_13__list_1__point_1")),
    "eid-table": ("eid-table", misnamed_table),
    "eid-note": ("eid-note", sets("//a:authorialNote[@marker='1']", "eId", "note_1")),
    "note-marker-unique": ("note-marker-unique", sets("//a:authorialNote[@marker='16']", "marker", "15")),
    "note-marker-order": ("note-marker-order", swap_markers),
    "note-placement": ("note-placement", sets("//a:authorialNote[@marker='1']", "placement", "side")),
    "note-sup": ("note-sup", stray_superscript),
    "ref-href": ("ref-href", sets("(//a:mainBody//a:ref)[1]", "href", "https://undocs.org/A/RES/79/1")),
    "ref-iri": ("ref-iri", sets("(//a:mainBody//a:ref)[1]", "href", "/akn/un/A-RES-79-1")),
    "pointer-refersto": ("pointer-target", sets("//a:conclusions//a:event", "refersTo", "#plenaryMeeting_2")),
    "pointer-href": ("pointer-target", sets("(//a:mainBody//a:ref)[1]", "href", "#para_99")),
    "pointer-source": ("pointer-target", sets("//a:identification[not(ancestor::a:attachment)]", "source", "#dgacm")),
    "xml-lang": ("xml-lang", sets("//a:preamble", "{http://www.w3.org/XML/1998/namespace}lang", "fr")),
    "xsd-order": ("XSD", misplaced_num),
    "xsd-duplicate-eid": ("XSD", sets("//a:mainBody/a:paragraph[@eId='para_2']", "eId", "para_1")),
}


def main() -> None:
    valid = base()
    problems = validate_bytes(valid, profile="house")
    if problems:
        raise SystemExit(f"generate.py: the base is not clean: {problems[0].rule} {problems[0]}")
    for old in HERE.glob("*.xml"):
        old.unlink()
    (HERE / "valid.xml").write_bytes(valid)
    expected = {}
    for stem, (rule, mutate) in CASES.items():
        tree = parse(valid)
        target = mutate(tree)
        path = tree.getpath(target)
        data = serialize(tree)
        expected[f"{stem}.xml"] = {"rule": rule, "line": parse(data).xpath(path)[0].sourceline}
        (HERE / f"{stem}.xml").write_bytes(data)
    # not XML at all: the document cut off half-way
    (HERE / "not-well-formed.xml").write_bytes(valid[: len(valid) // 2])
    expected["not-well-formed.xml"] = {"rule": "XML", "line": valid[: len(valid) // 2].count(b"\n") + 1}
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(expected)} broken documents and valid.xml written to {HERE}")


if __name__ == "__main__":
    main()
