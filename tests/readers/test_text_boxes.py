"""The box-by-box pre-pass (akn.readers.text.boxes) on text laid out as pdfminer.six prints it:
each text box closed by a blank line, each line keeping a trailing space, pages closed by form
feeds. The boxes here are cut from real pdfminer extractions of official resolutions."""
from __future__ import annotations

from akn.languages import get_language
from akn.readers.text.blocks import unwrap
from akn.readers.text.boxes import is_boxed, page_starts, restore_reading_order
from akn.readers.text.lines import split_lines
from akn.readers.text.web import clean_web_text

ENG = get_language("eng")


def boxed(*pages: list[str]) -> str:
    """pdfminer's layout: boxes (lines joined by newlines) on pages."""
    def box(text: str) -> str:
        return "".join(f"{line} \n" for line in text.split("\n"))

    return "\f".join("\n".join(box(b) for b in page) + "\n" for page in pages) + "\f"


def restored(raw: str) -> tuple[list[str], list]:
    """The text lines after the pre-pass, and its warnings."""
    lines, notes = restore_reading_order(clean_web_text(split_lines(raw)), ENG, page_starts(raw))
    return [l.text.strip() for l in lines if l.kind == "text"], notes


def test_box_layout_is_told_from_rebuilt_lines():
    page = [f"Recalling its resolution 79/{n} of 2 December 2024,\nand the report of the Secretary-General,"
            for n in range(12)]
    raw = boxed(page, page)
    assert is_boxed(raw)
    assert not is_boxed(raw.replace(" \n", "\n"))  # pdftotext strips the trailing space
    assert not is_boxed(raw.replace("\f", ""))  # no pages
    assert not is_boxed(raw.replace("\n\n", "\n"))  # no box ends


def test_a_title_cut_into_boxes_is_one_line():
    raw = boxed(["80/13.  Implementation of the Declaration of the Indian Ocean as a Zone", "of Peace",
                 "The General Assembly,", "Recalling the Declaration,"])
    texts, _ = restored(raw)
    assert texts[0] == "80/13. Implementation of the Declaration of the Indian Ocean as a Zone of Peace"
    assert texts[1] == "The General Assembly,"


def test_a_title_is_not_joined_across_a_page():
    raw = boxed(["80/13.  Implementation of the Declaration"], ["of Peace", "The General Assembly,"])
    texts, _ = restored(raw)
    assert texts[:2] == ["80/13. Implementation of the Declaration", "of Peace"]


def test_a_column_of_numbers_goes_before_the_paragraphs_it_numbers():
    raw = boxed(["5.  Encourages relevant international bodies to enhance complementarities\namong reporting systems;",
                 "6.", "7.", "Takes note of the annual report of the Secretary-General;5",
                 "Requests the Secretary-General, within available resources:",
                 "(a)  To continue the practice of sending an annual note verbale;"])
    texts, _ = restored(raw)
    assert texts[2:6] == ["6.", "Takes note of the annual report of the Secretary-General;5", "7.",
                          "Requests the Secretary-General, within available resources:"]


def test_a_column_of_numbers_stays_when_the_texts_do_not_match_it():
    raw = boxed(["1.", "2.", "Takes note of the report of the Secretary-General and", "the Advisory Committee.",
                 "69th plenary meeting"])
    texts, _ = restored(raw)
    assert texts[:3] == ["1.", "2.", "Takes note of the report of the Secretary-General and"]


def test_a_detached_opening_phrase_goes_first():
    raw = boxed(["2.  Requests the Secretary-General to submit a report;", "3.", "that", "Stresses", "the",
                 "implementation of the present resolution should be met by voluntary contributions."])
    texts, _ = restored(raw)
    assert texts[2:6] == ["Stresses", "that", "the", "implementation of the present resolution should be met "
                          "by voluntary contributions."]


def test_a_capitalised_word_before_the_next_paragraph_is_not_an_opening_phrase():
    raw = boxed(["Recognizing that the knowledge of Indigenous women and girls contributes to the\n"
                 "revitalization of\nthe\nintergenerational transmission of knowledge, and the promotion of\n"
                 "traditional medicine,", "languages and cultures, maternal health,", "Indigenous",
                 "Noting the general recommendation No. 39 (2022) of the Committee,"])
    texts, notes = restored(raw)
    assert texts[-1].startswith("Noting")
    # back in the line they were cut from (their order there is not known), before "the"
    assert texts[1:5] == ["revitalization of", "languages and cultures, maternal health,", "Indigenous", "the"]
    assert [n.code for n in notes] == ["words-out-of-order"]


