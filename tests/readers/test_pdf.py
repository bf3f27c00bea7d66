"""The PDF reader on official resolution PDFs (tests/data/pdf), with and without their tags,
and on PDFs that are no readable resolution."""
from __future__ import annotations

import json
import random
import subprocess
import sys
import zlib

import pytest
from lxml import etree

import akn
from akn.api import read_any, render
from akn.errors import ConversionError
from akn.readers.pdf import read_pdf
from akn.readers.pdf import document

from ..akn_observe import FIELDS, matches, observe
from ..invariants import problems
from ..pdf_roundtrip import difference
from ..pdf_samples import PDFS, content_bomb_pdf, deeply_tagged_pdf, encrypted_pdf, scanned_pdf, tagged_list_pdf, text_pdf

TRUTH = json.loads((PDFS / "truth.json").read_text(encoding="utf-8"))
ALL = sorted(p.name for p in PDFS.glob("*.pdf"))


def _wrong(name: str, use_tags: bool) -> list[str]:
    result = read_pdf((PDFS / name).read_bytes(), filename=name, use_tags=use_tags)
    got = observe(etree.fromstring(render(result.resolution, "akn").encode("utf-8")))
    want = TRUTH[name]
    return [f"{f}: want {want[f]!r} got {got.get(f)!r}" for f in FIELDS
            if want.get(f) not in (None, []) and not matches(f, want[f], got.get(f))]


@pytest.mark.parametrize("use_tags", [True, False], ids=["tags", "layout"])
@pytest.mark.parametrize("name", sorted(TRUTH))
def test_pdf_matches_truth(name, use_tags):
    assert _wrong(name, use_tags) == []


@pytest.mark.parametrize("use_tags", [True, False], ids=["tags", "layout"])
@pytest.mark.parametrize("name", ALL)
def test_pdf_keeps_every_invariant(name, use_tags):
    """Valid, number and title, operative 1..n, closing lines, no word lost but furniture."""
    assert problems((PDFS / name).read_bytes(), name, use_tags=use_tags) == []


def test_an_untagged_pdf_is_read_from_its_layout():
    data = (PDFS / "A_RES_78_143.pdf").read_bytes()
    assert document.read_pages(data)[1] is False
    res = read_pdf(data).resolution
    assert res.meta.symbol == "A/RES/78/143" and res.number == "78/143" and res.closing


def test_italics_markers_and_notes_come_from_the_fonts():
    res = read_pdf((PDFS / "A_RES_80_1.pdf").read_bytes()).resolution
    first = res.preamble[0].children
    assert isinstance(first[0], akn.model.Italic) and akn.model.plain_text(first[:1]) == "Expressing concern"
    (note,) = list(akn.model.iter_footnotes(first))
    assert note.marker == "1" and akn.model.plain_text(note.children) == "See resolution 169 (II)."
    # the word after the marker keeps its space; the masthead comes from the first page's head
    assert "Nations are prevented" in akn.model.plain_text(first).replace("  ", " ")
    assert res.meta.issue_date == "2025-09-19" and [l.role for l in res.masthead][:3] == ["other", "symbol", "organ"]


def test_a_resumed_meeting_closes_the_resolution():
    res = read_pdf((PDFS / "A_RES_80_231.pdf").read_bytes()).resolution
    assert akn.model.plain_text(res.closing[0]) == "69th (resumed) plenary meeting"


def test_furniture_is_reported_with_its_page():
    result = read_pdf((PDFS / "A_RES_80_1.pdf").read_bytes())
    dropped = {str(d) for d in result.dropped}
    assert "page 2: '2/2' (page furniture)" in dropped and "page 1: '*2515106*' (page furniture)" in dropped


def test_pdf_converts_the_same_every_time():
    data = (PDFS / "A_RES_80_11.pdf").read_bytes()
    assert akn.convert(data) == akn.convert(data)


