"""The AKN reader: what it reads, what it refuses (naming the element and its line), and a short
fuzz over mutated documents that must give a model or a ConversionError, never anything else."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akn.errors import ConversionError
from akn.readers.akn import looks_like_xml, read_akn
from akn.writers.akn import write_akn

PROFILE = (Path(__file__).parent.parent / "data" / "profile-example.xml").read_bytes()


def with_body(body: str) -> bytes:
    """The profile example with its main body replaced."""
    start, end = PROFILE.index(b"<mainBody>"), PROFILE.index(b"</mainBody>") + len(b"</mainBody>")
    return PROFILE[:start] + b"<mainBody>" + body.encode() + b"</mainBody>" + PROFILE[end:]


def test_reads_what_the_writer_writes():
    res = read_akn(PROFILE).resolution
    assert read_akn(write_akn(res)).resolution == res


@pytest.mark.parametrize("body, element", [
    ('<paragraph eId="p"><num>1.</num><content><p>A <img src="x.png"/> picture</p></content></paragraph>', "<img>"),
    ('<paragraph eId="p"><num>1.</num><content><p>x</p><p>y</p></content></paragraph>', "<p>"),
    ('<hcontainer name="x"><content><p>x</p></content></hcontainer>', "<hcontainer>"),
    ('<paragraph eId="p"><num>1.</num><content><p><date>undated</date></p></content></paragraph>', "<date>"),
    ('<paragraph eId="p"><num>1.</num><content><p><event>a <i>b</i></event></p></content></paragraph>', "<i>"),
])
def test_unrepresentable_element_is_named_with_its_line(body, element):
    data = with_body("\n" + body)
    with pytest.raises(ConversionError) as info:
        read_akn(data)
    assert element in str(info.value)
    assert info.value.line == data[: data.index(b"<mainBody>")].count(b"\n") + 2 or element == "<date>"


def test_markup_the_model_has_no_place_for_keeps_its_text():
    """Other tools' bold, terms and spans (AKN4UN allows them): the words stay, the markup goes."""
    res = read_akn(with_body('<paragraph eId="p"><num>1.</num><content><p>A <b>bold</b> <term refersTo="#t">'
                             'word</term></p></content></paragraph>')).resolution
    assert res.body[0].children[0].text == "A bold word"


def test_text_outside_any_paragraph_is_refused():
    with pytest.raises(ConversionError, match="directly in <mainBody>"):
        read_akn(with_body("stray words<paragraph eId='p'><content><p>x</p></content></paragraph>"))


def test_foreign_namespace_is_refused():
    data = with_body('<x:note xmlns:x="urn:x">hi</x:note>')
    with pytest.raises(ConversionError, match="not in the Akoma Ntoso 3.0 namespace"):
        read_akn(data)


def test_other_document_types_are_refused():
    data = b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="x"/></akomaNtoso>'
    with pytest.raises(ConversionError, match="one <statement>"):
        read_akn(data)


WORK_URI = b'<FRBRuri value="/akn/un/statement/deliberation/un-ga/2021-12-16/76-187"/><FRBRdate'
PUBLICATION = b'<publication name="resolution" date="2022-01-11" showAs="A/RES/76/187" number="A/RES/76/187"/>'


def test_an_author_entry_another_tool_names_is_found_by_the_work_iri():
    res = read_akn(PROFILE.replace(b'<FRBRauthor href="#un-ga"/><FRBRcountry', b'<FRBRauthor href="#ga"/><FRBRcountry', 1))
    assert res.resolution.meta.body == "GA"


def test_unknown_organ_is_a_metadata_error():
    """Neither the author's entry nor the Work IRI's actor is an organ akn knows."""
    data = PROFILE.replace(b'<FRBRauthor href="#un-ga"/><FRBRcountry', b'<FRBRauthor href="#x"/><FRBRcountry', 1)
    with pytest.raises(ConversionError, match="FRBRauthor"):
        read_akn(data.replace(WORK_URI, WORK_URI.replace(b"/un-ga/", b"/x/"), 1))


