"""A resolution in parts (I, II, … each with its own preambular paragraphs and its paragraphs
numbered from 1): read from text laid out as extractors give it, written to valid AKN with the
parts' preambles as crossHeadings, and read back from AKN and the text format unchanged."""
from __future__ import annotations

import pytest
from lxml import etree

import akn
from akn.api import read_any, render
from akn.model import Paragraph, Section, plain_text

from .test_text_passes import _RESOLUTION

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}

#: as pdftotext prints a part: number and heading on lines of their own, no blank lines
IN_PARTS = _RESOLUTION.format(body="""I
Activities of the Office of Internal Oversight Services
Recalling its resolutions 48/218 B of 29 July 1994 and 54/244 of 23 December
1999,
Having considered the report of the Office on its activities, 1
1.
Reaffirms its primary role in the consideration of reports;
2.
Also reaffirms its oversight role;
II
Progress in the renovation of Africa Hall at the Economic Commission for Africa in
Addis Ababa
Recalling its resolution 61/275 of 29 June 2007,
1. Notes with appreciation the work of the Committee;
2. Requests the Committee to enhance its future reports.
III
Contingency fund
Having considered the report of the Secretary-General, 2
Takes note of the revised estimates arising from recosting;""")


def _parts(text: str) -> list[Section]:
    res = read_any(text).resolution
    assert not res.preamble and all(isinstance(p, Section) for p in res.body)
    return res.body


def test_each_part_has_its_heading_its_preamble_and_its_numbers_from_one():
    parts = _parts(IN_PARTS)
    assert [(p.num, plain_text(p.heading)) for p in parts] == [
        ("I", "Activities of the Office of Internal Oversight Services"),
        ("II", "Progress in the renovation of Africa Hall at the Economic Commission for Africa in Addis Ababa"),
        ("III", "Contingency fund")]
    assert [[plain_text(x.children).split()[0] for x in p.preamble] for p in parts] == [
        ["Recalling", "Having"], ["Recalling"], ["Having"]]
    assert [[c.num for c in p.children] for p in parts] == [["1", "2"], ["1", "2"], [None]]
    assert plain_text(parts[2].children[0].children).startswith("Takes note")  # run into the preamble


@pytest.mark.parametrize("layout", ["lines", "blank lines", "number and heading joined"])
def test_parts_are_read_however_the_extractor_spaced_them(layout):
    text = IN_PARTS
    if layout == "blank lines":
        text = text.replace("\n", "\n\n")
    elif layout == "number and heading joined":  # pdfminer: "I Activities of …" on one line
        text = text.replace("I\nActivities", "I Activities").replace("II\nProgress", "II Progress")
    parts = _parts(text)
    assert [p.num for p in parts] == ["I", "II", "III"]
    assert [len(p.preamble) for p in parts] == [2, 1, 1]


def test_the_akn_of_a_part_follows_akn4un_and_is_valid():
    xml = render(read_any(IN_PARTS).resolution, "akn")  # validated against the OASIS schema
    root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
    section = root.find(".//a:mainBody/a:section[@eId='sec_II']", NS)
    heads = section.findall("./a:crossHeading", NS)
    assert [h.get("eId") for h in heads] == ["sec_II__crossHeading_1"]
    assert heads[0].get("refersTo") == "#preamble" and heads[0].find("./a:i", NS).text == "Recalling"
    assert [p.get("eId") for p in section.findall("./a:paragraph", NS)] == ["sec_II__para_1", "sec_II__para_2"]
    assert root.find(".//a:references/a:TLCConcept[@eId='preamble']", NS) is not None
    report = akn.validate(xml, profile="house")  # numbered per part, eIds per part: no house rule breaks
    assert report.ok and not report.warnings, [p.message for p in report.warnings]


@pytest.mark.parametrize("via", ["akn", "text"])
def test_parts_come_back_unchanged_from_akn_and_from_the_text_format(via):
    res = read_any(IN_PARTS).resolution
    again = read_any(render(res, via)).resolution
    assert again.body == res.body
    assert render(again, "akn") == render(res, "akn")


def test_the_html_shows_a_parts_preamble_under_its_heading():
    html = render(read_any(IN_PARTS).resolution, "html")
    at = html.index('id="sec_II"')
    assert html.index('id="sec_II__crossHeading_1"', at) < html.index('id="sec_II__para_1"', at)


def test_a_section_without_a_preamble_keeps_the_numbering_running_on():
    text = _RESOLUTION.format(body="Recalling its resolutions,\n\nI. General\n\n1. Decides to act;\n\n"
                                   "II. Follow-up\n\n2. Requests a report.")
    res = read_any(text).resolution
    assert [s.preamble for s in res.body] == [[], []]
    assert [p.num for s in res.body for p in s.children if isinstance(p, Paragraph)] == ["1", "2"]
    assert 'eId="para_2"' in render(res, "akn")


def test_unnumbered_headings_count_from_one_in_each_part():
    """The writer numbers a part's unnumbered headings (dvs_N) from 1, as it numbers its paragraphs;
    the house rules must want the same, or a PDF with such headings in two parts is refused."""
    res = read_any(IN_PARTS).resolution
    for part in res.body[:2]:
        part.children = [Section(None, [akn.model.Text("General provisions")], part.children)]
    xml = render(res, "akn")  # raises if the house rules disagree with the writer
    root = etree.fromstring(xml.encode())
    assert [d.get("eId") for d in root.iterfind(".//a:mainBody/a:section/a:division", NS)] == [
        "sec_I__dvs_1", "sec_II__dvs_1"]
    assert akn.validate(xml, profile="house").ok