def test_pieces_cut_out_of_a_line_go_back_into_it():
    raw = boxed(["54.  Calls upon States", "the  potential  environmental  and\n"
                 "socioeconomic impacts of anthropogenic underwater noise from different activities in\n"
                 "the marine environment and to address and mitigate such impacts, taking into account\n"
                 "approaches, as appropriate;", "to  consider",
                 "55.  Welcomes the most recent accession to the Agreement, and calls upon all\n"
                 "States that have not done so to ratify or accede to the Agreement;"])
    texts, notes = restored(raw)
    assert texts[:3] == ["54. Calls upon States", "to consider", "the potential environmental and"]
    assert notes[0].code == "words-out-of-order" and "to consider" in notes[0].message


def test_pieces_before_a_paragraph_go_into_its_first_line():
    raw = boxed(["9.  Decides to remain seized of the matter of the possible establishment of a process\n"
                 "of periodic reviews of the Report on Military Expenditures;", "its  request", "to  strengthen",
                 "10.  Reiterates", "the  Secretary-General\nthe\nSaferGuard  programme,  which  serves  as  the  "
                 "custodian  of  the  International\nAmmunition Technical Guidelines, on an ongoing basis;"])
    texts, _ = restored(raw)
    assert texts.index("its request") > texts.index("10. Reiterates")
    assert texts[1].endswith("Expenditures;")


def test_lower_case_after_an_unfinished_sentence_is_left_to_go_on_with_it():
    raw = boxed(["Having examined the report of the Secretary-General on the implementation of",
                 "resolution 79/16,2", "1.  Urges all parties directly concerned to seriously consider taking the\n"
                 "practical and urgent steps required, and, as a means of promoting this\nobjective,"])
    texts, notes = restored(raw)
    assert texts[1] == "resolution 79/16,2" and notes == []


def test_a_paragraph_number_without_its_stop_is_read_in_sequence():
    raw = boxed(["5.", "Reaffirms the role of the General Assembly in encouraging the progressive\n"
                 "development of international law;", "6", "Also reaffirms the important role of the International "
                 "Law Commission in\nthe promotion of international law;"])
    texts, notes = restored(raw)
    assert "6." in texts and [n.code for n in notes] == ["number-repaired"]


def test_a_number_under_a_footnote_rule_stays_a_marker():
    raw = boxed(["5.", "Reaffirms the role of the General Assembly;", "_______________", "6",
                 "See resolution 79/1 of the General Assembly."])
    texts, notes = restored(raw)
    assert "6" in texts and notes == []


def test_a_number_inside_its_paragraph_box_goes_to_its_front():
    raw = boxed(["37.  Recognizes with appreciation the contribution of the Division;",
                 "Invites  the  Secretary-General,  in  cooperation  with  Member  States,\n38.\ninternational\n"
                 "organizations, to endeavour to expand the capacity-building activities of the Division;"])
    texts, _ = restored(raw)
    assert texts[1] == "38. Invites the Secretary-General, in cooperation with Member States,"
    assert "38." not in texts


def test_a_part_number_and_its_heading_are_one_line():
    same_box = boxed(["approaches, as appropriate;", "II\nImplementation of the 1995 Agreement\nfor the Fish Stocks",
                      "55.  Welcomes the most recent accession;"])
    next_box = boxed(["approaches, as appropriate;", "V", "Group of Independent Eminent Experts",
                      "55.  Welcomes the most recent accession;"])
    assert restored(same_box)[0][1] == "II Implementation of the 1995 Agreement for the Fish Stocks"
    assert restored(next_box)[0][1] == "V Group of Independent Eminent Experts"


def test_a_numbered_heading_wrapped_onto_a_second_box_is_one_line():
    raw = boxed(["2018–2028, to be hosted by Tajikistan.", "II.  Implementation of the Awaza Programme of Action for "
                 "Landlocked", "Developing Countries for the Decade 2024–2034",
                 "13.  We strongly commit ourselves to the full implementation of the Programme;"])
    assert restored(raw)[0][1] == ("II. Implementation of the Awaza Programme of Action for Landlocked "
                                   "Developing Countries for the Decade 2024–2034")


def test_a_line_inside_a_box_opens_no_paragraph():
    raw = boxed(["43.  Emphasizes the need to address the needs of rural communities by enhancing access for",
                 "in particular smallholder producers, women, youth,\nagricultural producers,\n"
                 "Indigenous Peoples, local communities, persons with disabilities and older persons,\n"
                 "and those in vulnerable situations, to credit and other financial services;",
                 "44.  Recognizes that the world urban population is expected to nearly double;"])
    lines, _ = restore_reading_order(split_lines(raw), ENG, page_starts(raw))
    blocks = unwrap(lines, ENG)
    assert [b.text[:4] for b in blocks] == ["43. ", "44. "]


