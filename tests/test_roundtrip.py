"""Round trips that prove nothing is lost: real corpus text through both readers and both writers,
and the AKN4UN profile example through the AKN reader and writer."""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from akn.api import read_any, render

from .conftest import CORPUS

DATA = Path(__file__).parent / "data"
NOT_RESOLUTIONS = {"SOURCES.md", "TRUTH_SCHEMA.md", "truth.json"}
CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.name not in NOT_RESOLUTIONS)
WILD = Path(__file__).parent / "wild"
WILD_FILES = sorted(p for p in WILD.rglob("*") if p.suffix in (".md", ".txt") and p.name not in NOT_RESOLUTIONS)


def c14n(data: str | bytes) -> bytes:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return etree.tostring(etree.fromstring(data), method="c14n")


def test_corpus_holds_general_assembly_files():
    assert sum(p.name.startswith(("A_", "A-")) for p in CORPUS_FILES) >= 30
    assert len(WILD_FILES) >= 60


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_text_akn_text_akn_text(path):
    """text -> AKN (a) -> text (b) -> AKN (c) -> text (d): a and c the same XML, b and d the same bytes."""
    a = render(read_any(path.read_bytes(), filename=path.name).resolution, "akn")
    assert_round_trip(a)


@pytest.mark.parametrize("path", WILD_FILES, ids=lambda p: p.name)
def test_wild_text_akn_text_akn_text(path):
    """The same on real extractions that have no truth."""
    assert_round_trip(render(read_any(path.read_bytes(), filename=path.name).resolution, "akn"))


def assert_round_trip(a: str) -> None:
    b = render(read_any(a).resolution, "text")
    c = render(read_any(b, filename="edited.md").resolution, "akn")
    d = render(read_any(c, filename="again.xml").resolution, "text")
    assert c14n(a) == c14n(c)
    assert b == d
    assert b.startswith("---\nformat: akn-text/1\n")


# What the writer spells its own way (docs/text-format.md, "The profile example"): indentation
# between elements, xml:lang on the main parts, eIds on preambular containers, and the title as a
# Work alias (FRBRalias name="title", which cobalt reads as the title). Nothing else may differ.
_WRITER_CHOICES = (
    ("{http://www.w3.org/XML/1998/namespace}lang", ("preface", "preamble", "mainBody", "conclusions")),
    ("eId", ("container",)),
)


def _without_writer_choices(data: bytes) -> bytes:
    root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    for alias in root.xpath("//a:FRBRWork/a:FRBRalias[@name='title']",
                            namespaces={"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}):
        alias.getparent().remove(alias)
    for el in root.iter():
        name = etree.QName(el).localname
        for attr, names in _WRITER_CHOICES:
            if name in names:
                el.attrib.pop(attr, None)
    return etree.tostring(root, method="c14n")


def test_profile_example_akn_model_akn():
    source = (DATA / "profile-example.xml").read_bytes()
    out = render(read_any(source).resolution, "akn").encode("utf-8")
    assert _without_writer_choices(out) == _without_writer_choices(source)


def test_profile_example_differs_only_by_the_listed_choices():
    """The normalisation above hides only what it names: the raw documents do differ."""
    source = (DATA / "profile-example.xml").read_bytes()
    out = render(read_any(source).resolution, "akn").encode("utf-8")
    assert c14n(out) != c14n(source)
    plain = etree.XMLParser(remove_blank_text=True)
    assert etree.tostring(etree.fromstring(out, plain), method="c14n") != \
        etree.tostring(etree.fromstring(source, plain), method="c14n")


def test_profile_example_is_read_whole():
    res = read_any((DATA / "profile-example.xml").read_bytes()).resolution
    assert res.number == "76/187" and res.meta.symbol == "A/RES/76/187"
    assert res.meta.issue_date == "2022-01-11" and res.meta.adoption_date == "2021-12-16"
    assert [line.role for line in res.masthead] == [
        "organ", "distribution", "issue_date", "symbol", "session", "agenda_item", "agenda_title", "status",
        "committee"]
    assert res.body[0].children[0].num == "1" and res.body[1].items[1].items[0].num == "i"
    assert res.annexes[0].title[0].text == "Awaza Political Declaration"
