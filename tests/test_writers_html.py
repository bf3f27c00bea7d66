"""The HTML writer: the page's structure and meaning, escaping, eIds shared with AKN, packaging."""
from __future__ import annotations

import os
import shutil
import subprocess
import sysconfig
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree, html as lhtml

import akn
from akn.api import render
from akn.cli import main
from akn.model import Footnote, Metadata, Paragraph, Ref, Resolution, Text, iter_footnotes, walk_paragraphs
from akn.naming import assign_eids
from akn.readers.text import read_text
from akn.writers.html import template_dir, write_html

from .conftest import CORPUS

ROOT = Path(__file__).resolve().parent.parent
SEED = CORPUS / "A_RES_76_187.seed.md"
AKN_NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
#: ids the page adds for its own navigation, never AKN eIds
PAGE_IDS = ("fnref-", "akn-notes-heading")


def model(path: Path):
    return read_text(path.read_bytes(), filename=str(path)).resolution


def akn_eids(xml: etree._Element) -> list[str]:
    """The eIds of the document's content: nothing in <meta> (TLCs, vote counts) is on the page."""
    meta = f"{{{AKN_NS['a']}}}meta"
    return [el.get("eId") for el in xml.iter() if el.get("eId")
            and not any(a.tag == meta for a in el.iterancestors())]


def page(res) -> lhtml.HtmlElement:
    return lhtml.document_fromstring(write_html(res))


def readable_corpus() -> list[Path]:
    """Corpus files the text reader turns into a model (some still fail: that is the reader's work)."""
    out = []
    for path in sorted(CORPUS.iterdir()):
        if path.suffix not in (".md", ".txt") or path.name in ("SOURCES.md", "TRUTH_SCHEMA.md"):
            continue
        try:
            model(path)
        except akn.AknError:
            continue
        out.append(path)
    return out


CORPUS_FILES = readable_corpus()


@pytest.fixture(scope="module")
def seed_res():
    return model(SEED)


@pytest.fixture(scope="module")
def seed_page(seed_res):
    return page(seed_res)


def test_enough_of_the_corpus_renders():
    assert len(CORPUS_FILES) >= 30


