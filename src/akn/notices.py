"""Warnings a reader gives about an input it could read: structured, so a caller can sort them.

A warning is not an error: the document was read, but something in it was guessed, repaired or
is missing. Each carries a stable ``code`` (what kind of thing happened, for a program to count or
filter), a ``message`` for people, and where it is (a ``line`` of the input, or for a PDF a page).
``str(notice)`` is the line the command line prints, ``line 12: message``.
"""
from __future__ import annotations

from dataclasses import dataclass

#: every code a reader (or, below, convert's check of its output) emits, and what it means
#: (docs/api.md lists the same)
CODES: dict[str, str] = {
    "encoding": "the input is not UTF-8; it was read in a legacy encoding",
    "title-completed": "the printed title stops mid-phrase; completed from the front matter",
    "no-title": "the text prints no title",
    "no-closing": "the text prints no closing lines (meeting and date)",
    "symbol-differs": "the symbol given differs from the one the text prints; the given one wins",
    "symbol-from-filename": "the symbol was taken from the file name",
    "date-differs": "the adoption date given differs from the one the text prints; the given one wins",
    "numbering-gap": "operative paragraph numbers are missing in the text",
    "paragraph-number-unstopped": "the next paragraph's number is printed without its full stop; read as the number",
    "bulleted-paragraph": "a bulleted paragraph was numbered from the sequence",
    "unlabelled-item": "a sub-item without its label was labelled from the sequence",
    "item-relabelled": "an item labelled from the sequence turned out to be a lost (i)",
    "footnote-duplicate": "a second footnote body for one marker; both texts kept",
    "footnote-out-of-order": "a footnote marker printed apart from its text; its text is not known, or "
                             "taken from the order the texts are printed in",
    "footnote-unplaced": "a footnote body has no marker in the text; kept at the end",
    "footnote-no-text": "a footnote marker has no footnote text",
    "footnote-repeated": "a footnote marker printed again; the note stays at the first",
}

#: codes of the warnings ``convert`` adds when the AKN it wrote breaks a validation rule because
#: of what the text says: the rule's id (akn.validation.levels, ``about_text``), as ``akn validate``
#: reports it, so a finding has one code whether convert or validate names it
VALIDATION_CODES: dict[str, str] = {
    "adoption-date": "a date marked as the adoption date differs from the Work's",
    "para-unnumbered": "an unnumbered operative paragraph among numbered ones",
    "para-sequence": "operative paragraph numbers do not run 1, 2, 3… (see numbering-gap)",
    "number-title": "the number printed before the title differs from the symbol's",
    "conclusions-meeting": "the closing names no meeting",
    "conclusions-date": "the closing prints no adoption date",
    "note-marker-unique": "a footnote marker is used twice",
    "note-marker-order": "footnote markers do not run 1, 2, 3…",
    "note-sup": "a superscript that is not a footnote marker",
    "ref-href": "a reference points neither into the document nor to an AKN IRI",
    "ref-iri": "a cited AKN IRI lacks a part",
}
CODES.update(VALIDATION_CODES)


@dataclass(frozen=True)
class Notice:
    """One warning about an input: ``code`` (a key of :data:`CODES`), ``message``, and where.

    ``line`` is the input line (None when the warning is about the whole document); ``unit`` is
    ``"line"``, or ``"page"`` when a PDF reader names the page instead.
    """

    code: str
    message: str
    line: int | None = None
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.message}" if self.line is not None else self.message
