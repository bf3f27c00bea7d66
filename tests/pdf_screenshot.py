"""The HTML made from a PDF beside the PDF's own first page, to see (and test) that it reads alike.

    python -m tests.pdf_screenshot OUT.png [X.pdf]    # default: tests/data/pdf/A_RES_80_1.pdf

Converts the PDF to HTML, opens it in headless Chromium at the width where its column of text
is as wide, relative to the page, as the PDF's, and takes a screenshot one PDF page tall, scaled
to the PDF page's size at 72 dpi; renders the PDF's first page with ``pdftoppm -png -r 72``; and
saves the two side by side in OUT.png. The evidence about the PDF page (its words in reading
order, where its lines stand, which runs are italic or bold) comes from poppler (pdftotext,
pdftohtml), not from akn's own PDF reader, so the comparison does not grade the reader by itself.
"""
from __future__ import annotations

import base64
import html
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

import akn

from .cdp import Browser, Page, find_chromium
from .pdf_samples import PDFS

SAMPLE = PDFS / "A_RES_80_1.pdf"
#: the CSS width the HTML is shown at: its 44em column then takes the share of the width that the
#: PDF's text column takes of its page (about three quarters)
VIEW_WIDTH = 1020
_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Letters and digits, lower case, hyphens and non-breaking hyphens apart."""
    return [w.lower() for w in _WORD.findall(text.replace("\u2011", "-"))]


@dataclass
class Run:
    """One run of text on the PDF page, as pdftohtml reports it (points from the top left)."""

    text: str
    top: float
    left: float
    italic: bool
    bold: bool


@dataclass
class PdfPage:
    width: float  # points
    height: float
    runs: list[Run]
    words: list[str]  # pdftotext's reading order


def read_pdf_page(pdf: Path, page: int = 1) -> PdfPage:
    """The words, runs and styles of one page of ``pdf``, from poppler."""
    text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, check=True).stdout.decode("utf-8")
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-q", "-zoom", "1", "-f", str(page), "-l", str(page),
                          "-stdout", str(pdf)], capture_output=True, check=True).stdout
    node = etree.fromstring(xml, etree.XMLParser(recover=True)).find("page")
    runs = []
    for el in node.iter("text"):
        content = "".join(el.itertext())
        if content.strip():
            runs.append(Run(" ".join(content.split()), float(el.get("top")), float(el.get("left")),
                            el.find(".//i") is not None, el.find(".//b") is not None))
    return PdfPage(float(node.get("width")), float(node.get("height")), runs, words(text))


def render_pdf_page(pdf: Path, out: Path, page: int = 1) -> None:
    """``pdftoppm -png -r 72`` of one page: the PDF as a reader sees it, one pixel a point."""
    stem = out.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "72", "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(stem)], check=True)


#: every text node of the page in order, with the computed style of its element and the box of
#: its first character: what a reader of the HTML sees, character by character
_READ_HTML = r"""(() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement, style = getComputedStyle(el);
    if (!node.data.trim() || style.display === 'none' || style.visibility === 'hidden') continue;
    const range = document.createRange(); range.selectNodeContents(node);
    const box = range.getBoundingClientRect();
    out.push({text: node.data, italic: style.fontStyle === 'italic', bold: parseInt(style.fontWeight) >= 600,
              top: box.top + scrollY, left: box.left, right: box.right});
  }
  return {nodes: out, text: document.querySelector('main').innerText, width: innerWidth};
})()"""


@dataclass
class HtmlPiece:
    text: str  # as the text node holds it, white space and all
    top: float
    left: float
    right: float
    italic: bool
    bold: bool


@dataclass
class HtmlPage:
    pieces: list[HtmlPiece]
    words: list[str]  # innerText's reading order
    width: float


def html_of(pdf: Path) -> str:
    return akn.convert(pdf.read_bytes(), to="html", filename=pdf.name)


def open_html(browser: Browser, html_path: Path) -> Page:
    page = browser.new_page(VIEW_WIDTH, 1200)
    page.open(html_path.as_uri())
    return page


def read_html_page(page: Page) -> HtmlPage:
    found = page.evaluate(_READ_HTML)
    pieces = [HtmlPiece(n["text"], n["top"], n["left"], n["right"], n["italic"], n["bold"])
              for n in found["nodes"]]
    return HtmlPage(pieces, words(found["text"]), found["width"])


def screenshot_one_page(page: Page, pdf_page: PdfPage, out: Path) -> None:
    """The HTML from its top, as much of it as one PDF page holds at the PDF's type size, scaled
    to the PDF page's width in pixels."""
    scale = pdf_page.width / VIEW_WIDTH
    height = min(pdf_page.height / scale, page.evaluate("document.documentElement.scrollHeight"))
    data = page.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": {
        "x": 0, "y": 0, "width": VIEW_WIDTH, "height": height, "scale": scale}})["data"]
    out.write_bytes(base64.b64decode(data))


def side_by_side(browser: Browser, left: Path, right: Path, out: Path, width: float, height: float) -> None:
    """The two pictures next to each other on a grey ground, each with a caption, in one PNG."""
    page_html = f"""<!DOCTYPE html><html><body style="margin:0;background:#888;font:14px sans-serif">
<div style="display:flex;gap:16px;padding:16px;align-items:flex-start">
<figure style="margin:0"><figcaption style="color:#fff;margin-bottom:6px">HTML (akn convert, Chromium)</figcaption>
<img src="{html.escape(left.as_uri())}" style="display:block;background:#fff;width:{width}px"></figure>
<figure style="margin:0"><figcaption style="color:#fff;margin-bottom:6px">PDF page 1 (pdftoppm -r 72)</figcaption>
<img src="{html.escape(right.as_uri())}" style="display:block;width:{width}px"></figure>
</div></body></html>"""
    sheet = left.parent / "side-by-side.html"
    sheet.write_text(page_html, encoding="utf-8")
    total_w, total_h = int(2 * width + 48), int(height + 60)
    page = browser.new_page(total_w, total_h)
    try:
        page.open(sheet.as_uri())
        page.evaluate("Promise.all([...document.images].map(i => i.decode()))", await_promise=True)
        page.screenshot(out)
    finally:
        page.send("Page.close")


def make(browser: Browser, pdf: Path, out: Path, work: Path) -> tuple[PdfPage, HtmlPage]:
    """Write the side-by-side picture of ``pdf`` to ``out``; return what both pages show."""
    pdf_page = read_pdf_page(pdf)
    html_path = work / (pdf.stem + ".html")
    html_path.write_text(html_of(pdf), encoding="utf-8")
    page = open_html(browser, html_path)
    try:
        shown = read_html_page(page)
        screenshot_one_page(page, pdf_page, work / "html.png")
    finally:
        page.send("Page.close")
    render_pdf_page(pdf, work / "pdf.png")
    side_by_side(browser, work / "html.png", work / "pdf.png", out, pdf_page.width, pdf_page.height)
    return pdf_page, shown


def main(argv: list[str]) -> int:
    if not argv or argv[0].startswith("-"):
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    pdf = Path(argv[1]) if len(argv) > 1 else SAMPLE
    executable = find_chromium()
    if not executable:
        print("Chromium is not installed (apt-get install chromium, or set AKN_CHROMIUM)", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="akn-pdfshot-") as work, Browser(executable) as browser:
        make(browser, pdf, out, Path(work))
    print(json.dumps({"wrote": str(out)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