def test_a_statement_name_akn4un_only_suggests_reads_as_a_resolution():
    res = read_akn(PROFILE.replace(b'<statement name="resolution"', b'<statement name="declaration"', 1)).resolution
    assert res.meta.kind == "resolution"


def test_without_publication_the_symbol_is_the_organs_for_the_number():
    assert read_akn(PROFILE.replace(PUBLICATION, b"", 1)).resolution.meta.symbol == "A/RES/76/187"


def test_metadata_the_writer_needs_is_required():
    """No <publication>, no FRBRnumber and no number before the title: no symbol to write."""
    data = PROFILE.replace(PUBLICATION, b"", 1).replace(b'<FRBRnumber value="76-187" showAs="76/187"/>', b"", 1)
    with pytest.raises(ConversionError, match="no number"):
        read_akn(data.replace(b"<docNumber>76/187</docNumber>. <docTitle>", b"<docTitle>", 1))


def test_comments_and_processing_instructions_keep_surrounding_text():
    res = read_akn(with_body('<paragraph eId="p"><num>1.</num><content><p>Takes<!-- c --> note<?pi x?>.</p>'
                             '</content></paragraph>')).resolution
    assert res.body[0].children[0].text == "Takes note."


def test_bare_authorial_note_is_read_as_footnote():
    res = read_akn(with_body('<paragraph eId="p"><content><p>x<authorialNote marker="3"><p>n</p></authorialNote>'
                             '</p></content></paragraph>')).resolution
    note = res.body[0].children[1]
    assert note.marker == "3" and note.children[0].text == "n"


@pytest.mark.parametrize("source, expected", [
    (b"  \n<akomaNtoso/>", True), ("\ufeff<x/>", True), (b"\xff\xfe<\x00", True), (b"---\nformat: x", False),
    ("General Assembly", False),
])
def test_xml_is_recognised_by_its_first_character(source, expected):
    assert looks_like_xml(source) is expected


# ------------------------------------------------------------------------------ fuzz


def _text_or_clear_error(res) -> None:
    """Whatever the AKN reader accepts, the text writer writes or refuses clearly."""
    from akn.writers.text import write_text

    try:
        write_text(res)
    except ConversionError:
        pass

_SNIPPETS = [b"<b>", b"</p>", b"<p>", b"&amp;", b"&x;", b"<!--", b"]]>", b"<![CDATA[x]]>", b'"', b"\x00", b"\xff",
             b"<num>", b"<list>", b"<point>", b"<authorialNote>", b"<i>", b"</i>", b"<ref href='x'>", b"<docDate>",
             b"<container name='x'>", b"<", b">"]


def _seed_akn() -> bytes:
    from akn.readers.text import read_text

    seed = Path(__file__).parent.parent / "corpus" / "A_RES_76_187.seed.md"
    return write_akn(read_text(seed.read_bytes()).resolution)


FUZZ_BASES = [PROFILE, _seed_akn()]
#: examples for the fuzz test; a longer run: AKN_FUZZ_EXAMPLES=5000 python -m pytest tests/readers/test_akn.py -k fuzz
FUZZ_EXAMPLES = int(os.environ.get("AKN_FUZZ_EXAMPLES", "200"))


@st.composite
def mutated(draw) -> bytes:
    data = bytearray(draw(st.sampled_from(FUZZ_BASES)))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["cut", "insert", "duplicate"]))
        if op == "cut":
            del data[at: at + draw(st.integers(1, 200))]
        elif op == "insert":
            data[at:at] = draw(st.sampled_from(_SNIPPETS))
        else:
            size = draw(st.integers(1, 300))
            data[at:at] = data[at: at + size]
    return bytes(data)


def _model_or_clear_error(data: bytes) -> None:
    try:
        res = read_akn(data).resolution
    except ConversionError as e:
        assert e.line is None or e.line >= 1
        return
    write_akn(res)
    _text_or_clear_error(res)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(mutated())
def test_fuzz_mutated_documents_give_a_model_or_a_clear_error(data):
    _model_or_clear_error(data)


