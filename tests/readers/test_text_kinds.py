"""Kinds of resolution text beyond GA PDFs: other organs, decisions, languages, database copies."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

import akn
from akn.errors import ConversionError
from akn.model import plain_text, walk_paragraphs
from akn.readers.text import read_text

from ..akn_observe import observe
from ..conftest import CORPUS

DATA = Path(__file__).parent.parent / "data"


def akn_of(text: str | bytes, **options) -> dict:
    return observe(etree.fromstring(akn.convert(text, **options).encode("utf-8")))


@pytest.mark.parametrize("name, lang, phrases", [
    ("A_RES_80_7_fra.pdftext.txt", "fra", ["ayantReçu", "prenantActe", "consciente", "considérantÉgalement"]),
    ("A_RES_80_7_spa.md", "spa", ["habiendoRecibido", "tomandoNota", "reconociendo", "reconociendoTambién"]),
])
def test_french_and_spanish(name, lang, phrases):
    xml = akn.convert((DATA / name).read_bytes())
    root = etree.fromstring(xml.encode())
    got = observe(root)
    assert got["number"] == "80/7" and got["adoption_date"] == "2025-11-14"
    assert got["operative_nums"] == ["1", "2", "3"] and got["footnotes"] == 1
    assert got["closing_date"] == "2025-11-14" and got["closing_meeting"].startswith("40")
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert root.find(".//a:FRBRlanguage", ns).get("language") == lang
    assert [c.get("name") for c in root.findall(".//a:preamble/a:container", ns)] == phrases


def test_unknown_language_is_an_error_not_silent_english():
    text = "Генеральная Ассамблея,\n\nпризнавая,\n\n1. постановляет;\n"
    with pytest.raises(ConversionError, match="language"):
        akn.convert(text)


def test_security_council_pdf_layout():
    got = akn_of((DATA / "S_RES_2208_2015.pdftext.txt").read_bytes())
    assert got["number"] == "2208 (2015)" and got["title"] is None
    assert got["adoption_date"] == "2015-03-05"
    assert got["closing_meeting"] == "7399th meeting" and got["closing_date"] == "2015-03-05"
    assert got["preamble_count"] == 4 and got["operative_nums"] == ["1", "2", "3"]


def test_decision_keeps_its_recorded_vote():
    xml = akn.convert((CORPUS / "A-DEC-79-512.web.txt").read_bytes(), symbol="A/DEC/79/512")
    root = etree.fromstring(xml.encode())
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    assert root[0].get("name") == "decision"
    counts = {c.get("refersTo"): c.get("value") for c in root.iterfind(".//a:voting/a:count", ns)}
    assert counts == {"#votesInFavour": "174", "#votesAgainst": "2", "#abstentions": "9"}
    assert "recorded vote of 174 to 2" in "".join(root.find(".//a:formula", ns).itertext())


def test_database_record_in_json():
    text = (CORPUS / "A-DEC-79-512.web.txt").read_text(encoding="utf-8")
    record = json.dumps({"symbol": "A/DEC/79/512", "session": "79", "text": text})
    result = read_text(record)
    assert result.resolution.meta.symbol == "A/DEC/79/512"
    assert [p.num for p in result.resolution.body] == ["1", "2", "3", "4", "5"]


def test_resolution_run_together_on_one_line():
    text = (CORPUS / "A_RES_80_7.md").read_text(encoding="utf-8").split("---", 2)[2]
    body, notes = text.split("\n---\n")
    got = akn_of(" ".join(body.split()) + "\n\n" + notes)
    assert got["preamble_count"] == 4 and got["operative_nums"] == ["1", "2", "3", "4", "5"]
    assert got["footnotes"] == 3 and got["closing_date"] == "2025-11-14"


def test_zero_width_and_odd_spaces_are_ignored():
    text = (CORPUS / "A_RES_80_7.md").read_text(encoding="utf-8")
    noisy = text.replace("Takes note", "Takes\u200b\u00a0note").replace("The General Assembly", "The\u2060 General Assembly")
    assert akn.convert(noisy) == akn.convert(text)


def test_web_site_text_is_dropped_and_reported():
    result = read_text((CORPUS / "E-RES-1991-42.web.txt").read_bytes(), filename="E-RES-1991-42.web.txt")
    dropped = " ".join(d.text for d in result.dropped)
    assert "Radicali.it" in dropped and "Argomenti correlati" in dropped
    assert result.resolution.meta.symbol == "E/RES/1991/42"
    assert any(w.code == "symbol-from-filename" and "file name" in w.message for w in result.warnings)


def test_missing_fields_are_left_out_with_a_warning():
    result = read_text((CORPUS / "S-RES-2208-2015.web.txt").read_bytes())
    assert result.resolution.title == []
    assert any(w.code == "no-title" for w in result.warnings)


def test_star_footnote_of_a_reissued_document():
    """A reissue prints "*" after the symbol and "* Reissued for technical reasons" at the foot."""
    text = (CORPUS / "A_RES_80_7.pdftext.txt").read_text(encoding="utf-8")
    text = text.replace("\nA/RES/80/7\n", "\nA/RES/80/7*\n", 1)
    text = text.replace("1 See A/80/348.", "1 See A/80/348.\n \n* Reissued for technical reasons on 2 December 2025.")
    root = etree.fromstring(akn.convert(text).encode("utf-8"))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    star = root.find(".//a:preface//a:docNumber/a:sup/a:authorialNote", ns)
    assert star is not None and star.get("marker") == "*"
    assert "Reissued" in "".join(star.itertext())
    assert len(root.findall(".//a:authorialNote", ns)) == 4


def test_items_inside_the_preamble_stay_in_their_paragraph():
    text = (CORPUS / "A_RES_80_7.md").read_text(encoding="utf-8")
    text = text.replace("Recognizing the importance of the work of the Agency,",
                        "Recognizing the importance of the work of the Agency:\n\n(a) In science;\n\n(b) In safety,")
    got = akn_of(text)
    assert got["preamble_count"] == 4 and got["operative_nums"] == ["1", "2", "3", "4", "5"]


def test_text_between_numbered_paragraphs_is_never_dropped_as_site_text():
    text = (
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "80/99. Example\n\nThe General Assembly,\n\nRecalling its resolution 79/1,\n\n"
        "1. Welcomes the report.\n\n2. Notes the progress made.\n\n"
        "6 A footnote the extraction left between the paragraphs, see A/AC.297/2025/CRP.2/Rev.5.\n\n"
        "3. Decides to remain seized of the matter.\n\n52nd plenary meeting\n1 December 2025\n"
    )
    result = read_text(text, symbol="A/RES/80/99")
    nums = [p.num for p in walk_paragraphs(result.resolution.body)]
    assert nums == ["1", "2", None, "3"]  # kept as it stands, never dropped
    assert not result.dropped


def test_paragraphs_an_extraction_ran_into_the_last_footnote_are_read_back():
    text = (
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "80/99. Example\n\nThe General Assembly,\n\nRecalling its resolution 79/1,[^1]\n\n"
        "1. Welcomes the report;\n\n2. Encourages Member States to organize events at the national\n\n---\n\n"
        "[^1]: A/80/237. levels, on the role of science; 3. Decides to remain seized of the matter. "
        "52nd plenary meeting 1 December 2025\n"
    )
    res = read_text(text, symbol="A/RES/80/99").resolution
    nums = [p.num for p in walk_paragraphs(res.body)]
    assert nums == ["1", "2", "3"]
    assert len(res.closing) == 2
    note = next(n for n in res.preamble[0].children if getattr(n, "marker", None) == "1")
    assert plain_text(note.children) == "A/80/237."


def test_a_title_cut_by_the_extraction_is_completed_from_the_front_matter():
    text = (
        '---\ntitle: "Strengthening of security and cooperation in the Mediterranean region :"\n---\n'
        "Resolution adopted by the General Assembly on 1 December 2025\n\n"
        "80/69. Strengthening of security and cooperation in the\n\nThe General Assembly,\n\n"
        "Recalling its resolution 79/76,\n\n1. Welcomes the report.\n\n52nd plenary meeting\n1 December 2025\n"
    )
    result = read_text(text, symbol="A/RES/80/69")
    assert plain_text(result.resolution.title) == "Strengthening of security and cooperation in the Mediterranean region"
    assert any(w.code == "title-completed" for w in result.warnings)


def _many_paragraphs(count: int, between: str) -> str:
    """A hand-written resolution with ``count`` operative paragraphs."""
    paras = between.join(f"{k}. Decides to consider the question at its next session;" for k in range(1, count + 1))
    return ("Resolution adopted by the General Assembly on 3 December 2024\n\n79/999. Many paragraphs\n\n"
            "The General Assembly,\n\nRecalling its resolution 70/1,\n\n" + paras
            + "\n\n45th plenary meeting\n3 December 2024\n")


@pytest.mark.parametrize("between", ["\n\n", "\n"], ids=["blank lines", "one a line"])
def test_operative_paragraphs_numbered_1000_and_above_are_numbered(between):
    text = _many_paragraphs(1002, between)
    body = read_text(text).resolution.body
    assert [p.num for p in body] == [str(k) for k in range(1, 1003)]
    assert plain_text(body[-1].children) == "Decides to consider the question at its next session;"
    xml = akn.convert(text)
    assert akn.convert(akn.convert(xml, to="text")) == xml  # the canonical text keeps them too


def test_a_year_opening_a_wrapped_line_opens_no_paragraph():
    text = _many_paragraphs(3, "\n\n").replace("3. Decides to consider the question at its next session;",
                                                "3. Decides to consider the question by\n2030. Also in its next session;")
    body = read_text(text).resolution.body
    assert [p.num for p in body] == ["1", "2", "3"] and plain_text(body[-1].children).endswith("2030. Also in its next session;")


@pytest.mark.parametrize("name", ["notes-one-a-line.txt", "notes-apart-and-a-decimal.txt"])
def test_footnotes_at_the_end_of_a_plain_text_are_one_note_a_line(name):
    """"N text" lines after the closing lines, with or without blank lines between them, are the
    notes; the "2" of "2.2 billion" is no marker."""
    from akn.model import iter_footnotes

    text = (Path(__file__).parent.parent / "data" / "footnotes" / name).read_text(encoding="utf-8")
    result = read_text(text)
    res = result.resolution
    notes = [n for p in res.preamble for n in iter_footnotes(p.children)]
    assert [(n.marker, plain_text(n.children)) for n in notes] == [("1", "Resolution 70/1."), ("2", "A/79/150.")]
    assert plain_text(res.preamble[-1].children).rstrip().endswith("Secretary-General,")
    assert "2.2 billion" in plain_text([*res.preamble[-2].children, *res.body[0].children])
    assert not result.warnings


@pytest.mark.parametrize("name, phrases, items", [
    ("fra-items-and-phrases.txt", ["Rappelant", "Profondément préoccupée"], ["De lui", "De prendre"]),
    ("spa-items-and-phrases.txt", ["Recordando", "Profundamente preocupada", "Tomando nota"], ["Que le", "Que adopte"]),
])
def test_french_and_spanish_sub_items_phrases_and_plenary_meetings(name, phrases, items):
    """Sub-items labelled "a)", "b)" are sub-items; two-word initial phrases stay whole; the
    plenary meeting's IRI is a plenary one."""
    from akn.model import Italic

    text = (Path(__file__).parent.parent / "data" / "languages" / name).read_text(encoding="utf-8")
    res = read_text(text).resolution
    assert [plain_text(p.children[0].children) for p in res.preamble if isinstance(p.children[0], Italic)] == phrases
    first = res.body[0]
    assert [i.num for i in first.items] == ["a", "b"]
    assert [plain_text(i.children)[:len(w)] for i, w in zip(first.items, items)] == items
    assert plain_text(first.children).rstrip().endswith(("général :", "General:"))
    assert "/plenary-45" in akn.convert(text)
