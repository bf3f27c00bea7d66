"""A small publishing system built on the library alone: read a folder of mixed inputs, list each
document from its attributes (no XML touched), render fragments with its own template and links,
validate, and collect the warnings by code."""
from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from lxml import html as lhtml

import akn
from akn.notices import CODES

from .conftest import CORPUS, EXAMPLES

DATA = Path(__file__).parent / "data"
#: one input of every kind akn reads, and what a catalogue must list for it
INPUTS = {
    CORPUS / "A_RES_80_5.md": ("A/RES/80/5", "2025-11-04"),  # markdown
    CORPUS / "S-RES-2208-2015.web.txt": ("S/RES/2208 (2015)", "2015-03-05"),  # a web copy, untitled
    CORPUS / "A-DEC-79-512.web.txt": ("A/DEC/79/512", "2024-12-02"),  # a decision
    DATA / "pdf" / "A_RES_80_7.pdf": ("A/RES/80/7", "2025-11-14"),  # an official PDF
    DATA / "ordered-lists.html": ("A/RES/79/999", "2024-12-03"),  # a saved web page
    EXAMPLES / "A_RES_76_187.xml": ("A/RES/76/187", "2021-12-16"),  # AKN
}
SITE_TEMPLATE = """{% extends "akn/document.html.j2" %}
{% block title %}<h1 class="site-title">{{ res.meta.symbol }}</h1>
{% endblock %}
"""


@pytest.fixture(scope="module")
def inbox(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inbox")
    for path in INPUTS:
        shutil.copy(path, folder / path.name)
    canonical = akn.load(Path(__file__).parent / "wild" / "A_RES_80_10.md").to_text()
    (folder / "A_RES_80_10.edited.md").write_text(canonical, encoding="utf-8")  # the editable text format
    return folder


@pytest.fixture(scope="module")
def catalogue(inbox) -> dict[str, akn.Document]:
    return {path.name: akn.load(path) for path in sorted(inbox.iterdir())}


def test_the_catalogue_lists_symbol_title_and_date_from_attributes(catalogue):
    listed = {name: (doc.symbol, doc.adoption_date) for name, doc in catalogue.items()}
    assert listed == {**{p.name: expected for p, expected in INPUTS.items()},
                      "A_RES_80_10.edited.md": ("A/RES/80/10", "2025-11-26")}
    titles = {name: doc.title for name, doc in catalogue.items()}
    assert titles["A_RES_76_187.xml"].startswith("Strengthening the United Nations crime prevention")
    assert titles["A_RES_80_7.pdf"] == "Report of the International Atomic Energy Agency"
    assert titles["S-RES-2208-2015.web.txt"] is None  # the Council's resolutions print no title
    assert {doc.kind for doc in catalogue.values()} == {"resolution", "decision"}
    assert all(doc.expression_iri and doc.paragraph_count > 0 for doc in catalogue.values())


def test_fragments_render_with_the_sites_template_and_links(catalogue, tmp_path):
    (tmp_path / "document.html.j2").write_text(SITE_TEMPLATE, encoding="utf-8")
    for name, doc in catalogue.items():
        fragment = doc.to_html(fragment=True, templates=tmp_path, link="https://undocs.org/{symbol}")
        assert "<html" not in fragment and "<head>" not in fragment and "<style" not in fragment
        page = lhtml.fragment_fromstring(fragment)
        assert [h.text_content() for h in page.xpath("//h1")] == [doc.symbol], name
        hrefs = [a.get("href") for a in page.xpath("//a[@class='akn-ref']")]
        assert all(h is None or h.startswith("https://undocs.org/") for h in hrefs), name
        assert len([h for h in hrefs if h]) == len(hrefs)  # every citation has a symbol to link


def test_every_document_validates_but_where_the_reader_warned_of_missing_numbers(catalogue):
    for name, doc in catalogue.items():
        doc.to_akn()  # the schema and every rule about how akn writes hold, or it raises
        errors = {p.code for p in akn.validate(doc, profile="house").errors}
        if "numbering-gap" in doc.warnings_by_code():
            # a text that skips paragraph numbers is converted as printed, and the profile rules say so
            assert "para-sequence" in errors and errors <= {"para-sequence", "para-unnumbered"}, name
        else:
            assert errors == set(), name


def test_warnings_are_collected_by_code(catalogue):
    by_code: Counter[str] = Counter()
    lines: dict[str, list[tuple[str, int | None]]] = {}
    for name, doc in catalogue.items():
        for code, notices in doc.warnings_by_code().items():
            by_code[code] += len(notices)
            lines.setdefault(code, []).extend((name, n.line) for n in notices)
    assert sum(by_code.values()) == sum(len(doc.warnings) for doc in catalogue.values())
    assert set(by_code) <= set(CODES)
    assert {"numbering-gap", "no-title", "symbol-from-filename"} <= set(by_code)
    assert all(line for _, line in lines["numbering-gap"])  # each says where
    assert {name for name, _ in lines["no-title"]} == {"S-RES-2208-2015.web.txt", "A-DEC-79-512.web.txt"}
