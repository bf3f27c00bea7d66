"""The HTML reader (readers/html.py): saved web pages read as web copies."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from akn.api import read_any, render
from akn.readers.html import html_to_text, looks_like_html

from ..conftest import CORPUS, corpus_truth
from ..web_layout import WebStyle, web_layout
from ..akn_observe import FIELDS, MASTHEAD_FIELDS
from .reading import paragraph_reading, truth_mismatches

TRUTH = corpus_truth()


@pytest.mark.parametrize("head, page", [
    ("<!DOCTYPE html><html>", True), ("\ufeff  <!doctype HTML>\n<html lang=en>", True), ("<html>", True),
    ('<?xml version="1.0"?>\n<!DOCTYPE html>', True), ("<!-- saved --><html>", True),
    ('<?xml version="1.0"?><akomaNtoso xmlns="x">', False), ("The General Assembly,", False), ("<p>text", False),
])
def test_a_web_page_is_told_by_its_opening(head, page):
    assert looks_like_html(head) is page and looks_like_html(head.encode("utf-8")) is page


def test_a_page_becomes_the_text_a_browser_shows():
    page = """<!DOCTYPE html><html><head><title>T</title><style>p {}</style><script>var a = 1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/docs">Documents</a></nav>
<h1>80/11. 2025 review of the
   peacebuilding architecture</h1>
