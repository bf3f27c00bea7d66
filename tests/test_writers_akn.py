"""The AKN writer writes XML as text: what it writes must be exactly what lxml would write for the
same tree (escaping, empty elements, indentation), and it refuses characters XML cannot hold."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from lxml import etree

from akn.model import Footnote, Ref, Text
from akn.readers.text import read_text
from akn.validation import safe_parser
from akn.writers.akn import session_number, write_akn

from .model_strategies import resolutions

SEED = Path(__file__).resolve().parent.parent / "examples" / "A_RES_76_187.seed.md"
EXAMPLES = int(os.environ.get("AKN_PROPERTY_EXAMPLES", "300"))


def lxml_reserialized(data: bytes) -> bytes:
    """The document parsed and written again by lxml: whitespace is kept, escaping is lxml's."""
    root = etree.fromstring(data, parser=safe_parser())
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def seed_model():
    return read_text(SEED.read_bytes()).resolution


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(resolutions())
def test_the_written_bytes_are_what_lxml_writes(res):
    data = write_akn(res)
    assert lxml_reserialized(data) == data


def test_characters_special_to_xml_are_escaped_in_text_and_attributes():
    res = seed_model()
    text = 'a & b < c > d "q" \'s\' \r end'
    href = '/akn/x?a=1&b="2"<3>\n\t'
    res.body[0].children.append(Text(" " + text))
    res.body[0].children.append(Ref(href, [Text("link & more")]))
    res.body[0].children.append(Footnote("99", [Text("note <with> & marks")]))
    data = write_akn(res)
    assert lxml_reserialized(data) == data
    root = etree.fromstring(data, parser=safe_parser())
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    first = root.find(".//a:mainBody/a:paragraph//a:p", ns)
    assert text in "".join(first.itertext())
    assert [r.get("href") for r in first.iterfind("a:ref", ns) if r.text == "link & more"] == [href]


@pytest.mark.parametrize("bad", ["\x01", "\x0b", "\x1f", "\ufffe", "\ud800"])
def test_a_character_xml_cannot_hold_is_refused(bad):
    res = seed_model()
    res.body[0].children.append(Text(f" before{bad}after"))
    with pytest.raises(ValueError, match="XML cannot hold"):
        write_akn(res)


def test_the_same_model_gives_the_same_bytes():
    assert write_akn(seed_model()) == write_akn(seed_model())


@pytest.mark.parametrize("printed, value", [
    ("Seventy-sixth session", "76"), ("80th session", "80"), ("Eleventh emergency special session", "11"),
    ("2025 session", "2025"), ("Session de 2025", "2025"), ("Período de sesiones de 2025", "2025"),
    ("Quatre-vingtième session", None),
])
def test_the_session_number_a_session_line_states(printed, value):
    assert session_number(printed) == value


def test_a_table_is_written_after_the_paragraphs_text_and_validates():
    from akn.model import Cell, Table
    from akn.validation import validate_bytes

    res = seed_model()
    para = next(p for p in res.body if not p.items)
    para.tables.append(Table([[Cell([Text("Action")], True), Cell([Text("Number")], True)],
                              [Cell([Text("Total")], colspan=2, rowspan=2)]]))
    data = write_akn(res)
    root = etree.fromstring(data, parser=safe_parser())
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    [table] = root.findall(".//a:table", ns)
    assert [etree.QName(c).localname for c in table.getparent()] == ["p", "table"]
    assert table.get("eId") == f"{para_eid(res, para)}__table_1"
    assert [[etree.QName(c).localname for c in tr] for tr in table] == [["th", "th"], ["td"]]
    assert (table[1][0].get("colspan"), table[1][0].get("rowspan")) == ("2", "2")
    assert validate_bytes(data, profile="house") == []


def para_eid(res, para) -> str:
    from akn.naming import assign_eids

    return assign_eids(res).of(para)
