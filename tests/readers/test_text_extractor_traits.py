"""The text reader on what pdftotext, pdftotext -layout and pypdf do to an official PDF's pages
(issue 14): each test a few lines printed as that extractor prints them (from the 248 official
PDFs of ../shared/corpus-pdf), on the pass that reads the trait."""
from __future__ import annotations

import akn
from akn.api import read_any
from akn.model import Section, plain_text, walk_paragraphs
from akn.languages import get_language
from akn.readers.text.blocks import Block, looks_preambular, part_heading, unwrap
from akn.readers.text.footnotes import lift_footnotes
from akn.readers.text.furniture import remove_page_furniture
from akn.readers.text.inlines import InlineParser
from akn.readers.text.lines import split_lines
from akn.readers.text.structure import read_structure

ENG = get_language("eng")

TITLE = "80/12. Objective information on military matters, including\ntransparency of military expenditures\n\n"


def _kept(text: str) -> list[str]:
    lines, _ = remove_page_furniture(split_lines(text))
    return [l.text.strip() for l in lines if l.kind == "text"]


def test_layout_running_title_with_the_symbol_beside_it_is_furniture():
    # pdftotext -layout sets the symbol and the title's last line side by side at a page's head
    text = (TITLE + "The General Assembly,\n\nNoting the role of the standardized reporting system,\n"
            "25-19970" + " " * 60 + "3/4\n"
            + " " * 40 + "Objective information on military matters,\n"
            "A/RES/80/12" + " " * 40 + "including transparency of military expenditures\n\n\n"
            "  (h) To report on experiences gained during such symposiums;\n")
    kept = _kept(text)
    assert not any("including transparency of military expenditures" in t for t in kept[3:])
    assert kept[-1] == "(h) To report on experiences gained during such symposiums;"


def test_pypdf_running_title_at_the_page_foot_with_the_symbol_after_it_is_furniture():
    # pypdf prints the running header after the page's footnotes, just above the page number
    text = (TITLE + "The General Assembly,\n\n 1. Decides to act;\n"
            "Objective information on military matters, including \n"
            "transparency of military expenditures A/RES/80/12 \n \n3/6 25-20945 \n \n"
            " 2. Requests a report. \n")
    kept = _kept(text)
    assert kept[-2:] == ["1. Decides to act;", "2. Requests a report."]


def test_a_footnote_ending_in_a_full_stop_is_no_running_header_however_often_it_recurs():
    # pdftotext: each page's marker column, then its texts: "Ibid." by every page number
    page = "{k}. Decides to act;\n_______________\n{k}\n\nIbid.\n\n{p}/4\n\nA/RES/80/12\n\n"
    text = TITLE + "The General Assembly,\n\n" + "".join(page.format(k=k, p=k + 1) for k in range(1, 4))
    assert _kept(text).count("Ibid.") == 3


def test_a_four_line_running_title_after_a_form_feed_is_within_reach_of_the_page_number():
    text = ("80/173.\n\nOutcome document of the high-level meeting of the\n"
            "General Assembly on the overall review of the implementation of\n"
            "the outcomes of the World Summit on the Information Society\nThe General Assembly\n"
            "Adopts the following outcome document of the high-level meeting of the\n"
            "General Assembly on the overall review:\n\n"
            "125. We recall the meeting.\n25-20874\n\n19/20\n\n"
            "\fA/RES/80/173\n\nOutcome document of the high-level meeting of the\n"
            "General Assembly on the overall review of the implementation\n"
            "of the outcomes of the World Summit on the\nInformation Society\n\n"
            "The review will draw on inputs from all relevant stakeholders.\n")
    kept = _kept(text)
    assert "Information Society" not in kept
    assert kept[-2:] == ["125. We recall the meeting.", "The review will draw on inputs from all relevant stakeholders."]


def test_a_page_opening_on_a_date_is_no_footnote():
    # the sentence "… proclaimed on" / "4 November 1966 by the General Conference …, 4" across a page
    text = ("Noting the Declaration proclaimed on\n\n_______________\n1\n\nResolution 217 A (III).\n"
            "2\nSee resolution 2200 A (XXI), annex.\n3\nIbid.\n\f\n4 November 1966 by the General Conference of the United Nations Educational,\n"
            "Scientific and Cultural Organization at its fourteenth session, 4\n"
            "Taking note of the report of the Secretary-General, 5\n")
    kept, notes, _ = lift_footnotes(split_lines(text))
    assert "4" not in notes
    assert any(l.text.startswith("4 November 1966") for l in kept)


