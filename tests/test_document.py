"""akn.read / akn.load and the Document: metadata as attributes, outputs as methods, the JSON schema."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

import akn
from akn.document import Document

from .conftest import CORPUS, EXAMPLES

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "docs" / "document.schema.json").read_text(encoding="utf-8"))
TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
PDFS = sorted((Path(__file__).parent / "data" / "pdf").glob("*.pdf"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_the_attributes_say_what_the_corpus_truth_records(name):
    expected = TRUTH[name]
    doc = akn.load(CORPUS / name)
    assert (doc.symbol, doc.kind, doc.language, doc.adoption_date) == (
        expected["symbol"], expected["kind"], expected["language"], expected["adoption_date"])
    assert (doc.preamble_count, doc.footnote_count, doc.annex_count) == (
        expected["preamble_count"], expected["footnotes"], expected["annexes"])
    assert doc.session == expected["session"] and doc.agenda_items == expected["agenda_items"]
    if expected["operative_nums"]:
        assert doc.paragraph_count == len(expected["operative_nums"])
    if expected["title"]:
        assert doc.title == " ".join(expected["title"].replace("\u2011", "-").split())


def test_the_iris_are_the_ones_the_akn_carries():
    doc = akn.load(EXAMPLES / "A_RES_76_187.seed.md")
    xml = doc.to_akn()
    assert doc.work_iri == "/akn/un/statement/deliberation/un-ga/2021-12-16/76-187"
    for iri in (doc.work_iri, doc.expression_iri, doc.manifestation_iri):
        assert f'<FRBRuri value="{iri}"/>' in xml
    assert doc.organ_name == "General Assembly" and doc.session_number == "76"
    assert doc.title and doc.title in " ".join(doc.to_text().split())


def test_every_format_reads_to_the_same_document():
    source = CORPUS / "A_RES_80_7.md"
    doc = akn.load(source)
    again = [akn.read(doc.to_akn()), akn.read(doc.to_text()), akn.read(source.read_bytes(), filename=source.name),
             akn.read(source)]
    for other in again:
        assert other.to_dict() | {"source": None, "warnings": []} == doc.to_dict() | {"source": None, "warnings": []}


def test_a_pdf_reads_to_a_document_too():
    doc = akn.load(PDFS[0])
    assert doc.symbol and doc.adoption_date and doc.paragraph_count > 0
    assert doc.source == str(PDFS[0])


def test_the_outputs_are_the_one_call_shortcut_outputs():
    data = (CORPUS / "A_RES_80_7.pdftext.txt").read_bytes()
    doc = akn.read(data)
    assert doc.to_akn() == akn.convert(data)
    assert doc.to_html() == akn.convert(data, to="html")
    assert doc.to_text() == akn.convert(data, to="text")


@pytest.mark.parametrize("path", [*sorted(CORPUS / n for n in TRUTH), *PDFS], ids=lambda p: p.name)
def test_the_json_follows_its_schema(path):
    doc = akn.load(path)
    data = json.loads(doc.to_json())
    jsonschema.validate(data, SCHEMA)
    assert data["counts"]["paragraphs"] == doc.paragraph_count
    assert doc.to_json() == akn.load(path).to_json()  # the same bytes every time


def test_the_outline_names_the_eids_of_the_akn():
    doc = akn.load(CORPUS / "A_RES_80_5.md")
    xml = doc.to_akn(validate=False)
    outline = doc.outline()

    def eids(parts):
        for part in parts:
            yield part["eid"]
            yield from eids(part.get("parts", []))

    found = [p["eid"] for p in outline["preamble"]] + list(eids(outline["body"]))
    found += [a["eid"] for a in outline["annexes"]] + [e for a in outline["annexes"] for e in eids(a["parts"])]
    assert len(found) > 5
    for eid in found:
        assert f'eId="{eid}"' in xml


def test_warnings_come_grouped_by_code():
    doc = akn.load(CORPUS / "A_RES_80_5.md")
    grouped = doc.warnings_by_code()
    assert grouped and sum(map(len, grouped.values())) == len(doc.warnings)
    assert all(w.code == code for code, ws in grouped.items() for w in ws)


def test_a_missing_file_is_one_error_naming_it(tmp_path):
    with pytest.raises(akn.ConversionError) as info:
        akn.load(tmp_path / "nothing.md")
    assert str(info.value).startswith(f"{tmp_path / 'nothing.md'}: cannot read the file")
    (tmp_path / "bad.md").write_text("Shopping list\nMilk\n", encoding="utf-8")
    with pytest.raises(akn.ConversionError) as info:
        akn.load(tmp_path / "bad.md")
    assert str(info.value).startswith(f"{tmp_path / 'bad.md'}:1: ")


def test_the_package_shows_only_its_public_names():
    assert dir(akn) == sorted([*akn.__all__, "__version__"])
    assert "annotations" not in dir(akn) and isinstance(akn.Document, type) and akn.Document is Document
    shown = subprocess.run([sys.executable, "-c", "import akn; help(akn)"], capture_output=True, text=True,
                           env={"PAGER": "cat", "PATH": "/usr/bin:/bin"}, check=True).stdout
    for name in ("read(", "load(", "convert(", "class Document", "class Notice", "stylesheet("):
        assert name in shown, name
    assert "\nDATA\n" not in shown  # no module-level names but the functions and classes above
    assert "_Feature" not in shown and "_EXPORTS" not in shown and "import_module" not in shown


def test_importing_akn_loads_no_reader_writer_or_schema():
    code = "import sys, akn; print(sorted(m for m in sys.modules if m.startswith(('akn.', 'lxml', 'jinja2'))))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip() == "[]"


def test_the_outline_lists_a_paragraphs_tables_by_eid():
    from akn.model import Cell, Paragraph, Table, Text

    doc = akn.load(CORPUS / "A_RES_80_7.pdftext.txt")
    para = next(p for p in doc.model.body if isinstance(p, Paragraph) and not p.items)
    para.tables.append(Table([[Cell([Text("Action")], True)], [Cell([Text("1")])]]))
    data = json.loads(doc.to_json())
    jsonschema.validate(data, SCHEMA)
    listed = [p for p in data["outline"]["body"] if p.get("tables")]
    assert [p["tables"] for p in listed] == [[f"{listed[0]['eid']}__table_1"]]
    assert f'eId="{listed[0]["eid"]}__table_1"' in doc.to_akn(validate=False)
