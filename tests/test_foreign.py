"""Documents other tools write: valid at the AKN4UN level, readable, renderable (issue 15).

tests/data/foreign/ holds schema-valid resolutions in other styles: another editor's eIds
(p-0001) and bare <p> in preface and conclusions, no eIds at all, <p> directly in the preface
and preamble (as the AKN4UN examples have it), Indigo's paragraph/intro/subparagraph nesting,
an internal DTD entity, and a cobalt-made <statement> (generate_cobalt.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import akn
from akn.cli import main
from akn.validation import ABOUT_TEXT

FOREIGN = Path(__file__).parent / "data" / "foreign"
DOCUMENTS = sorted(p.name for p in FOREIGN.glob("*.xml"))


def test_the_folder_has_each_kind_of_document():
    assert {"lime-style.xml", "no-eids.xml", "p-in-preface-and-preamble.xml", "indigo-nesting.xml",
            "internal-entity.xml", "cobalt-statement.xml"} <= set(DOCUMENTS)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_foreign_document_passes_the_akn4un_profile(name):
    report = akn.validate(FOREIGN / name, profile="akn4un")
    assert report.ok, [str(p) for p in report.errors]
    assert all(p.level == "house" for p in report.warnings)
    assert CliRunner().invoke(main, ["validate", "--profile", "akn4un", str(FOREIGN / name)]).exit_code == 0


@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_foreign_document_converts_to_html_and_text(name):
    data = (FOREIGN / name).read_bytes()
    html = akn.convert(data, to="html", filename=name)
    text = akn.convert(data, to="text", filename=name)
    assert "<html" in html and text.startswith("---")
    # and back to AKN that follows akn's own conventions wherever akn decides (the text decides the rest)
    errors = akn.validate(akn.convert(data, to="akn", filename=name), profile="house").errors
    assert {p.rule for p in errors} <= ABOUT_TEXT, [str(p) for p in errors]


def test_internal_entities_are_expanded_in_text_and_output():
    text = akn.convert((FOREIGN / "internal-entity.xml").read_bytes(), to="text", filename="x.xml")
    assert "The General Assembly," in text and "report of the Secretary-General" in text


def test_indigo_subparagraphs_become_items():
    text = akn.convert((FOREIGN / "indigo-nesting.xml").read_bytes(), to="text", filename="x.xml")
    assert "(b) To support:" in text and "(ii) young entrepreneurs;" in text


def test_foreign_eid_styles_get_house_warnings_with_right_suggestions():
    problems = akn.validate(FOREIGN / "lime-style.xml").problems
    paras = [p for p in problems if p.rule == "eid-para"]
    assert [p.severity for p in paras] == ["warning", "warning"]
    assert "'p-0003' should be 'para_1'" in paras[0].message and "'p-0004' should be 'para_2'" in paras[1].message
    notes = [p.message for p in akn.validate(FOREIGN / "no-eids.xml").problems if p.rule == "eid-note"]
    assert any("'preamble__container_1__authorialNote_1'" in m for m in notes)
    assert any("'sec_I__para_1__authorialNote_1'" in m or "'para_1__authorialNote_1'" in m for m in notes)