def test_a_footnote_block_past_the_page_number_ends_once_its_markers_have_their_texts():
    # pdftotext: the markers in a column, the page number, then the texts, then the next page
    text = ("46. Recalls paragraph 29;\n\n_______________\n21\n22\n\f\nIbid.\nIbid.\n\n"
            "Part I\nOverall policymaking\n47. Requests the Secretary-General to explore synergies;\n")
    kept, notes, _ = lift_footnotes(split_lines(text))
    assert notes["21"].text == "Ibid." and notes["22"].text == "Ibid."
    assert [l.text for l in kept if l.kind == "text"][-3:] == [
        "Part I", "Overall policymaking", "47. Requests the Secretary-General to explore synergies;"]


def test_footnote_texts_printed_before_their_markers_go_to_the_markers_printed_alone_after():
    # pdftotext: "A/78/219." and "Resolution 70/1." first, the markers 6 and 7 at the block's end
    text = ("5. Reaffirms the commitment;\n\n__________________\n\nA/78/219.\nResolution 70/1.\n8\n"
            "A/76/228, annex.\n6\n7\n")
    kept, notes, warnings = lift_footnotes(split_lines(text))
    assert {k: v.text for k, v in notes.items()} == {"6": "A/78/219.", "7": "Resolution 70/1.", "8": "A/76/228, annex."}
    assert [l.text for l in kept if l.kind == "text"] == ["5. Reaffirms the commitment;"]
    assert [w.code for w in warnings] == ["footnote-out-of-order", "footnote-out-of-order"]


def test_a_markerless_line_in_a_footnote_block_stays_text_when_no_marker_claims_it():
    text = "5. Reaffirms the commitment;\n\n__________________\n\nA/78/219.\n"
    kept, notes, _ = lift_footnotes(split_lines(text))
    assert notes == {} and [l.text for l in kept if l.kind == "text"][-1] == "A/78/219."


_PARTS = """80/109. Sustainable fisheries

The General Assembly,

Recalling its resolutions,

I
Achieving sustainable fisheries
1. Reaffirms the importance that it attaches to the long-term conservation,
management and sustainable use of the marine living resources of the world’s
oceans and seas;
2. Calls upon all States that have not done so to become parties to the
Agreement and to implement its provisions, taking into account the needs of
developing States;
II
Implementation of the 1995 Agreement for the Implementation of the
Provisions of the United Nations Convention on the Law of the Sea of
10 December 1982 relating to the Conservation and Management of Straddling
Fish Stocks and Highly Migratory Fish Stocks
3. Welcomes the most recent accession to the Agreement, and calls upon all
States and entities referred to in the Convention to become parties to the
Agreement;
4. Decides to include in the provisional agenda of its eighty-first session
the item.

50th plenary meeting
9 December 2025
"""


def test_a_part_heading_four_lines_long_heads_its_part():
    res = read_any(_PARTS).resolution
    parts = [p for p in res.body if isinstance(p, Section)]
    assert [p.num for p in parts] == ["I", "II"]
    assert plain_text(parts[1].heading).startswith("Implementation of the 1995 Agreement")
    assert plain_text(parts[1].heading).endswith("Highly Migratory Fish Stocks")
    assert [p.num for p in walk_paragraphs(res.body)] == ["1", "2", "3", "4"]


def test_a_part_heading_stays_a_paragraph_when_it_ends_a_sentence():
    assert part_heading("II Implementation of the Agreement.") is None
    assert part_heading("II " + "word " * 60 + "end") is None


def test_a_heading_cut_at_its_colon_keeps_its_subtitle():
    # "Section 11" / "United Nations system support for the African Union’s Agenda 2063:" /
    # "The Africa We Want" over paragraph 68: the colon ends a line, not the heading
    texts = ["1. Also decides not to abolish the post;",
             "Section 11 United Nations system support for the African Union’s Agenda 2063:",
             "The Africa We Want", "2. Recalls that the development of Africa is a priority;"]
    blocks = [Block(k + 1, t) for k, t in enumerate(texts)]
    body = read_structure(blocks, ENG, InlineParser(ENG, {}), [])
    heading = [s for s in body.body if isinstance(s, Section)][0]
    assert plain_text(heading.heading) == ("Section 11 United Nations system support for the African Union’s "
                                           "Agenda 2063: The Africa We Want")
    assert [p.num for p in walk_paragraphs(body.body)] == ["1", "2"]