@pytest.mark.parametrize("use_tags", [True, False], ids=["tags", "layout"])
@pytest.mark.parametrize("name", ALL)
def test_pdf_to_text_converts_back_to_the_same_akn(name, use_tags):
    """`akn convert X.pdf -o X.md`, then `akn convert X.md -o back.xml`: the AKN of the PDF, byte for byte."""
    assert difference((PDFS / name).read_bytes(), name, use_tags) is None


def test_the_round_trip_check_sees_a_difference(monkeypatch):
    """The check above can fail: text that loses an italic run converts back to other AKN."""
    from akn.writers import text as text_writer

    write = text_writer.write_text
    monkeypatch.setattr(text_writer, "write_text", lambda res: write(res).replace("*", "", 2))
    assert "<i>" in (difference((PDFS / "A_RES_80_1.pdf").read_bytes(), "A_RES_80_1.pdf") or "")


@pytest.mark.parametrize("make, message", [
    (scanned_pdf, "no text layer"),
    (lambda: text_pdf(["Quarterly report", "Sales went up."]), "does not look like a resolution"),
    (encrypted_pdf, "encrypted"),
    (lambda: (PDFS / "A_RES_80_1.pdf").read_bytes()[:40_000], "damaged or truncated"),
    (lambda: b"%PDF-1.7\n" + b"\x00" * 100, "damaged or truncated"),
    (lambda: content_bomb_pdf(300), "refused as hostile"),
])
def test_unreadable_pdfs_are_refused_in_one_line(make, message):
    with pytest.raises(ConversionError) as info:
        akn.convert(make())
    assert message in str(info.value) and "\n" not in str(info.value)


def _streams(*payloads: bytes) -> bytes:
    """A PDF's bytes as the compression-bomb check scans them: one compressed stream per payload."""
    return b"%PDF-1.7\n" + b"".join(b"<< /Filter /FlateDecode >>\nstream\n" + p + b"\nendstream\n" for p in payloads)


def test_compressed_streams_are_refused_by_what_they_inflate_to_together(monkeypatch):
    monkeypatch.setattr(document, "MAX_INFLATED", 1_000_000)
    part = zlib.compress(b"0 0 m " * 70_000)  # 420 KB of operators in a few hundred bytes
    document._refuse_compression_bombs(_streams(part, part))  # 840 KB: within the limit
    with pytest.raises(ConversionError, match="refused as hostile"):
        document._refuse_compression_bombs(_streams(part, part, part))  # 1.26 MB: over it


def test_only_streams_the_deflate_bound_cannot_clear_are_inflated(monkeypatch):
    monkeypatch.setattr(document, "MAX_INFLATED", 1_000_000)
    noise = random.Random(0).randbytes
    small, large = zlib.compress(noise(200)), zlib.compress(noise(900))  # noise: hardly smaller compressed
    inflated: list[bytes] = []
    size = document._inflated_size
    monkeypatch.setattr(document, "_inflated_size", lambda chunk, limit: inflated.append(chunk) or size(chunk, limit))
    document._refuse_compression_bombs(_streams(small, small))  # 1032 times 0.4 KB: cleared unread
    assert inflated == []
    document._refuse_compression_bombs(_streams(small, large, small))  # 1032 times 1.3 KB is over: the largest is read
    assert inflated == [large + b"\n"]


def test_a_cut_or_false_compressed_stream_counts_what_it_inflates_to(monkeypatch):
    monkeypatch.setattr(document, "MAX_INFLATED", 1_000_000)
    cut = zlib.compress(b"0 0 m " * 200_000)[:-40]  # 1.2 MB of operators, the stream's end lost
    with pytest.raises(ConversionError, match="refused as hostile"):
        document._refuse_compression_bombs(_streams(cut))
    document._refuse_compression_bombs(_streams(b"x" + bytes(3000)))  # opens like zlib, is not: PDFium decides


def test_a_deep_structure_tree_is_read_within_bounds():
    with pytest.raises(ConversionError, match="no operative paragraph"):
        akn.convert(deeply_tagged_pdf(20_000))


