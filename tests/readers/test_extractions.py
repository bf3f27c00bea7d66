"""The text reader on what the common extractors make of official PDFs: pdftotext, pdftotext
-layout, pypdf and pdfminer.six (tests/data/extractions, made from the PDFs in tests/data/pdf, and
for pdfminer's box layout from three more official PDFs: A/RES/80/10, 80/12 and 80/13).

The truth is the PDF's; a field an extraction has destroyed (lines out of reading order) is null in
that extraction's copy, with the reason under "destroyed".
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

import akn

from ..akn_observe import FIELDS, matches, observe
from ..invariants import problems

EXTRACTIONS = Path(__file__).parent.parent / "data" / "extractions"
TRUTH = json.loads((EXTRACTIONS / "truth.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_an_extraction_reads_as_its_pdf(name):
    data = (EXTRACTIONS / name).read_bytes()
    got = observe(etree.fromstring(akn.convert(data, filename=name).encode("utf-8")))
    want = TRUTH[name]
    wrong = [f"{f}: want {want[f]!r} got {got.get(f)!r}" for f in FIELDS
             if want.get(f) is not None and not (f in ("operative_nums", "operative_first_words") and want[f] == [])
             and not matches(f, want[f], got.get(f))]  # as score.py: no headings in the body is a truth too
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_an_extraction_keeps_every_invariant(name):
    assert problems((EXTRACTIONS / name).read_bytes(), name) == []


def test_every_extractor_is_sampled():
    assert {name.split("/")[0] for name in TRUTH} == {"pdftotext", "layout", "pypdf", "pdfminer"}
