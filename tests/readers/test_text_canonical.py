"""The text reader's strict path for the canonical format: nothing guessed, every shape explicit.

The round-trip cases are the traps the heuristic path falls into on canonical text."""
from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from akn.errors import AknError, ConversionError, MetadataError
from akn.model import (
    Annex, DateRef, Footnote, Italic, Item, Metadata, Paragraph, PreambularParagraph, Resolution, Section, Text,
)
from akn.readers.text import read_text
from akn.writers.akn import write_akn
from akn.writers.text import write_text

FRONT = "---\nformat: akn-text/1\nsymbol: A/RES/80/1\nadopted: 2025-09-19\n---\n\n"


def model(**parts) -> Resolution:
    base = dict(meta=Metadata(symbol="A/RES/80/1", adoption_date="2025-09-19"), formula=[Text("The General Assembly,")],
                body=[Paragraph("1", [Text("Decides.")])])
    return Resolution(**{**base, **parts})


def round_trip(res: Resolution) -> Resolution:
    return read_text(write_text(res)).resolution


TRAPS = {
    "markers before a closing line": model(
        body=[Paragraph("1", [Text("Decides to remain seized."), Footnote("3", [Text("a")]), Footnote("6", [Text("b")])])],
        closing=[[Text("53rd plenary meeting")], [DateRef("2025-09-19", "19 September 2025")]]),
    "lowercase blocks in an annex": model(annexes=[Annex("Annex", [Text("Declaration")], [
        Paragraph(None, [Text("we, the Heads of State,")]), Paragraph(None, [Text("and the peoples")])])]),
    "one unnumbered paragraph after a preamble ending ','": model(
        preamble=[PreambularParagraph([Italic([Text("Recalling")]), Text(" its resolution,")])],
        body=[Paragraph(None, [Text("decides to hold the meeting")])]),
    "italic phrase then a marker": model(
        preamble=[PreambularParagraph([Italic([Text("Welcoming")]), Footnote("99", [Text("note")]), Text(" the report,")])]),
    "heading equal to the title start": model(title=[Text("Oceans and the law of the sea")],
                                              body=[Section(None, [Text("Oceans")], [Paragraph("1", [Text("x;")])])]),
    "digits glued to words": model(body=[Paragraph("1", [Text("Notes resolution 70/1² and article 3bis,4 and H2O")])]),
    "bullets": model(body=[Paragraph("1", [Text("Decides:")], [Item("a", [Text("• first")]), Item("b", [Text("– second")])])]),
    "a paragraph without final punctuation": model(body=[Paragraph("1", [Text("Decides to continue")]),
                                                         Paragraph("2", [Text("consideration of the item")])]),
    "a paragraph after a section": model(body=[Section("I", [Text("General")], [Paragraph("1", [Text("x")])]),
                                               Paragraph("2", [Text("y")])]),
    "text that looks like structure": model(preamble=[
        PreambularParagraph([Text("1. is not a number")]), PreambularParagraph([Text("# not a heading")]),
        PreambularParagraph([Text("(a) not an item")]), PreambularParagraph([Text("organ: not a masthead line")]),
        PreambularParagraph([Text("[^1]: not a footnote, *not italic*, \\ not an escape")])]),
}


@pytest.mark.parametrize("name", TRAPS)
def test_traps_of_the_heuristic_path_round_trip(name):
    assert round_trip(TRAPS[name]) == TRAPS[name]


def test_text_is_readable_markdown():
    text = write_text(TRAPS["italic phrase then a marker"])
    assert "*Welcoming*[^99] the report," in text
    assert text.rstrip().endswith("[^99]: note")


def test_metadata_comes_from_the_front_matter():
    res = read_text(FRONT.replace("adopted: 2025-09-19", "adopted: 2025-09-19\nlanguage: fra\nbody: SC")
                    + "Le Conseil de sécurité,\n\n1. Décide.\n").resolution
    assert (res.meta.language, res.meta.body, res.meta.symbol) == ("fra", "SC", "A/RES/80/1")


@pytest.mark.parametrize("text, message, line", [
    (FRONT + "The General Assembly,\n\n1. See[^1].\n", "has no definition", 9),
    (FRONT + "The General Assembly,\n\n1. See.\n\n[^1]: x\n", "never used", 11),
    (FRONT + "The General Assembly,\n\n1. See [this](/akn/x.\n", "never closed", 9),
    (FRONT + "The General Assembly,\n\n1. See\nmore.\n", "one paragraph, item or heading per block", 10),
    (FRONT + "The General Assembly,\n\n1. Decides:\n\n        (i) too deep\n", "deeper", 11),
    (FRONT + "The General Assembly,\n\n### I. Too deep\n", "heading level", 9),
    (FRONT + "The General Assembly,\n\nRecalling,\n", "no operative paragraph", 9),
    (FRONT + "The General Assembly,\n\n1. x\n\nclosing\n\nnot an annex\n", "an annex starts", 13),
    (FRONT + "The General Assembly,\n\n1. [x](date:2020-01-01 \n", "never closed", 9),
])
def test_malformed_canonical_text_is_one_error_with_its_line(text, message, line):
    with pytest.raises(ConversionError, match=message) as info:
        read_text(text)
    assert info.value.line == line


