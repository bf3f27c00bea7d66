"""The library entry point: the same path as the command line, with documented errors."""
from __future__ import annotations

import pytest

import akn
from akn.errors import ConversionError, MetadataError

from .conftest import CORPUS

GOOD = (CORPUS / "A_RES_80_7.pdftext.txt").read_text(encoding="utf-8")


def test_convert_returns_akn_xml():
    xml = akn.convert(GOOD)
    assert xml.startswith("<?xml") and "<statement " in xml


@pytest.mark.parametrize("data, where", [
    ("", 1),
    (b"\xff\xfe\x00\xd8garbage\xff", None),
    (b"PK\x03\x04\x00\x00binary", 1),
    ("Shopping list\nMilk\nBread\n", 1),
])
def test_bad_input_raises_conversion_error_with_a_line(data, where):
    with pytest.raises(ConversionError) as info:
        akn.convert(data)
    if where:
        assert info.value.line == where


def test_truncated_resolution_is_refused_at_its_last_line():
    cut = "\n".join(GOOD.splitlines()[:70])
    with pytest.raises(ConversionError, match="truncated") as info:
        akn.convert(cut)
    assert info.value.line == 70


def test_missing_metadata_names_the_option():
    text = (CORPUS / "S-RES-502-1982.web.txt").read_text(encoding="utf-8")
    text = text.replace("of 3 April 1982", "")
    with pytest.raises(MetadataError, match="--date"):
        akn.convert(text)
    assert 'FRBRdate date="1982-04-03"' in akn.convert(text, date="1982-04-03")


def test_options_supply_symbol_and_language():
    xml = akn.convert(GOOD, symbol="A/RES/80/7", lang="eng")
    assert 'number="A/RES/80/7"' in xml
    with pytest.raises(MetadataError, match="--lang"):
        akn.convert(GOOD, lang="xx")


def test_unknown_output_format():
    with pytest.raises(ConversionError, match="unknown output format"):
        akn.convert(GOOD, to="pdf")


def test_read_any_picks_the_akn_reader_by_content_or_name():
    from akn.api import read_any, render

    xml = akn.convert(GOOD)
    model = read_any(xml).resolution
    assert render(model, "akn") == xml
    assert read_any(xml.encode("utf-8"), filename="res.txt").resolution == model  # content wins: '<'
    with pytest.raises(ConversionError, match="not well-formed XML"):
        read_any("General Assembly", filename="res.akn")  # a .xml/.akn name asks for XML


def test_convert_to_text_and_back():
    text = akn.convert(GOOD, to="text")
    assert text.startswith("---\nformat: akn-text/1\n")
    assert akn.convert(text) == akn.convert(GOOD)


def test_cli_converts_xml_to_text_html_and_back(tmp_path):
    from click.testing import CliRunner

    from akn.cli import main

    source = tmp_path / "A_RES_80_7.txt"
    source.write_text(GOOD, encoding="utf-8")
    runner = CliRunner()
    xml, md, html, again = (tmp_path / n for n in ("res.xml", "res.md", "res.html", "again.xml"))
    for args in ([str(source), "-o", str(xml)], [str(xml), "-o", str(md)], [str(xml), "-o", str(html)],
                 [str(md), "-o", str(again)]):
        result = runner.invoke(main, ["convert", *args])
        assert result.exit_code == 0, result.output
    assert md.read_text(encoding="utf-8").startswith("---\nformat: akn-text/1\n")
    assert "<html" in html.read_text(encoding="utf-8")
    assert again.read_bytes() == xml.read_bytes()