# ------------------------------------------------------------------------ eIds, shared with AKN


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_akn_eid_is_an_html_id(path):
    res = model(path)
    xml = etree.fromstring(render(res, "akn", validate=False).encode("utf-8"))
    eids = akn_eids(xml)
    doc = page(res)
    ids = [el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    content_ids = [i for i in ids if not i.startswith(PAGE_IDS)]
    assert sorted(content_ids) == sorted(eids)
    for el in doc.iter():
        if isinstance(el.tag, str) and el.get("data-eid"):
            assert el.get("id") == el.get("data-eid")


def test_paragraph_25_deep_links_to_operative_paragraph_25(seed_page):
    para = seed_page.get_element_by_id("para_25")
    assert "akn-paragraph" in para.classes
    assert para.find_class("akn-num")[0].text_content() == "25."


# ------------------------------------------------------------------------ what the page shows


def test_masthead_in_printed_places(seed_page):
    left = seed_page.find_class("masthead-left")[0].text_content().split()
    right = seed_page.find_class("masthead-right")[0].text_content()
    assert left == ["General", "Assembly"]
    assert right.split() == ["A/RES/76/187", "Distr.:", "General", "11", "January", "2022"]
    date = seed_page.find_class("masthead-right")[0].find(".//time")
    assert date.get("datetime") == "2022-01-11" and "akn-docDate" in date.classes
    session = seed_page.xpath('//*[@data-name="session"]')[0].text_content().split("\n")
    assert [s for s in session if s] == ["Seventy-sixth session", "Agenda item 108",
                                         "Crime prevention and criminal justice"]
    status = seed_page.xpath('//*[@data-role="status"]//time')[0]
    assert status.get("datetime") == "2021-12-16"
    committee = seed_page.xpath('//*[@data-role="committee"]')[0]
    assert committee.text_content() == "[on the report of the Third Committee (A/76/463, para. 26)]"


def test_one_h1_with_number_and_title(seed_page):
    (h1,) = seed_page.iter("h1")
    assert h1.find_class("akn-docNumber")[0].text_content() == "76/187."
    assert h1.find_class("akn-docTitle")[0].text_content().startswith("Strengthening the United Nations crime")
    assert seed_page.find(".//title").text.startswith("A/RES/76/187: Strengthening")


def test_lang_and_document_iri(seed_page):
    assert seed_page.get("lang") == "en"
    article = seed_page.find(".//article")
    assert article.get("data-frbr-expression-uri") == "/akn/un/statement/deliberation/un-ga/2021-12-16/76-187/eng@"


def test_preamble_paragraphs_open_with_their_italic_phrase(seed_res, seed_page):
    containers = seed_page.find_class("akn-preamble")[0].find_class("akn-container")
    assert len(containers) == len(seed_res.preamble) == 74  # the hand-made truth
    first = containers[1]
    assert first.get("data-name") == "reaffirmingAlso"
    p = first.find("p")
    assert p.text is None and p[0].tag == "i" and p[0].text == "Reaffirming also"
    assert seed_page.find_class("akn-formula")[0].text_content() == "The General Assembly,"


def test_operative_paragraphs_have_their_numbers(seed_res, seed_page):
    paras = seed_page.find_class("akn-mainBody")[0].find_class("akn-paragraph")
    assert len(paras) == len(seed_res.body)
    nums = [p.find_class("akn-num")[0].text_content() for p in paras if p.find_class("akn-num")]
    assert nums == [f"{p.num}." for p in seed_res.body if p.num]
    assert nums[:3] == ["1.", "2.", "3."] and nums[-1] == "77."
    assert paras[0].find_class("akn-content")[0].text_content().startswith("Takes note")


def test_items_and_sections():
    res = model(CORPUS / "A_RES_80_11.md")
    doc = page(res)
    with_items = [p for p in walk_paragraphs(res.body) if p.items]
    assert with_items, "A/RES/80/11 has lettered items"
    eids = assign_eids(res)
    for para in with_items:
        lst = doc.get_element_by_id(eids.list_of(para))
        assert lst.getparent().get("id") == eids.of(para)
        points = [el for el in lst if "akn-point" in el.classes]
        assert [pt.find_class("akn-num")[0].text_content() for pt in points] == [f"({i.num})" for i in para.items]
        assert [pt.get("id") for pt in points] == [f"{lst.get('id')}__point_{i.num}" for i in para.items]
    sections = doc.find_class("akn-division")
    assert [s[0].tag for s in sections] == ["h2"] * 3
    assert [s.get("id") for s in sections] == ["dvs_1", "dvs_2", "dvs_3"]


def test_footnote_markers_link_to_notes_and_back(seed_res, seed_page):
    markers = seed_page.find_class("akn-noteref")
    notes = seed_page.find_class("akn-authorialNote")
    in_model = [n for p in seed_res.preamble for n in iter_footnotes(p.children)]
    in_model += [n for p in walk_paragraphs(seed_res.body) for n in iter_footnotes(p.children)]
    assert len(markers) == len(notes) == len(in_model) == 46
    assert [n.get("data-marker") for n in notes] == [n.marker for n in in_model]
    for marker, note in zip(markers, notes):
        assert marker.getparent().tag == "sup"
        assert marker.get("href") == "#" + note.get("id")
        assert note.find_class("akn-backref")[0].get("href") == "#" + marker.get("id")
        assert marker.text_content() == note.get("data-marker") == note.find_class("akn-marker")[0].text_content()
    assert notes[0].text_content().startswith("1United Nations, Treaty Series, vols. 2225")
    assert notes[0].find(".//i").text == "Treaty Series"
    # the notes come after everything else on the page
    article = seed_page.find(".//article")
    assert article[-1].get("class") == "akn-notes"


def test_closing_lines(seed_page):
    closing = seed_page.find_class("akn-conclusions")[0]
    lines = [p.text_content() for p in closing.iter("p")]
    assert lines == ["53rd plenary meeting", "16 December 2021"]
    assert closing.find(".//time").get("datetime") == "2021-12-16"


def test_annex():
    res = model(CORPUS / "A_RES_80_5.md")
    doc = page(res)
    (annex,) = doc.find_class("akn-attachment")
    assert annex.get("id") == "att_1"
    assert annex[0].tag == "h2" and annex[0].find_class("akn-heading")[0].text_content().startswith("Annex")
    assert all(p.get("id").startswith("att_1__") for p in annex.find_class("akn-paragraph"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_headings_go_down_one_level_at_a_time(path):
    levels = [int(el.tag[1]) for el in page(model(path)).iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), levels


def test_references_carry_the_akn_iri(seed_page):
    refs = seed_page.find_class("akn-ref")
    assert refs
    for ref in refs:
        assert ref.tag == "a" and ref.get("data-href").startswith("/akn/un/")
        assert ref.get("href") == ref.get("data-href")


def test_a_reference_that_is_not_an_iri_is_not_a_link():
    res = Resolution(Metadata(symbol="A/RES/1/1", adoption_date="2020-01-01"), title=[Text("T")],
                     body=[Paragraph("1", [Ref("javascript:alert(1)", [Text("x")]), Ref("//evil.example/x", [Text("y")])])])
    for ref in page(res).find_class("akn-ref"):
        assert ref.get("href") is None and ref.get("data-href")


# ------------------------------------------------------------------------ escaping


HOSTILE = '<script>alert("pwned")</script> & "quoted" <img src=x onerror=alert(1)>'


def test_text_from_the_resolution_is_escaped():
    text = SEED.read_text(encoding="utf-8")
    title = "Strengthening the United Nations crime prevention"
    welcoming = "Welcoming the results achieved by the Fourteenth"
    assert title in text and welcoming in text
    text = text.replace(title, f"{title} {HOSTILE}", 1).replace(welcoming, f"{welcoming} {HOSTILE}", 1)
    text = text.replace("¹ United Nations, *Treaty Series*", f"¹ United Nations, {HOSTILE} *Treaty Series*", 1)
    out = akn.convert(text, to="html", filename=str(SEED))
    assert "<script" not in out and "<img" not in out
    assert out.count("&lt;script&gt;") >= 4  # <title>, h1, preamble, note
    doc = lhtml.document_fromstring(out)
    assert not list(doc.iter("script", "img"))
    assert not [el for el in doc.iter() if isinstance(el.tag, str) and any(a.startswith("on") for a in el.attrib)]
    assert HOSTILE in doc.find(".//h1").text_content()
    assert HOSTILE in doc.find(".//title").text
    assert HOSTILE in doc.get_element_by_id("preamble__container_3").text_content()
    assert HOSTILE in doc.get_element_by_id("preamble__container_2__authorialNote_1").text_content()


def test_stylesheet_url_is_linked_and_escaped(seed_res):
    url = 'https://example.org/un.css?a=1&b="x"'
    doc = lhtml.document_fromstring(write_html(seed_res, css=url))
    links = doc.findall(".//link[@rel='stylesheet']")
    assert [link.get("href") for link in links] == [url]
    assert doc.find(".//style") is None


def test_self_contained_by_default(seed_page):
    assert seed_page.find(".//style") is not None
    assert seed_page.find(".//link") is None and seed_page.find(".//script") is None
    css = seed_page.find(".//style").text
    assert "@media print" in css and "size: A4" in css and "max-width: 30em" in css


# ------------------------------------------------------------------------ entry points


def test_render_is_deterministic(seed_res):
    assert write_html(seed_res) == write_html(model(SEED))


def test_api_convert_to_html():
    out = akn.convert(SEED.read_bytes(), to="html", filename=str(SEED), css="style.css")
    assert out.startswith("<!DOCTYPE html>\n") and '<link rel="stylesheet" href="style.css">' in out


def test_cli_writes_html_chosen_by_extension(tmp_path):
    out = tmp_path / "res.html"
    result = CliRunner().invoke(main, ["convert", str(SEED), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == write_html(model(SEED))


def test_cli_css_option(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(SEED), "--to", "html", "--css", "/un.css", "-q"])
    assert result.exit_code == 0
    assert '<link rel="stylesheet" href="/un.css">' in result.output


def test_cli_css_is_for_html_only():
    result = CliRunner().invoke(main, ["convert", str(SEED), "--css", "/un.css", "-q"])
    assert result.exit_code == 2 and "--css applies only to HTML" in result.output


def test_other_languages_label_the_notes():
    res = Resolution(Metadata(symbol="A/RES/1/1", language="fra", adoption_date="2020-01-01"),
                     title=[Text("Titre")], body=[Paragraph("1", [Text("Décide"), Footnote("1", [Text("Voir.")])])])
    doc = page(res)
    assert doc.get("lang") == "fr"
    assert doc.get_element_by_id("akn-notes-heading").text == "Notes"
    assert doc.find_class("akn-noteref")[0].get("aria-label") == "Note 1"


# ------------------------------------------------------------------------ packaging


def test_templates_are_the_top_level_folder_in_a_source_tree():
    here = template_dir()
    if "site-packages" in here.parts:  # CI tests an installed akn: the templates came with it
        assert (here / "resolution.html.j2").read_bytes() == (ROOT / "templates" / "resolution.html.j2").read_bytes()
    else:
        assert here == ROOT / "templates"


def test_installed_wheel_ships_the_templates(tmp_path):
    """Build the wheel as pip does, install it (not editable) and convert with the installed command."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PIP_REQUIRE_VIRTUALENV")}
    source = tmp_path / "source"  # a clean copy: no stale build/ folder can supply the templates
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "build", "dist", "*.egg-info", "node_modules", "__pycache__", ".venv", ".pytest_cache", ".hypothesis"))
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(source)],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("akn-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").iterdir():
        assert f"akn/templates/{template.name}" in names
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    py = venv / "bin" / "python"
    install = subprocess.run([str(py), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                             capture_output=True, text=True, env=env, timeout=300)
    assert install.returncode == 0, install.stderr
    # the dependencies come from the environment running the tests (a venv or the system), placed
    # after the new environment's own packages so that the wheel's akn is the one imported; added
    # after the install, or pip would find akn there and install nothing
    inner = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                           capture_output=True, text=True, check=True, timeout=60).stdout.strip()
    outer = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    Path(inner, "akn-test-dependencies.pth").write_text("\n".join(sorted(outer)) + "\n", encoding="utf-8")
    out = tmp_path / "out.html"
    run = subprocess.run([str(venv / "bin" / "akn"), "convert", str(SEED), "-o", str(out), "-q"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8") == write_html(model(SEED))
    where = subprocess.run([str(py), "-c", "from akn.writers.html import template_dir; print(template_dir())"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout


# ------------------------------------------------------------------------ any model


def _models():
    """Small random resolutions with the shapes that make eIds collide: repeated and missing
    numbers, nested sections and items, footnotes everywhere (masthead, closing, annexes)."""
    from hypothesis import strategies as st

    from akn.model import (
        MASTHEAD_ROLES, Annex, DateRef, Event, Italic, Item, MastheadLine, PreambularParagraph, Section,
    )

    nums = st.sampled_from(["1", "2", "2", "a", "I", "", None])
    leaf = st.one_of(st.builds(Text, st.sampled_from(["x", "<b>&\"", "y"])),
                     st.builds(DateRef, st.just("2020-01-01"), st.just("1 January 2020")),
                     st.builds(Event, st.just("3rd plenary meeting")))
    inline = st.recursive(leaf, lambda c: st.one_of(
        st.builds(Italic, st.lists(c, max_size=2)), st.builds(Ref, st.just("/akn/un/x"), st.lists(c, max_size=2)),
        st.builds(Footnote, st.sampled_from(["1", "*"]), st.lists(c, max_size=2))), max_leaves=4)
    inlines = st.lists(inline, max_size=3)
    items = st.recursive(st.builds(Item, st.sampled_from(["a", "b", "a"]), inlines, st.just([])),
                         lambda c: st.builds(Item, st.sampled_from(["a", "i"]), inlines, st.lists(c, max_size=2)),
                         max_leaves=4)
    paras = st.builds(Paragraph, nums, inlines, st.lists(items, max_size=2))
    parts = st.recursive(paras, lambda c: st.builds(Section, nums, inlines, st.lists(c, max_size=3)), max_leaves=6)
    return st.builds(
        Resolution, st.builds(Metadata, st.just("A/RES/76/187"), adoption_date=st.just("2021-12-16")),
        st.lists(st.builds(MastheadLine, st.sampled_from(MASTHEAD_ROLES + ("heading",)), inlines), max_size=4),
        st.sampled_from([None, "76/187"]), inlines, inlines, st.lists(st.builds(PreambularParagraph, inlines), max_size=3),
        st.lists(parts, max_size=4), st.lists(inlines, max_size=2),
        st.lists(st.builds(Annex, st.just("Annex"), inlines, st.lists(parts, max_size=2)), max_size=2))


def test_any_model_gets_the_akn_eids_as_ids_and_links_that_resolve():
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(_models())
    def check(res):
        xml = etree.fromstring(render(res, "akn", validate=False).encode("utf-8"))
        eids = sorted(akn_eids(xml))
        doc = page(res)
        ids = [el.get("id") for el in doc.iter() if isinstance(el.tag, str) and el.get("id")]
        assert len(ids) == len(set(ids))
        assert sorted(i for i in ids if not i.startswith(PAGE_IDS)) == eids
        targets = set(ids)
        assert all(a.get("href")[1:] in targets for a in doc.iter("a") if (a.get("href") or "").startswith("#"))
        assert len(list(doc.iter("h1"))) == 1
        assert not list(doc.iter("script", "b"))

    check()


# ------------------------------------------------------------------ embedding: fragment, templates, links


def test_a_fragment_is_the_pages_article_alone(seed_res):
    page = write_html(seed_res)
    fragment = write_html(seed_res, fragment=True)
    assert fragment.startswith("<article ") and fragment.endswith("</article>\n")
    for tag in ("<html", "<head>", "<body", "<style", "<main"):
        assert tag not in fragment
    assert f"<main>\n{fragment}</main>" in page


def test_the_stylesheet_is_what_the_page_inlines(seed_res):
    from akn.writers.html import stylesheet

    assert f"<style>\n{stylesheet()}" in write_html(seed_res)


def test_a_template_of_ours_extended_replaces_only_its_blocks(seed_res, tmp_path):
    (tmp_path / "document.html.j2").write_text(
        '{% extends "akn/document.html.j2" %}\n'
        '{% block title %}<h1 class="site-title">{{ res.meta.symbol }}: {{ m.inlines(res.title) }}</h1>\n{% endblock %}\n'
        '{% block notes %}{% endblock %}\n', encoding="utf-8")
    ours = lhtml.fragment_fromstring(write_html(seed_res, fragment=True))
    theirs = lhtml.fragment_fromstring(write_html(seed_res, fragment=True, templates=tmp_path))
    h1 = theirs.xpath("//h1")
    assert [h.get("class") for h in h1] == ["site-title"] and h1[0].text_content().startswith("A/RES/76/187: ")
    assert not theirs.xpath("//*[@class='akn-notes']") and ours.xpath("//*[@class='akn-notes']")
    same = "//div[@class='akn-preamble'] | //div[@class='akn-mainBody'] | //div[@class='masthead']"
    assert [lhtml.tostring(e) for e in theirs.xpath(same)] == [lhtml.tostring(e) for e in ours.xpath(same)]
    page = write_html(seed_res, templates=tmp_path)  # the page includes the caller's document template
    assert 'class="site-title"' in page and page.startswith("<!DOCTYPE html>")


def test_a_jinja_loader_works_as_a_templates_folder(seed_res):
    import jinja2

    loader = jinja2.DictLoader({"resolution.html.j2": '{% extends "akn/resolution.html.j2" %}'
                                                      '{% block styles %}<link rel="stylesheet" href="/site.css">\n{% endblock %}'})
    page = write_html(seed_res, templates=loader)
    assert '<link rel="stylesheet" href="/site.css">' in page and "<style>" not in page


def test_template_problems_are_one_line_errors(seed_res, tmp_path):
    with pytest.raises(akn.ConversionError, match="templates folder .* does not exist"):
        write_html(seed_res, templates=tmp_path / "missing")
    (tmp_path / "document.html.j2").write_text("line one\n{% if %}\n", encoding="utf-8")
    with pytest.raises(akn.ConversionError, match=r"HTML template error: .*document\.html\.j2:2: "):
        write_html(seed_res, templates=tmp_path)


def test_a_link_template_points_every_citation_at_its_symbol(seed_res):
    page = lhtml.fromstring(write_html(seed_res, link="https://undocs.org/{symbol}"))
    links = {a.get("data-href"): a.get("href") for a in page.xpath("//a[@class='akn-ref']")}
    assert links["/akn/un/statement/deliberation/un-ga/2020-12-16/75-196"] == "https://undocs.org/A/RES/75/196"
    assert links["/akn/un/doc/document/un-ga/A-76-463"] == "https://undocs.org/A/76/463"
    assert links["/akn/un/statement/deliberation/un-sc/2001/1373"] == "https://undocs.org/S/RES/1373%20(2001)"
    assert all(href and href.startswith("https://undocs.org/") for href in links.values()), links


def test_a_link_template_field_the_citation_lacks_gives_no_link():
    res = Resolution(Metadata("A/RES/1/1", adoption_date="2000-01-01"),
                     body=[Paragraph("1", [Ref("/akn/un/statement/deliberation/un-ga/75-196", [Text("75/196")]),
                                           Ref("/akn/un/statement/deliberation/un-ga/2020-12-16/75-194", [Text("75/194")])])])
    page = lhtml.fromstring(write_html(res, link="https://example.org/{date}/{number}"))
    assert [a.get("href") for a in page.xpath("//a[@class='akn-ref']")] == [None, "https://example.org/2020-12-16/75-194"]


def test_a_link_function_decides_and_cannot_inject_a_script(seed_res):
    page = lhtml.fromstring(write_html(seed_res, link=lambda iri: "https://docs.example/" + iri.rsplit("/", 1)[1]))
    assert page.xpath("//a[@class='akn-ref']")[0].get("href").startswith("https://docs.example/")
    hostile = lhtml.fromstring(write_html(seed_res, link=lambda iri: "javascript:alert(1)"))
    assert not [a for a in hostile.xpath("//a[@class='akn-ref']") if a.get("href")]


def test_a_link_template_with_an_unknown_field_is_refused(seed_res):
    with pytest.raises(akn.ConversionError, match=r"names \{title\}"):
        write_html(seed_res, link="https://undocs.org/{title}")


def test_cli_fragment_templates_and_link_template(tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "document.html.j2").write_text(
        '{% extends "akn/document.html.j2" %}{% block notes %}<p>site notes</p>\n{% endblock %}', encoding="utf-8")
    out = tmp_path / "res.html"
    result = CliRunner().invoke(main, ["convert", str(SEED), "-o", str(out), "--fragment", "--templates",
                                       str(tmp_path / "tpl"), "--link-template", "https://undocs.org/{symbol}"])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<article ") and "<p>site notes</p>" in html and 'href="https://undocs.org/A/RES/' in html


@pytest.mark.parametrize("args, message", [
    (["--fragment"], "--fragment applies only to HTML output"),
    (["--to", "html", "--fragment", "--css", "/x.css"], "a --fragment has none"),
    (["--to", "html", "--link-template", "https://x/{nope}"], "--link-template: link template"),
    (["--to", "html", "--templates", "/nonexistent/folder"], "does not exist"),
])
def test_cli_html_options_are_checked_before_converting(args, message):
    result = CliRunner().invoke(main, ["convert", str(SEED), *args])
    assert result.exit_code == 2 and message in result.output


def test_a_table_is_an_html_table_under_its_paragraph():
    from akn.model import Cell, Table

    res = model(SEED)
    para = next(p for p in walk_paragraphs(res.body) if not p.items)
    para.tables.append(Table([[Cell([Text("Action")], True), Cell([Text("Number")], True)],
                              [Cell([Text("Total")], colspan=2)]]))
    eid = assign_eids(res).of(para)
    [table] = page(res).xpath(f"//*[@id='{eid}']//table")
    assert table.get("id") == f"{eid}__table_1"
    assert [[(c.tag, c.text_content(), c.get("colspan")) for c in tr] for tr in table.iter("tr")] == [
        [("th", "Action", None), ("th", "Number", None)], [("td", "Total", "2")]]