def test_an_unnumbered_heading_in_a_part_with_its_own_preamble_passes_the_house_rules():
    # each part numbers from 1 under its eId: its unnumbered headings are sec_II__dvs_1, …
    text = """80/243. Questions relating to the budget

The General Assembly,

I
Budget for 2026
Recalling its resolution 79/257,
1. Approves the budget;
II
Posts
Recalling its resolution 79/258,
Establishment of posts
1. Approves the posts;

70th plenary meeting
24 December 2025
"""
    xml = akn.convert(text)
    assert 'eId="sec_II__dvs_1"' in xml


_UNSTOPPED = """80/167. The rule of law at the national and international levels

The General Assembly,

Recalling its resolutions,

 5. Reaffirms the role of the General Assembly in encouraging the progressive
development of international law, and further reaffirms that States shall abide by
all of their obligations under international law;
 6 Also reaffirms the important role of the International Law Commission in the
promotion of the progressive development of international law;
 7. Decides to include the item.

50th plenary meeting
9 December 2025
"""


def test_the_next_number_printed_without_its_full_stop_is_read_and_warned():
    # the PDF prints "6 Also reaffirms" (its typo, in every extraction): paragraph 6 all the same
    result = read_any(_UNSTOPPED.replace(" 5.", " 1.").replace(" 6 ", " 2 ").replace(" 7.", " 3."))
    assert [p.num for p in walk_paragraphs(result.resolution.body)] == ["1", "2", "3"]
    assert "paragraph-number-unstopped" in [w.code for w in result.warnings]


def test_the_unstopped_number_is_read_before_an_italic_verb():
    # the PDF reader (and markdown) mark the operative verb in italics: "6 *Also reaffirms* …"
    text = _UNSTOPPED.replace(" 5.", " 1.").replace(" 6 Also reaffirms", " 2 *Also reaffirms*").replace(" 7.", " 3.")
    result = read_any(text)
    assert [p.num for p in walk_paragraphs(result.resolution.body)] == ["1", "2", "3"]
    assert "paragraph-number-unstopped" in [w.code for w in result.warnings]


def test_a_number_without_its_full_stop_that_is_not_the_next_is_no_paragraph():
    text = _UNSTOPPED.replace(" 5.", " 1.").replace(" 6 ", " 9 ").replace(" 7.", " 2.")
    result = read_any(text)
    paras = list(walk_paragraphs(result.resolution.body))
    assert [p.num for p in paras] == ["1", None, "2"]  # kept as printed, no number invented
    assert plain_text(paras[1].children).startswith("9 Also reaffirms")
    assert "paragraph-number-unstopped" not in [w.code for w in result.warnings]


def test_the_first_pages_date_stamp_by_the_job_number_is_furniture():
    # pdftotext prints it alone between the job number and the barcode; -layout beside the job number
    foot = "Recalling its resolution 77/1 and that the Add is\n\n23-25930 (E)\n\n020124\n\n*2325930*\n\f"
    kept = _kept(TITLE + "The General Assembly,\n\n" + foot + "Ababa Action Agenda seeks to ensure,\n")
    assert "020124" not in kept
    kept = _kept(TITLE + "The General Assembly,\n\nRecalling that the Add is\n\n 23-25930 (E)     020124\n\f"
                 "Ababa Action Agenda seeks to ensure,\n")
    assert not any("020124" in t for t in kept)


def test_six_digits_alone_far_from_any_job_number_stay_text():
    assert "020124" in _kept(TITLE + "The General Assembly,\n\nRecalling the figure\n020124\nof the report,\n")