def test_size_and_page_limits(monkeypatch):
    data = (PDFS / "A_RES_80_1.pdf").read_bytes()
    monkeypatch.setattr(document, "MAX_PAGES", 1)
    with pytest.raises(ConversionError, match="2 pages, over the 1-page limit"):
        akn.convert(data)
    monkeypatch.setattr(document, "MAX_BYTES", 1000)
    with pytest.raises(ConversionError, match="over the 0 MB limit"):
        akn.convert(data)


def test_cli_reads_a_pdf_from_a_file_and_from_standard_input(tmp_path):
    pdf = PDFS / "A_RES_80_7.pdf"
    out = tmp_path / "res.md"
    run = subprocess.run([sys.executable, "-m", "akn.cli", "convert", str(pdf), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert out.read_text(encoding="utf-8").startswith("---\nformat: akn-text/1\nsymbol: A/RES/80/7\n")
    piped = subprocess.run([sys.executable, "-m", "akn.cli", "convert", "-"], input=pdf.read_bytes(),
                           capture_output=True, timeout=120)
    assert piped.returncode == 0 and piped.stdout.decode("utf-8") == akn.convert(pdf.read_bytes())


def test_cli_names_the_pdf_and_writes_nothing_for_a_scan(tmp_path):
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(scanned_pdf())
    out = tmp_path / "scan.xml"
    run = subprocess.run([sys.executable, "-m", "akn.cli", "convert", str(scan), "-o", str(out)],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 1 and not out.exists()
    assert run.stderr.strip().endswith("run OCR on it first, e.g. ocrmypdf in.pdf out.pdf, and convert the result")
    assert run.stderr.count("\n") == 1 and str(scan) in run.stderr


def test_a_folder_of_pdfs_converts_as_a_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("A_RES_80_1.pdf", "A_RES_78_143.pdf"):
        (src / name).write_bytes((PDFS / name).read_bytes())
    run = subprocess.run([sys.executable, "-m", "akn.cli", "convert", str(src), "-o", str(tmp_path / "out"),
                          "--to", "html", "-q"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["A_RES_78_143.html", "A_RES_80_1.html"]


def test_read_any_sends_pdf_bytes_to_the_pdf_reader():
    result = read_any((PDFS / "A_RES_80_7.pdf").read_bytes())
    assert result.resolution.meta.symbol == "A/RES/80/7"


def _indented_block(labels: list[str]) -> list[str]:
    """The paragraphs of an untagged page whose lines ``labels`` open, in a block indented as a whole."""
    from akn.readers.pdf.layout import read_layout

    lines = ["Body text at the left margin, as wide as the page's frame of running text."] * 4
    lines += [(108, f"{label} Decides to act on this item of the list;") for label in labels]
    pages, tagged = document.read_pages(text_pdf(lines))
    return [p.text.split()[0] for p in read_layout(pages, tagged).paragraphs[1:]]


def test_a_four_digit_label_opens_a_paragraph_as_the_text_reader_reads_it():
    """Labels up to 9999 (blocks.PARA_NUM), and "(aa)", "(iv)": lines opening each their own paragraph."""
    assert _indented_block(["998.", "999.", "1000.", "1001."]) == ["998.", "999.", "1000.", "1001."]
    assert _indented_block(["(z)", "(aa)", "(iv)"]) == ["(z)", "(aa)", "(iv)"]


def test_a_year_opening_a_line_opens_no_paragraph():
    """ "… by / 2030. Decides …": four digits that are not the next number are a year, as in the text reader."""
    assert _indented_block(["12.", "2030."]) == ["12."]


def test_a_list_items_label_and_body_are_one_tagged_block():
    # L > LI > Lbl "(a)", LBody "Agrees …": one block, the item, not a block for the label alone
    from akn.readers.pdf.document import read_pages

    pages, tagged = read_pages(tagged_list_pdf())
    assert tagged and [(line.text, line.block[0]) for line in pages[0].lines] == [("(a) Agrees to the item;", "LI")]
