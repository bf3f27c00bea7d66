"""The text writer: the canonical format's shape, escaping, and what it refuses to write."""
from __future__ import annotations

import pytest

from akn.errors import ConversionError
from akn.model import (
    Annex, DateRef, Event, Footnote, Italic, Item, MastheadLine, Metadata, Paragraph, Ref, Resolution, Section, Text,
)
from akn.writers.text import write_text


def res(**parts) -> Resolution:
    base = dict(meta=Metadata(symbol="A/RES/76/187", adoption_date="2021-12-16", issue_date="2022-01-11"),
                formula=[Text("The General Assembly,")], body=[Paragraph("1", [Text("Decides.")])])
    return Resolution(**{**base, **parts})


def test_whole_document_shape():
    text = write_text(res(
        masthead=[MastheadLine("organ", [Text("General Assembly")]),
                  MastheadLine("issue_date", [DateRef("2022-01-11", "11 January 2022")])],
        number="76/187", title=[Text("Crime prevention")],
        body=[Section("I", [Text("General")], [
            Paragraph("1", [Italic([Text("Calls upon")]), Text(" States:")], [
                Item("a", [Text("To act;")]), Item("b", [Text("To do:")], [Item("i", [Text("x;")])])])])],
        closing=[[Event("53rd plenary meeting")], [DateRef("2021-12-16", "16 December 2021")]],
        annexes=[Annex("Annex", [Text("Declaration")], [Paragraph(None, [Text("We welcome"), Footnote("2", [Text("x")])])])],
    ))
    assert text == """---
format: akn-text/1
symbol: A/RES/76/187
body: GA
kind: resolution
language: eng
adopted: 2021-12-16
issued: 2022-01-11
number: 76/187
---

organ: General Assembly
issue_date: [11 January 2022](date:2022-01-11)

# 76/187. Crime prevention

The General Assembly,

## I. General

1. *Calls upon* States:

    (a) To act;

    (b) To do:

        (i) x;

[53rd plenary meeting](event:)
[16 December 2021](date:2021-12-16)

# Annex
# Declaration

¶ We welcome[^2]

[^2]: x
"""


def test_markup_characters_in_text_are_escaped():
    text = write_text(res(body=[Paragraph("1", [Text("a*b [c] \\d"), Ref("/akn/x(1)", [Text("r")])])]))
    assert "1. a\\*b \\[c\\] \\\\d[r](/akn/x(1\\))" in text


def test_line_breaks_inside_text_become_spaces():
    assert "1. one two\n" in write_text(res(body=[Paragraph("1", [Text("one \n two")])]))


@pytest.mark.parametrize("parts, message", [
    (dict(body=[]), "without an operative part"),
    (dict(body=[Paragraph("1 bis", [Text("x")])]), "paragraph number"),
    (dict(body=[Paragraph("1", [Footnote("a b", [])])]), "footnote marker"),
    (dict(masthead=[MastheadLine("nonsense", [])]), "masthead role"),
    (dict(body=[Paragraph("1", [Italic([Text("a "), Italic([Text("b")])])])]), "italic inside italic"),
])
def test_what_the_format_cannot_spell_is_refused(parts, message):
    with pytest.raises(ConversionError, match=message):
        write_text(res(**parts))


def test_an_iri_that_looks_like_a_date_target_stays_a_citation():
    from akn.readers.text import read_text

    model = res(body=[Paragraph("1", [Ref("date:2020-01-01", [Text("x")]), Ref("event:", [Text("y")])])])
    text = write_text(model)
    assert "[x](\\date:2020-01-01)" in text
    assert read_text(text).resolution == model


def _staffing() -> Paragraph:
    from akn.model import Cell, Table

    return Paragraph("17", [Text("Approves the changes as set out in the table below:")], tables=[Table([
        [Cell([Text("Action")], True), Cell([Text("Title | post")], True)],
        [Cell([Text("Establishment")]), Cell([Italic([Text("Legal Officer")])])],
        [Cell([Text("{Total}")], colspan=2)],
    ])])


def test_a_table_is_pipe_rows_under_its_paragraph():
    text = write_text(res(body=[_staffing()]))
    assert ("17. Approves the changes as set out in the table below:\n\n"
            "| Action | Title \\| post |\n|---|---|\n| Establishment | *Legal Officer* |\n"
            "| {colspan=2} \\{Total} |\n") in text


@pytest.mark.parametrize("change, message", [
    (lambda p: p.tables[0].rows[0].__setitem__(0, type(p.tables[0].rows[0][0])([Text("x")])), "mixing header and data"),
    (lambda p: p.items.append(Item("a", [Text("x")])), "paragraph with items"),
    (lambda p: p.tables[0].rows.append([]), "row without cells"),
])
def test_a_table_the_format_cannot_spell_is_refused(change, message):
    para = _staffing()
    change(para)
    with pytest.raises(ConversionError, match=message):
        write_text(res(body=[para]))