def test_a_three_line_running_title_over_the_page_number_is_furniture():
    # pypdf, at a page's foot: the symbol, then the title in three lines, then "25-19974 2/2"
    text = ("80/16. Open-ended working group on security of and in the use of\n"
            "information and communications technologies 2021–2025\n"
            "established pursuant to General Assembly resolution 75/240\n\n The General Assembly,\n\n"
            " 1. Decides to convene, as endorsed by the General Assembly in its \n"
            "A/RES/80/16 \nOpen-ended working group on security of and in the use of \n"
            "information and communications technologies 2021–2025 \n"
            "established pursuant to General Assembly resolution 75/240 \n \n25-19974 2/2 \n \n"
            "resolution 79/237, the meeting;\n")
    kept = _kept(text)
    assert kept[-2:] == ["1. Decides to convene, as endorsed by the General Assembly in its",
                         "resolution 79/237, the meeting;"]


def _preamble_openings(body: str) -> list[str]:
    res = read_any("80/88. Offers by Member States of study and training facilities\n\nThe General Assembly,\n"
                   + body + "1. Takes note of the report;\n2. Invites all States to make offers.\n\n"
                   "61st plenary meeting\n4 December 2025\n").resolution
    return [" ".join(plain_text(p.children).split()[:2]) for p in res.preamble]


def test_an_adverb_before_an_opener_opens_a_preambular_paragraph():
    # pdftotext, A/RES/80/88 and 80/106: no blank line between paragraphs, an adverb in -ly first
    body = ("Conscious of the importance of promoting the educational advancement of the\n"
            "inhabitants of Non-Self-Governing Territories,\n"
            "Strongly convinced that the continuation and expansion of offers of scholarships\n"
            "is essential in order to meet the increasing need of students,\n"
            "Solemnly proclaiming the need to bring colonialism to a speedy end,\n")
    assert _preamble_openings(body) == ["Conscious of", "Strongly convinced", "Solemnly proclaiming"]


def test_a_listed_opener_before_a_name_in_title_case_opens_a_preambular_paragraph():
    # pdftotext, A/RES/80/222 and 80/135: "Welcoming Human Rights Council resolution …" is no title
    body = ("Recalling its previous resolutions on the situation of human rights in the Islamic\n"
            "Republic of Iran, the most recent of which is resolution 79/183 of 17 December 2024,\n"
            "Welcoming Human Rights Council resolution 58/21 of 3 April 2025, in which\n"
            "the Council decided to extend the mandates for a period of one year,\n"
            "Recalling United Nations Environment Assembly resolution 6/1,\n")
    assert _preamble_openings(body) == ["Recalling its", "Welcoming Human", "Recalling United"]


def test_a_noun_in_ly_before_a_participle_goes_on_with_its_sentence():
    assert not looks_preambular("Assembly adopted the declaration,", ENG)
    assert looks_preambular("Strongly condemning all attacks,", ENG)


def test_pypdf_a_flush_left_name_after_a_comma_goes_on_its_paragraph():
    # pypdf, A/RES/80/109: first lines stand in one space; "Refrigerated …" is flush left
    res = read_any("80/109. Sustainable fisheries\n\n The General Assembly,\n"
                   " Recalling its resolutions on sustainable fisheries, including resolution 79/144 of\n"
                   "10 December 2024, and its other resolutions on the matter, and recalling also the\n"
                   "relevant provisions of the United Nations Convention on the Law of the Sea and of\n"
                   "the Agreement for the Implementation of the Provisions of the Convention,\n"
                   " Recognizing further the role of the Global Record of Fishing Vessels,\n"
                   "Refrigerated Transport Vessels and Supply Vessels in the concerted fight against\n"
                   "illegal, unreported and unregulated fishing,\n"
                   " Encouraging Member States to use and strengthen appropriate focal points to\n"
                   "facilitate information exchange among one another,\n"
                   " 1. Reaffirms the importance it attaches to the long-term conservation of the living\n"
                   "marine resources of the world’s oceans and seas and the pursuit of sustainable\n"
                   "fisheries, and the obligations of States to cooperate to this end;\n"
                   " 2. Calls upon all States to take measures.\n\n 61st plenary meeting\n 9 December 2025\n").resolution
    assert [" ".join(plain_text(p.children).split()[:2]) for p in res.preamble] == [
        "Recalling its", "Recognizing further", "Encouraging Member"]