def test_blank_lines_keep_their_place():
    """Later passes measure distances in lines (a running header stands near its page number)."""
    raw = boxed(["80/1.  Participation", "The General Assembly,", "Recalling its resolution,"],
                [" \n \nA/RES/80/1", "Recalling also the Headquarters Agreement,"])
    before = [l.kind for l in clean_web_text(split_lines(raw)) if l.kind != "break"]
    lines, _ = restore_reading_order(clean_web_text(split_lines(raw)), ENG, page_starts(raw))
    assert [l.kind for l in lines] == before


def test_words_between_a_number_and_its_opening_go_after_the_opening():
    raw = boxed(["7.  Stresses the need to continue to assist developing countries;", "8.", "to  guide  borrowing  and",
                 "Acknowledges  the  role  played  by  the  Debt  Sustainability  Framework  for\n"
                 "Low-Income Countries, jointly developed by the International Monetary Fund and the\nits\nWorld  Bank,\n"
                 "operationalization in 2018 and its ongoing review that aims at further improving the\n"
                 "methodology of debt sustainability analysis for low-income countries;", "9.  Requests the Secretary-General;"])
    texts, _ = restored(raw)
    assert texts[1:3] == ["8.", "Acknowledges the role played by the Debt Sustainability Framework for"]
    assert texts.index("to guide borrowing and") < texts.index("9. Requests the Secretary-General;")


def test_pieces_before_the_page_end_go_back_into_the_paragraph_before():
    raw = boxed(["Noting  the  role  of  the  Security  Council  Committee  established  pursuant  to\nresolution  1373\nthe\n"
                 "implementation  of  that  resolution,  including  the  taking  of  the  necessary  financial,\n"
                 "relevant international conventions and protocols,", "(2001)  concerning  counter-terrorism",
                 "in  monitoring", "_______________", "5  Resolution 50/6.", "2/7"],
                ["Mindful of the need to enhance the role of the United Nations,"])
    texts, _ = restored(raw)
    assert texts[1:5] == ["resolution 1373", "(2001) concerning counter-terrorism", "in monitoring", "the"]


def test_capitalised_pieces_in_the_preamble_go_back_without_opening_a_paragraph():
    raw = boxed(["Encouraging", "the  active  engagement  of", "the\nimplementation  of  the  outcome  document  of  the  "
                 "high-level  plenary  meeting  of  the\nGeneral Assembly known as the World Conference on Indigenous Peoples,",
                 "Indigenous  Peoples", "in", "Recalling  the  2030 Agenda  for  Sustainable  Development,"])
    lines, _ = restore_reading_order(clean_web_text(split_lines(raw)), ENG, page_starts(raw))
    assert [b.text[:24] for b in unwrap(lines, ENG)] == ["Encouraging the active e", "Recalling the 2030 Agend"]


def test_a_short_heading_before_a_numbered_paragraph_is_no_piece():
    raw = boxed(["Affirming that the 2025 review of the peacebuilding architecture is timely,", "Peacebuilding Commission",
                 "1.", "Reaffirms all relevant resolutions relating to the mandate of the Commission;"])
    texts, notes = restored(raw)
    assert texts[1] == "Peacebuilding Commission" and notes == []


def test_pieces_after_a_paragraph_are_not_taken_for_the_next_one():
    raw = boxed(["Recognizing the importance of data protection and privacy, in particular for\n"
                 "developing countries, especially regarding the adoption of new technologies,", "and",
                 "Recognizing also that technology foresight and assessment exercises, including\ncould help\ngender-sensitive\n"
                 "policymakers and stakeholders in the implementation of the 2030 Agenda through the\n"
                 "identification of challenges that can be addressed, keeping in view the wider socioeconomic\ncontext,",
                 "environmentally", "technologies,", "sensitive",
                 "Taking note of the Technology and Innovation Report 2025: Inclusive Artificial\n"
                 "Intelligence for Development of the United Nations Conference on Trade,"])
    lines, _ = restore_reading_order(clean_web_text(split_lines(raw)), ENG, page_starts(raw))
    blocks = unwrap(lines, ENG)
    assert [b.text.split(" ", 2)[:2] for b in blocks] == [["Recognizing", "the"], ["Recognizing", "also"],
                                                         ["Taking", "note"]]
    assert blocks[1].text.endswith("context,")


def test_a_detached_opening_phrase_after_the_running_header_goes_first():
    # pdfminer, A/RES/80/233 page 2: the page's first line cut into three boxes under the header
    raw = boxed(["Recalling further the Regulations and Rules Governing Programme Planning,\n"
                 "of their meetings,", "25-21250 (E)"],
                ["A/RES/80/233", "Programme planning", "the  report  of", "Having  considered",
                 "the  Committee  for  Programme  and\nCoordination  on  the  work  of  its  sixty-fifth  session,"])
    texts, _ = restored(raw)
    assert texts[-5:-1] == ["Programme planning", "Having considered", "the report of", "the Committee for Programme and"]
