"""Warnings as objects (akn.notices): a code a program can count, a message, and where."""
from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

import akn
from akn.api import read_any
from akn.cli import main
from akn.notices import CODES, Notice
from akn.readers.pdf import _on_page

from .conftest import CORPUS

HELD = [p for folder in (CORPUS, CORPUS.parent / "wild") for p in sorted(folder.glob("*"))
        if p.suffix in (".md", ".txt") and p.name not in ("README.md", "SOURCES.md", "TRUTH_SCHEMA.md")]


def test_every_warning_on_the_held_inputs_has_a_known_code_and_a_line_in_the_input():
    seen: set[str] = set()
    for path in HELD:
        data = path.read_bytes()
        lines = data.count(b"\n") + 1
        for w in read_any(data, filename=path.name).warnings:
            assert isinstance(w, Notice) and w.code in CODES, (path.name, w)
            assert w.line is None or 1 <= w.line <= lines, (path.name, w)
            seen.add(w.code)
    assert {"unlabelled-item", "title-completed", "numbering-gap"} <= seen


def test_a_warning_prints_as_the_line_the_command_line_shows():
    assert str(Notice("numbering-gap", "paragraph 5 follows paragraph 3", 40)) == \
        "line 40: paragraph 5 follows paragraph 3"
    assert str(Notice("no-title", "the text prints no title")) == "the text prints no title"
    assert str(Notice("footnote-no-text", "footnote marker 3 has no footnote text", 7, "page")).startswith("page 7: ")


def test_a_pdf_names_the_page_a_warning_is_on():
    moved = _on_page(Notice("numbering-gap", "gap", 5), {5: 2})
    assert (moved.line, moved.unit, moved.code) == (2, "page", "numbering-gap")
    assert _on_page(Notice("no-title", "no title"), {5: 2}) == Notice("no-title", "no title")


def test_the_command_line_prints_each_warning_with_its_file_and_line(tmp_path):
    path = CORPUS / "A_RES_80_5.md"
    read = read_any(path.read_bytes(), filename=str(path)).warnings
    warnings: list[Notice] = []
    akn.convert(path.read_bytes(), filename=str(path), warnings=warnings)
    assert read and warnings[:len(read)] == read  # the reader's, then what validating the output found
    expected = [f"akn: {path}: warning: {w}" for w in warnings]
    result = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path / "out.xml")])
    assert result.exit_code == 0
    assert [line for line in result.stderr.splitlines() if ": warning: " in line] == expected


def test_a_finding_convert_warns_about_has_the_code_validate_reports():
    from akn.notices import VALIDATION_CODES
    from akn.validation import ABOUT_TEXT

    assert set(VALIDATION_CODES) == ABOUT_TEXT and set(VALIDATION_CODES) <= set(CODES)
    path = CORPUS / "A_RES_80_5.md"  # its annex skips paragraph numbers: the output breaks para-sequence
    warnings: list[Notice] = []
    akn.convert(path.read_bytes(), filename=str(path), warnings=warnings)
    from_convert = [w.code for w in warnings if w.code in VALIDATION_CODES]
    report = akn.validate(akn.load(path), profile="house")
    assert from_convert and from_convert == [p.code for p in report.errors]
    assert all(w.code in CODES for w in warnings)
