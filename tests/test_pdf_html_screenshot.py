"""The HTML made from an official PDF reads like the PDF's first page (issue 13).

A real headless Chromium shows the HTML; poppler reads the PDF page (pdftotext for its words in
reading order, pdftohtml for where each run stands and whether it is italic or bold), so the PDF
side does not come from akn's reader. The side-by-side picture a person looks at is made by
``python -m tests.pdf_screenshot OUT.png`` (here saved to $AKN_ARTIFACTS, else a temporary folder).
"""
from __future__ import annotations

import re
import shutil
from difflib import SequenceMatcher

import pytest

from .cdp import Browser, find_chromium
from .pdf_samples import PDFS
from .pdf_screenshot import HtmlPage, PdfPage, Run, make, open_html, read_html_page, words
from .test_html_browser import artifacts, unavailable  # noqa: F401 (a fixture)

ALL = sorted(p.name for p in PDFS.glob("*.pdf"))  # tagged and untagged (A/RES/78/143)
WITH_OPERATIVE = ["A_RES_80_1.pdf", "A_RES_80_7.pdf"]  # an operative paragraph on the first page
#: the share of the page at its foot where the job number and barcode stand (page furniture)
FOOT = 0.08


@pytest.fixture(scope="module")
def browser():
    executable = find_chromium()
    if not executable:
        unavailable("Chromium is not installed (apt-get install chromium, or set AKN_CHROMIUM)")
    if not (shutil.which("pdftoppm") and shutil.which("pdftohtml") and shutil.which("pdftotext")):
        unavailable("poppler-utils (pdftoppm, pdftohtml, pdftotext) are not installed")
    with Browser(executable) as b:
        yield b


@pytest.fixture(scope="module")
def pages(request, browser, artifacts, tmp_path_factory) -> tuple[PdfPage, HtmlPage, object]:
    name = request.param
    work = tmp_path_factory.mktemp("pdfshot")
    out = artifacts / f"{name[:-4]}.side-by-side.png"
    pdf_page, html_page = make(browser, PDFS / name, out, work)
    assert out.stat().st_size > 10_000
    page = open_html(browser, work / f"{name[:-4]}.html")
    yield pdf_page, html_page, page
    page.send("Page.close")


def body_runs(pdf: PdfPage) -> list[Run]:
    return [r for r in pdf.runs if r.top < (1 - FOOT) * pdf.height]


def pdf_top(pdf: PdfPage, phrase: str) -> Run:
    """The first run of the PDF page whose text (with the runs after it on its line) opens with ``phrase``."""
    runs = body_runs(pdf)
    want = words(phrase)
    for k, run in enumerate(runs):
        line = " ".join(r.text for r in runs[k:k + 6] if abs(r.top - run.top) < 12)
        if words(line)[:len(want)] == want:
            return run
    raise AssertionError(f"{phrase!r} is not on the PDF's first page")


#: where each landmark stands in the HTML: its element's box, and its text
LANDMARKS_JS = r"""(() => {
  const at = s => { const e = document.querySelector(s); if (!e) return null;
    const r = e.getBoundingClientRect(); return {text: e.innerText, top: r.top + scrollY, left: r.left}; };
  return {symbol: at('[data-role="symbol"]'), organ: at('[data-role="organ"]'),
          title: at('.akn-docTitle'), preamble: at('#preamble__container_1'),
          operative: at('.akn-mainBody .akn-paragraph')};
})()"""


@pytest.mark.parametrize("pages", WITH_OPERATIVE, indirect=True)
def test_masthead_title_preamble_and_operative_part_stand_in_the_same_order(pages):
    pdf, _, page = pages
    marks = page.evaluate(LANDMARKS_JS)
    # the PDF prints the symbol's first letter larger: find it by the rest of it
    pdf_runs = {name: pdf_top(pdf, mark["text"][1:] if name == "symbol" else " ".join(mark["text"].split()[:3]))
                for name, mark in marks.items()}
    in_html = sorted(marks, key=lambda n: marks[n]["top"])
    in_pdf = sorted(pdf_runs, key=lambda n: pdf_runs[n].top)
    assert in_html == in_pdf
    # the symbol stands at the right, the organ at the left, on both
    assert marks["symbol"]["left"] > marks["organ"]["left"] + 200
    assert pdf_runs["symbol"].left > pdf_runs["organ"].left + 200


#: the left edges, in em of the body type, of the first preambular paragraph's first line and of
#: its second, of the first operative number and of its paragraph's second line
INDENTS_JS = r"""(() => {
  const size = parseFloat(getComputedStyle(document.querySelector('.akn-preamble .akn-p')).fontSize);
  const starts = e => {  // each line's left edge (footnote markers, raised, left out)
    const at = new Map(), walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('sup')) continue;
      const r = document.createRange(); r.selectNodeContents(node);
      for (const b of r.getClientRects()) if (b.width > 0) {
        const top = Math.round(b.bottom); at.set(top, Math.min(at.get(top) ?? Infinity, b.left)); } }
    return [...at.keys()].sort((x, y) => x - y).map(t => at.get(t)); };
  const margin = document.querySelector('.akn-preamble').getBoundingClientRect().left;
  const pre = starts(document.querySelector('#preamble__container_1 .akn-p'));
  const paras = [...document.querySelectorAll('.akn-mainBody .akn-paragraph')];
  const num = paras[0].querySelector(':scope > .akn-num').getBoundingClientRect().left;
  const long = paras.map(p => starts(p.querySelector('.akn-p'))).find(s => s.length > 1);
  return {margin: margin / size, preamble: pre[0] / size, num: num / size, second: long[1] / size};
})()"""