@pytest.mark.parametrize("front, option", [
    ("---\nformat: akn-text/1\nadopted: 2025-09-19\n---\n", "symbol"),
    ("---\nformat: akn-text/1\nsymbol: A/RES/1/1\n---\n", "adopted"),
    ("---\nformat: akn-text/1\nsymbol: A/RES/1/1\nadopted: 2025-09-19\nlanguage: xx\n---\n", "language"),
    ("---\nformat: akn-text/1\nsymbol: A/RES/1/1\nadopted: 2025-09-19\nbody: XX\n---\n", "body"),
])
def test_missing_or_bad_metadata_is_a_metadata_error(front, option):
    with pytest.raises(MetadataError, match=option):
        read_text(front + "\nThe General Assembly,\n\n1. x.\n")


def test_unclosed_star_and_bare_brackets_are_text():
    res = read_text(FRONT + "The General Assembly,\n\n1. 5 * 3 [sic] done.\n").resolution
    assert res.body[0].children == [Text("5 * 3 [sic] done.")]


def test_crlf_and_bom_are_read():
    text = "\ufeff" + (FRONT + "The General Assembly,\n\n1. x.\n").replace("\n", "\r\n")
    assert read_text(text.encode("utf-8")).resolution.body[0].children == [Text("x.")]


def test_hostile_nesting_is_an_error_not_a_recursion():
    with pytest.raises(ConversionError, match="nests deeper"):
        read_text(FRONT + "The General Assembly,\n\n1. " + "[" * 100_000 + "\n")


@pytest.mark.parametrize("char", ["\x01", "\ud800", "\ufffe"])
def test_characters_xml_cannot_hold_are_refused_with_their_line(char):
    with pytest.raises(ConversionError, match="cannot stand") as info:
        read_text(FRONT + "The General Assembly,\n\n1. a" + char + "b\n")
    assert info.value.line == 9


# ------------------------------------------------------------------------------ fuzz

def _seed_text() -> str:
    from pathlib import Path

    seed = Path(__file__).parent.parent / "corpus" / "A_RES_76_187.seed.md"
    return write_text(read_text(seed.read_bytes()).resolution)


SEED_TEXT = _seed_text()
_SNIPPETS = ["*", "[", "]", "(", ")", "\\", "[^1]", "[^1]: x", "\n", "\n\n", "    (a) ", "## ", "# ", "1. ", "¶ ",
             "<!-- end of section -->", "organ: ", "](date:", "](event:)", "---", "\t", "\u00a0"]


@st.composite
def _mutated_text(draw) -> str:
    text = SEED_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["cut", "insert", "duplicate"]))
        if op == "cut":
            text = text[:at] + text[at + draw(st.integers(1, 300)):]
        elif op == "insert":
            text = text[:at] + draw(st.sampled_from(_SNIPPETS)) + text[at:]
        else:
            text = text[:at] + text[at: at + draw(st.integers(1, 400))] + text[at:]
    return text


@settings(max_examples=int(os.environ.get("AKN_FUZZ_EXAMPLES", "200")), deadline=None,
          suppress_health_check=list(HealthCheck))
@given(_mutated_text())
def test_fuzz_edited_canonical_text_gives_a_model_or_a_clear_error(text):
    try:
        res = read_text(text).resolution
    except AknError as e:
        assert e.line is None or e.line >= 1
        return
    write_akn(res)
    write_text(res)


def test_a_star_in_a_link_in_an_italic_is_text():
    from akn.model import Italic, Ref

    src = SEED_TEXT.replace("*Reaffirming* its resolutions", "*Reaffirming [a *b](#x) c* its resolutions", 1)
    res = read_text(src).resolution
    first = res.preamble[0].children[0]
    assert isinstance(first, Italic) and not any(isinstance(n, Italic) for n in first.children)
    assert any(isinstance(n, Ref) for n in first.children)
    write_text(res)


def test_a_table_round_trips_with_headers_spans_and_escapes():
    from akn.model import Cell, Table

    table = Table([[Cell([Text("Action")], True), Cell([Text("a | b")], True)],
                   [Cell([Text("{x}")], rowspan=2), Cell([], colspan=1)],
                   [Cell([Italic([Text("Total")])], colspan=2, rowspan=3)]])
    res = model(body=[Paragraph("1", [Text("Approves the table below:")], tables=[table]), Paragraph("2", [Text("y.")])])
    back = round_trip(res)
    assert back.body == res.body
    assert write_akn(back) == write_akn(res)


@pytest.mark.parametrize("table, message", [
    ("| a |\n|---|\n|---|", "stands under a table row"),
    ("| a |\nb", "a table line is"),
    ("| {} a |", "a cell's span"),
])
def test_a_malformed_table_is_one_error_with_its_line(table, message):
    with pytest.raises(ConversionError, match=message):
        read_text(FRONT + "The General Assembly,\n\n1. Decides:\n\n" + table + "\n")


def test_a_table_without_a_paragraph_before_it_is_refused():
    with pytest.raises(ConversionError, match="a table follows a paragraph without items"):
        read_text(FRONT + "The General Assembly,\n\n## I. Heading\n\n| a |\n\n1. Decides.\n")
    with pytest.raises(ConversionError, match="a table follows a paragraph without items"):
        read_text(FRONT + "The General Assembly,\n\n1. Decides:\n\n    (a) x;\n\n| a |\n")
