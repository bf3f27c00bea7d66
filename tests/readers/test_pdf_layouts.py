"""The reader on PDF layouts the corpus has few of: every reflowed resolution, printed again the way
pdftotext prints an official PDF (tests/pdf_layout.py), reads back to the same truth, the same
paragraph texts and the same footnotes in the same paragraphs."""
from __future__ import annotations

import re

import pytest

from akn.api import read_any
from akn.model import plain_text

from ..conftest import CORPUS, corpus_truth
from ..pdf_layout import Style, pdf_layout
from ..web_layout import WebStyle, web_layout
from ..akn_observe import FIELDS
from .reading import paragraph_reading, truth_mismatches

TRUTH = corpus_truth()
REFLOWED = sorted(n for n in TRUTH if n.endswith(".md") and not n.endswith(".seed.md"))
STYLES = {
    "numbers-apart": lambda seed: Style(number_on_own_line=True, seed=seed),
    "numbers-inline": lambda seed: Style(number_on_own_line=False, seed=seed),
    "wide-page": lambda seed: Style(width=100, page_lines=55, space_before_marker=0.3, seed=seed),
    "short-page": lambda seed: Style(width=78, page_lines=40, space_before_marker=0.3, seed=seed),
    "no-blank-lines": lambda seed: Style(number_on_own_line=False, blank_lines=False, seed=seed),
}
#: resolutions whose reflowed text lost a paragraph number: with no blank line either, nothing
#: tells where the numberless paragraph starts, so it reads as part of the one before
UNSPACED_NUMBER_LOST = {"A_RES_80_3.md", "A_RES_80_5.md"}


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("name", REFLOWED)
def test_a_pdf_layout_reads_like_the_reflowed_text(name, style):
    source = read_any((CORPUS / name).read_bytes(), filename=name).resolution
    printed = pdf_layout(source, STYLES[style](seed=len(name)))
    back = read_any(printed, filename=name.replace(".md", ".pdftext.txt")).resolution
    lost = style == "no-blank-lines" and name in UNSPACED_NUMBER_LOST
    if not lost:
        assert paragraph_reading(back) == paragraph_reading(source)
    wrong = truth_mismatches(back, TRUTH[name], [f for f in FIELDS if not (lost and f == "operative_first_words")])
    assert not wrong, "\n".join(wrong)


def test_the_layout_looks_like_a_pdf_extraction():
    source = read_any((CORPUS / "A_RES_80_11.md").read_bytes(), filename="A_RES_80_11.md").resolution
    lines = pdf_layout(source, Style(seed=1)).splitlines()
    assert "_______________ " in lines  # footnote blocks
    assert any(line.startswith("2/") for line in lines)  # page numbers
    assert any(line.rstrip().endswith("(E)") for line in lines)  # job number
    assert max(len(line) for line in lines) <= 90  # hard-wrapped


OTHER_KINDS = ["corpus/A_RES_76_187.seed.md", "corpus/A-DEC-79-512.web.txt", "corpus/E-RES-1991-42.web.txt",
               "data/S_RES_2208_2015.pdftext.txt", "data/A_RES_80_7_fra.pdftext.txt", "data/A_RES_80_7_spa.md",
               *(f"corpus/{n}" for n in sorted(TRUTH) if n.endswith(".pdftext.txt"))]


@pytest.mark.parametrize("relative", OTHER_KINDS)
def test_other_kinds_survive_a_pdf_and_a_web_layout(relative):
    path = CORPUS.parent / relative
    source = read_any(path.read_bytes(), filename=path.name).resolution
    for printed in (pdf_layout(source, Style(seed=3)), pdf_layout(source, Style(number_on_own_line=False, width=100)),
                    pdf_layout(source, Style(blank_lines=False, seed=5)), web_layout(source, WebStyle())):
        back = read_any(printed, filename=path.name).resolution
        assert paragraph_reading(back) == paragraph_reading(source)


def as_adopted_by(res, organ: str, number: str, session: str):
    """The same text as if another organ had adopted it: its name, symbol and number printed instead."""
    from dataclasses import replace

    from akn.model import Text

    name = {"ECOSOC": "Economic and Social Council", "HRC": "Human Rights Council"}[organ]
    symbol = {"ECOSOC": "E/RES/", "HRC": "A/HRC/RES/"}[organ] + number

    def retold(nodes):
        out = []
        for node in nodes:
            if isinstance(node, Text):
                text = node.text.replace("General Assembly", name).replace(res.meta.symbol, symbol)
                node = Text(re.sub(r"^(?:[A-Z][a-z]+-)?[A-Za-z]+ session$", session, text))
            elif hasattr(node, "children"):
                node.children = retold(node.children)
            out.append(node)
        return out

    for line in res.masthead:
        line.children = retold(line.children)
    res.formula, res.closing = retold(res.formula), [retold(c) for c in res.closing]
    res.number, res.meta = number, replace(res.meta, symbol=symbol, body=organ)
    return res


@pytest.mark.parametrize("organ, number, session", [("ECOSOC", "2025/{k}", "2025 session"),
                                                    ("HRC", "58/{k}", "Fifty-eighth session")])
@pytest.mark.parametrize("name", REFLOWED[::7])
def test_a_resolution_of_another_organ_reads_with_its_symbol_number_and_session(name, organ, number, session):
    source = read_any((CORPUS / name).read_bytes(), filename=name).resolution
    number = number.format(k=source.number.split("/")[1])
    other = as_adopted_by(source, organ, number, session)
    printed = pdf_layout(other, Style(number_on_own_line=False, seed=len(name)))
    assert session in printed and f"{number}. " in printed
    back = read_any(printed, filename="resolution.pdftext.txt").resolution
    assert (back.meta.body, back.meta.symbol, back.number) == (organ, other.meta.symbol, number)
    assert [plain_text(l.children) for l in back.masthead if l.role == "session"] == [session]
    assert paragraph_reading(back) == paragraph_reading(source)