@st.composite
def restructured(draw) -> bytes:
    """Well-formed documents with elements deleted, duplicated, moved, renamed or given stray text."""
    from copy import deepcopy

    from lxml import etree

    root = etree.fromstring(draw(st.sampled_from(FUZZ_BASES)))
    for _ in range(draw(st.integers(1, 3))):
        elements = list(root.iter())[1:]
        if not elements:
            break
        el = draw(st.sampled_from(elements))
        parent = el.getparent()
        if parent is None:
            continue
        op = draw(st.sampled_from(["delete", "duplicate", "move", "rename", "text"]))
        if op == "delete":
            parent.remove(el)
        elif op == "duplicate":
            parent.insert(parent.index(el), deepcopy(el))
        elif op == "move":
            target = draw(st.sampled_from(elements))
            if el not in target.iterancestors() and target is not el:
                target.append(el)
        elif op == "rename":
            el.tag = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}" + draw(st.sampled_from(
                ["p", "i", "num", "list", "point", "intro", "content", "heading", "b", "docDate", "section"]))
        else:
            el.tail = (el.tail or "") + draw(st.sampled_from(["x", " ", "&", "\u00a0"]))
    return etree.tostring(root)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(restructured())
def test_fuzz_restructured_documents_give_a_model_or_a_clear_error(data):
    _model_or_clear_error(data)


def test_an_akn_file_over_the_untrusted_input_bound_reads_back_once_the_bound_is_raised(tmp_path):
    """A huge text makes an AKN file over 20 MB, which validates (libxml2's 10 MB bound on a text
    is for hostile trees, not ours); the reader's bound is for untrusted input, named in the refusal,
    and ``--max-xml-mb`` (``max_xml_bytes``) reads what akn wrote."""
    import akn
    from akn.api import read_any
    from akn.cli import main
    from akn.readers.akn.safe import MAX_BYTES
    from click.testing import CliRunner

    words = " to report on the implementation of the present resolution and"
    plain = akn.convert(PROFILE, to="text").replace(
        "1. *Takes note* of the report;", "1. *Takes note* of the report" + words * (MAX_BYTES // len(words) + 1) + ";")
    data = akn.convert(plain).encode("utf-8")
    assert len(data) > MAX_BYTES
    with pytest.raises(ConversionError, match=r"limit on untrusted XML is 20 MB \(raise it with --max-xml-mb"):
        read_any(data)
    assert akn.convert(data, to="text", max_xml_bytes=len(data)) == plain
    big = tmp_path / "big.xml"
    big.write_bytes(data)
    refused = CliRunner().invoke(main, ["convert", str(big), "-o", str(tmp_path / "big.md")])
    assert refused.exit_code == 1 and "--max-xml-mb" in refused.stderr and not (tmp_path / "big.md").exists()
    read = CliRunner().invoke(main, ["convert", str(big), "--max-xml-mb", "30", "-o", str(tmp_path / "big.md")])
    assert read.exit_code == 0, read.stderr


def test_a_table_after_a_paragraphs_text_is_read():
    from akn.model import plain_text

    res = read_akn(with_body(
        '<paragraph eId="para_1"><num>1.</num><content><p>Approves the table below:</p>'
        '<table eId="para_1__table_1"><tr><th><p>Action</p></th><th><p>Post</p></th></tr>'
        '<tr><td colspan="2" rowspan="x"><p>Total <i>new</i></p></td></tr></table></content></paragraph>')).resolution
    [table] = res.body[0].tables
    assert [[(plain_text(c.children), c.header, c.colspan, c.rowspan) for c in row] for row in table.rows] == [
        [("Action", True, 1, 1), ("Post", True, 1, 1)], [("Total new", False, 2, 1)]]
    assert read_akn(write_akn(res)).resolution == res


@pytest.mark.parametrize("content, element", [
    ("<p>x</p><table><thead/></table>", "<thead>"),
    ("<p>x</p><table><tr><p>y</p></tr></table>", "<p>"),
    ("<table><tr><td><p>y</p></td></tr></table>", "<table>"),
])
def test_a_table_the_model_cannot_hold_is_refused(content, element):
    with pytest.raises(ConversionError, match=element):
        read_akn(with_body(f'<paragraph eId="p"><num>1.</num><content>{content}</content></paragraph>'))