def test_a_preambular_paragraph_closed_by_a_semicolon_at_a_full_line_ends_there():
    # pdftotext, A/RES/80/113: "… in 2026;" fills its line, "Recognizing …" opens the next one
    body = ("Reaffirming the adoption of the outcome document entitled “New Urban\n"
            "Agenda” at the United Nations Conference on Housing and Sustainable Urban\n"
            "Development (Habitat III), held in Quito from 17 to 20 October 2016, and in this\n"
            "regard noting the commitments therein undertaken by Member States regarding\n"
            "disaster risk management, and looking forward to the high-level meeting of the\n"
            "General Assembly on the midterm review of the New Urban Agenda in 2026;\n"
            "Recognizing that local communities are the first responders in most disasters,\n"
            "underlining the critical role played by in-country capacities in disaster risk\n"
            "reduction, including preparedness, and capacity-building for community resilience,\n"
            "Stressing the need for all relevant actors involved in international responses to\n"
            "natural disasters to ensure that such responses are tailored to context, make use of\n"
            "appropriate tools and support local systems, including by building on local expertise\n"
            "and capacities,\n"
            "Recognizing the adverse effects of climate change as contributors to\n"
            "environmental degradation and extreme weather events, which may, in certain\n"
            "instances, among other factors, contribute to disaster-induced human mobility,\n")
    assert _preamble_openings(body) == ["Reaffirming the", "Recognizing that", "Stressing the", "Recognizing the"]


def test_layout_a_name_wrapped_back_to_the_margin_goes_on_its_paragraph():
    # pdftotext -layout, A/RES/80/109: first lines stand in six columns; "Refrigerated …" wraps
    # back to the margin of the lines before, "Encouraging …" stands in as a first line
    lines = [
        "                         Recalling its resolutions on sustainable fisheries, including resolution",
        "                   79/144 of 10 December 2024, and its other resolutions on the matter, and recalling",
        "                   also the relevant provisions of the United Nations Convention on the Law of the",
        "                   Sea and of the Agreement for the Implementation of the Provisions,",
        "                         Recognizing further the role of the Global Record of Fishing Vessels,",
        "                   Refrigerated Transport Vessels and Supply Vessels in the concerted fight against",
        "                   illegal, unreported and unregulated fishing,",
        "                        Encouraging Member States to use and strengthen appropriate focal points to",
        "                   facilitate information exchange among one another,",
    ]
    blocks = unwrap(split_lines("\n".join(lines) + "\n"), ENG)
    assert [b.text.split(" ", 2)[:2] for b in blocks] == [
        ["Recalling", "its"], ["Recognizing", "further"], ["Encouraging", "Member"]]


def test_a_preambular_paragraphs_last_item_ended_at_a_full_line_is_followed_by_the_next_paragraph():
    # pdftotext, A/RES/80/210: "(e) …, 2024," fills its line; "Recalling also …" opens a paragraph
    body = ("Welcoming the endorsement by the Committee on World Food Security of the following\n"
            "policy products and recommendations of the Committee, among others:\n"
            "(a) The Voluntary Guidelines to Support the Progressive Realization of the Right\n"
            "to Adequate Food, at its thirtieth session, held from 20 to 23 September 2004,\n"
            "(b) The Principles for Responsible Investment in Agriculture and Food\n"
            "Systems, 16 at its forty-first session, held from 13 to 18 October 2014,\n"
            "(c) The Voluntary Guidelines on Food Systems and Nutrition, at its forty-seventh\n"
            "session, held from 8 to 11 February 2021,\n"
            "(d) The Voluntary Guidelines on Gender Equality and Women’s and Girls’\n"
            "Empowerment in the Context of Food Security and Nutrition, 18 at its fifty-first\n"
            "session, held from 23 to 27 October and on 25 November 2023,\n"
            "(e) The Policy Recommendations on Reducing Inequalities for Food Security\n"
            "and Nutrition, 19 at its fifty-second session, held from 21 to 25 October 2024,\n"
            "Recalling also the endorsement of the Voluntary Guidelines for Securing\n"
            "Sustainable Small-Scale Fisheries in the Context of Food Security and Poverty\n"
            "Eradication by the Committee on Fisheries, at its thirty-first session, held in June\n"
            "2014,\n"
            "Stressing the importance of the Second International Conference on Nutrition,\n"
            "hosted by the World Health Organization and the Food and Agriculture Organization\n"
            "of the United Nations in Rome from 19 to 21 November 2014, and of its outcome\n"
            "documents, the Rome Declaration on Nutrition and the Framework for Action,\n")
    assert _preamble_openings(body) == ["Welcoming the", "Recalling also", "Stressing the"]
