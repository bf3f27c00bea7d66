"""The reader on web and database copies: every reflowed resolution, printed again as a copy taken
from a web page (tests/web_layout.py: site text around it, one paragraph a line, tabs after
numbers, a number lost to a bullet, inline footnotes, invisible characters), reads back to the
same paragraphs, footnotes and ground truth. The masthead a web copy drops is not compared."""
from __future__ import annotations

import pytest

from akn.api import read_any

from ..conftest import CORPUS, corpus_truth
from ..web_layout import SITE_FOOT, SITE_HEAD, WebStyle, web_layout
from .reading import paragraph_reading, truth_mismatches

TRUTH = corpus_truth()
REFLOWED = sorted(n for n in TRUTH if n.endswith(".md") and not n.endswith(".seed.md"))
STYLES = {
    "plain": WebStyle(),
    "tabbed-spaced": WebStyle(numbers="tabbed", blank_lines=True, invisible=0.3),
    "first-bullet": WebStyle(numbers="first-bullet", invisible=0.2),
    "notes-dropped": WebStyle(notes="dropped"),
    "endnotes": WebStyle(notes="endnotes", blank_lines=True),
    "bold-phrases": WebStyle(emphasis="**", blank_lines=True),
    "underscored-phrases": WebStyle(emphasis="_"),
}
KEPT_FIELDS = ["number", "title", "adoption_date", "preamble_count", "preamble_first_words", "operative_nums",
               "subparagraphs", "closing_meeting", "closing_date", "annexes"]


@pytest.mark.parametrize("style", sorted(STYLES))
@pytest.mark.parametrize("name", REFLOWED)
def test_a_web_copy_reads_like_the_reflowed_text(name, style):
    source = read_any((CORPUS / name).read_bytes(), filename=name).resolution
    copy = web_layout(source, STYLES[style])
    result = read_any(copy, filename=name.replace(".md", ".web.txt"))
    notes = STYLES[style].notes != "dropped"
    assert paragraph_reading(result.resolution, notes) == paragraph_reading(source, notes)
    wrong = truth_mismatches(result.resolution, TRUTH[name], KEPT_FIELDS + (["footnotes"] if notes else []))
    assert not wrong, "\n".join(wrong)
    dropped = " ".join(d.text for d in result.dropped)
    assert all(line in dropped for line in SITE_HEAD + SITE_FOOT)