<p><i>The General Assembly</i>,</p>
<p><i> Recalling </i> its resolution 70/1,<sup><a href="#fn1" id="fnref1">1</a></sup> and <b>welcoming</b> 1<sup>st</sup>,</p>
<div class="para"><span>1.</span><div><em>Decides</em> to act;<br>next line</div></div>
<table><tr><td>a</td><td>b</td></tr></table>
<ol class="footnotes"><li id="fn1"><p>See A/80/1. <a href="#fnref1">&#8617;</a></p></li></ol>
<footer>&copy; 2025 &amp; more</footer></body></html>"""
    assert html_to_text(page).split("\n\n") == [
        "Home | Documents", "80/11. 2025 review of the peacebuilding architecture", "*The General Assembly*,",
        "*Recalling* its resolution 70/1,¹ and **welcoming** 1st,", "1. *Decides* to act;\nnext line", "a b",
        "[^1]: See A/80/1.", "© 2025 & more\n"]


def test_endnotes_take_their_number_from_the_list_or_their_text():
    page = ('<!DOCTYPE html><html><body><ol start="3"><li>2030 Agenda <a href="#fnref3">↩</a></li>'
            '<li><span>4</span> See A/1. <a role="doc-backlink" href="#x">back</a></li></ol>'
            '<ul><li>12. Note twelve <a href="#fnref12">↩</a></li></ul></body></html>')
    assert html_to_text(page).split("\n\n") == ["[^3]: 2030 Agenda", "[^4]: See A/1.", "[^12]: Note twelve\n"]


def test_a_legacy_page_in_windows_1252_is_read_whatever_its_meta_says():
    page = '<!DOCTYPE html><html><head><meta charset="iso-8859-1"></head><body><p>Réaffirmant “x”</p></body></html>'
    assert html_to_text(page.encode("cp1252")) == "Réaffirmant “x”\n"


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_the_html_writers_page_reads_back_to_the_same_resolution(name):
    source = read_any((CORPUS / name).read_bytes(), filename=name).resolution
    back = read_any(render(source, "html"), filename="page.html").resolution
    assert paragraph_reading(back) == paragraph_reading(source)
    assert not truth_mismatches(back, TRUTH[name])


def cms_page(text: str) -> str:
    """A web copy (tests/web_layout.py, endnotes style) as a content system would publish it:
    a <p> a line, markers as linked superscripts, the notes as a list with links back."""
    body, notes, footer = [], [], []
    for line in text.split("\n"):
        note = re.match(r"^\[(\d+)\] (.*)$", line)
        escaped = html.escape(note.group(2) if note else line)
        if note:
            notes.append(f'<li id="fn{note.group(1)}">{escaped} <a href="#fnref{note.group(1)}">↩</a></li>')
        elif line.strip():  # the site's own text after the notes is the page's footer
            (footer if notes else body).append(
                "<p>" + re.sub(r"\[(\d+)\]", r'<sup><a id="fnref\1" href="#fn\1">\1</a></sup>', escaped) + "</p>")
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Resolution</title></head><body>\n"
            + "\n".join(body) + '\n<section class="footnotes"><ol>\n' + "\n".join(notes) + "\n</ol></section>\n"
            + "<footer>" + "\n".join(footer) + "</footer>\n</body></html>\n")


@pytest.mark.parametrize("name", sorted(n for n in TRUTH if n.endswith(".md"))[::4])
def test_a_content_systems_page_reads_like_the_text(name):
    source = read_any((CORPUS / name).read_bytes(), filename=name).resolution
    page = cms_page(web_layout(source, WebStyle(notes="endnotes")))
    assert "<sup><a" in page or "[^" not in page
    back = read_any(page.encode("utf-8"), filename=name.replace(".md", ".html")).resolution
    assert paragraph_reading(back) == paragraph_reading(source)
    assert not truth_mismatches(back, TRUTH[name], [f for f in FIELDS if f not in MASTHEAD_FIELDS])


@pytest.mark.parametrize("page", ["<!DOCTYPE html><html><body><script>x()</script></body></html>",
                                  "<!DOCTYPE html><html><body>" + "<div>" * 400 + "The General Assembly,"])
def test_a_page_without_readable_text_is_refused_clearly(page):
    from akn.errors import ConversionError

    with pytest.raises(ConversionError, match="shows no text"):
        read_any(page)


def word_page(text: str) -> str:
    """A web copy as Word's "Save as web page" writes it: MsoNormal paragraphs, footnote references
    as bracketed numbers in styled spans (no <sup>), the notes in divs at the end."""
    body = []
    for line in text.split("\n"):
        note = re.match(r"^\[(\d+)\] (.*)$", line)
        if note:
            k = note.group(1)
            body.append(f'<div id=ftn{k}><p class=MsoFootnoteText><a href="#_ftnref{k}" name="_ftn{k}">'
                        f"<span class=MsoFootnoteReference>[{k}]</span></a> {html.escape(note.group(2))}</p></div>")
        elif line.strip():
            marked = re.sub(r"\[(\d+)\]", r'<a href="#_ftn\1" name="_ftnref\1"><span class=MsoFootnoteReference>[\1]</span></a>',
                            html.escape(line))
            body.append(f"<p class=MsoNormal><span lang=EN-GB>{marked}</span></p>")
    return ('<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type '
            'content="text/html; charset=utf-8"></head><body><div class=WordSection1>' + "\n".join(body) + "</div></body></html>")


@pytest.mark.parametrize("name", sorted(n for n in TRUTH if n.endswith(".md"))[1::5])
def test_a_page_saved_from_word_reads_like_the_text(name):
    source = read_any((CORPUS / name).read_bytes(), filename=name).resolution
    back = read_any(word_page(web_layout(source, WebStyle(notes="endnotes"))), filename="page.htm").resolution
    assert paragraph_reading(back) == paragraph_reading(source)
    assert not truth_mismatches(back, TRUTH[name], [f for f in FIELDS if f not in MASTHEAD_FIELDS])


def test_an_ordered_lists_numbering_is_the_paragraph_numbering():
    """Operative paragraphs in <ol><li> (start= continuing the numbers) with sub-items in a nested
    <ol type="a">: used to glue operative 1 onto the preamble and lose every number."""
    from akn.model import plain_text

    page = (Path(__file__).parent.parent / "data" / "ordered-lists.html").read_bytes()
    res = read_any(page).resolution
    assert [plain_text(p.children) for p in res.preamble][-1].endswith("drinking water,")
    assert [p.num for p in res.body] == ["1", "2", "3"]
    assert plain_text(res.body[0].children).startswith("Encourages")
    assert [(i.num, plain_text(i.children)) for i in res.body[1].items] == [
        ("a", "To submit a report at its eightieth session;"), ("b", "To take all necessary measures;")]


@pytest.mark.parametrize("markup, label", [
    ('<ol start="7"><li>x</li></ol>', "7. x"),
    ('<ol type="i"><li>x</li><li>y</li></ol>', "(ii) y"),
    ('<ol type="A"><li>x</li></ol>', "A. x"),
    ('<ol><li value="5">x</li><li>y</li></ol>', "6. y"),
    ('<ol><li>1. x</li></ol>', "1. x"),  # the item prints its label itself
    ('<ol><li>1990 was a year</li></ol>', "1. 1990 was a year"),
    ('<ul><li>x</li></ul>', "x"),
])
def test_list_labels(markup, label):
    assert html_to_text(f"<!DOCTYPE html><html><body>{markup}</body></html>").strip().splitlines()[-1] == label
