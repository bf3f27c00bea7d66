"""The reader on PDF layouts the corpus has few of: every reflowed resolution, printed again the way
pdftotext prints an official PDF (tests/pdf_layout.py), reads back to the same truth, the same
paragraph texts and the same footnotes in the same paragraphs."""
from __future__ import annotations

import pytest
from lxml import etree

from akn.api import read_any, render
from akn.model import Resolution, iter_footnotes, plain_text, walk_paragraphs

from ..akn_observe import FIELDS, matches, observe
from ..conftest import CORPUS, corpus_truth
from ..pdf_layout import Style, pdf_layout

TRUTH = corpus_truth()
REFLOWED = sorted(n for n in TRUTH if n.endswith(".md") and not n.endswith(".seed.md"))
STYLES = {
    "numbers-apart": lambda seed: Style(number_on_own_line=True, seed=seed),
    "numbers-inline": lambda seed: Style(number_on_own_line=False, seed=seed),
    "wide-page": lambda seed: Style(width=100, page_lines=55, space_before_marker=0.3, seed=seed),
    "short-page": lambda seed: Style(width=78, page_lines=40, space_before_marker=0.3, seed=seed),
}


def _paragraphs(res: Resolution):
    yield from res.preamble
    for body in [res.body] + [annex.body for annex in res.annexes]:
        for para in walk_paragraphs(body):
            yield para
            yield from para.items


def _reading(res: Resolution) -> list[tuple[str, list[str]]]:
    """Each paragraph's words and the footnote markers it holds: what a PDF layout must keep."""
    return [(" ".join(plain_text(p.children).split()), [n.marker for n in iter_footnotes(p.children)])
            for p in _paragraphs(res)]


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("name", REFLOWED)
def test_a_pdf_layout_reads_like_the_reflowed_text(name, style):
    source = read_any((CORPUS / name).read_bytes(), filename=name).resolution
    printed = pdf_layout(source, STYLES[style](seed=len(name)))
    pdf_name = name.replace(".md", ".pdftext.txt")
    back = read_any(printed, filename=pdf_name).resolution

    assert _reading(back) == _reading(source)
    got = observe(etree.fromstring(render(back, "akn").encode("utf-8")))
    want = TRUTH[name]
    wrong = [f"{f}: want {want[f]!r} got {got.get(f)!r}" for f in FIELDS
             if want.get(f) is not None and not (f == "operative_nums" and want[f] == [])
             and not matches(f, want[f], got.get(f))]
    assert not wrong, "\n".join(wrong)


def test_the_layout_looks_like_a_pdf_extraction():
    source = read_any((CORPUS / "A_RES_80_11.md").read_bytes(), filename="A_RES_80_11.md").resolution
    printed = pdf_layout(source, Style(seed=1))
    lines = printed.splitlines()
    assert "_______________ " in lines  # footnote blocks
    assert any(line.startswith("2/") for line in lines)  # page numbers
    assert any(line.rstrip().endswith("(E)") for line in lines)  # job number
    assert max(len(line) for line in lines) <= 90  # hard-wrapped