@pytest.mark.parametrize("pages", WITH_OPERATIVE, indirect=True)
def test_operative_paragraphs_are_indented_as_printed(pages):
    """A numbered paragraph's number stands at the preamble's first-line indent and its
    following lines come back to the margin, in the PDF and in the HTML."""
    pdf, _, page = pages
    em = page.evaluate(INDENTS_JS)
    html_indent = {k: v - em["margin"] for k, v in em.items() if k != "margin"}
    marks = page.evaluate(LANDMARKS_JS)
    runs = body_runs(pdf)
    lefts = [round(r.left) for r in runs if len(r.text) > 30]
    margin = max(set(lefts), key=lefts.count)  # where most lines of running text start
    first_pre = pdf_top(pdf, " ".join(marks["preamble"]["text"].split()[:3]))
    num = pdf_top(pdf, " ".join(marks["operative"]["text"].split()[:3]))
    size = 10.0  # the UN's body type, points
    pdf_indent = {"preamble": (first_pre.left - margin) / size, "num": (num.left - margin) / size}
    assert abs(pdf_indent["num"] - pdf_indent["preamble"]) < 0.5  # the PDF: number at the indent
    for key in ("preamble", "num"):
        assert abs(html_indent[key] - pdf_indent[key]) < 1.0, (key, html_indent, pdf_indent)
    assert abs(html_indent["second"]) < 0.2, html_indent  # the paragraph's next line at the margin


@pytest.mark.parametrize("pages", ALL, indirect=True)
def test_the_words_read_in_the_pdfs_order(pages):
    """The page's words (but its job number and barcode) appear in the HTML in the same order."""
    pdf, html, _ = pages
    furniture = set(words(" ".join(r.text for r in pdf.runs if r.top >= (1 - FOOT) * pdf.height)))
    printed = [w for w in pdf.words if w not in furniture]
    match = SequenceMatcher(None, printed, html.words, autojunk=False)
    kept = sum(b.size for b in match.get_matching_blocks())
    missing = [printed[i] for i in range(len(printed))
               if not any(b.a <= i < b.a + b.size for b in match.get_matching_blocks())]
    assert kept >= 0.97 * len(printed), f"{len(printed) - kept} of {len(printed)} words out of order: {missing[:20]}"


def _unspaced(text: str) -> str:
    """Without white space: the PDF spaces some runs as the HTML does not ("5 –16", "78/143." apart)."""
    return "".join(text.replace("\u2011", "-").split())


def _styled(html: HtmlPage, style: str) -> tuple[str, list[bool]]:
    """The HTML's text in order, without white space, with each character's style."""
    text, flags = "", []
    for piece in html.pieces:
        chunk = _unspaced(piece.text)
        text += chunk
        flags += [getattr(piece, style)] * len(chunk)
    return text, flags


def _styles_agree(pdf: PdfPage, html: HtmlPage, style: str) -> list[str]:
    """Every run of the PDF page printed in ``style`` has its letters in that style in the HTML,
    and every run of a few words printed otherwise has none."""
    text, flags = _styled(html, style)
    wrong, cursor = [], 0
    for run in body_runs(pdf):
        if not any(c.isalpha() for c in run.text) or (not getattr(run, style) and len(words(run.text)) < 3):
            continue
        phrase = _unspaced(run.text).strip(",;:()[]")
        found = [m.start() for m in re.finditer(re.escape(phrase), text)]
        if not found:
            wrong.append(f"{phrase!r} not in the HTML")
            continue
        # the occurrence nearest the one before: reading order, where the two columns of the
        # masthead may be read in either order
        at = min(found, key=lambda k: (abs(k - cursor), k < cursor))
        cursor = at + len(phrase)
        letters = [flags[at + i] for i, c in enumerate(phrase) if c.isalpha()]
        if getattr(run, style) and not all(letters):
            wrong.append(f"{phrase!r} is {style} in the PDF, not in the HTML")
        elif not getattr(run, style) and any(letters):
            wrong.append(f"{phrase!r} is {style} in the HTML, not in the PDF")
    return wrong


@pytest.mark.parametrize("pages", ALL, indirect=True)
def test_italic_runs_of_the_pdf_are_italic_in_the_html(pages):
    pdf, html, _ = pages
    assert sum(r.italic for r in body_runs(pdf)) >= 5
    assert _styles_agree(pdf, html, "italic") == []


@pytest.mark.parametrize("pages", ALL, indirect=True)
def test_bold_runs_of_the_pdf_are_bold_in_the_html(pages):
    """The organ, session, agenda title, adoption line, number and title: bold as printed."""
    pdf, html, _ = pages
    assert sum(r.bold for r in body_runs(pdf)) >= 4
    assert _styles_agree(pdf, html, "bold") == []
