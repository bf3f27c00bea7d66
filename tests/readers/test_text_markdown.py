"""Markdown block syntax another extractor may write around the structure (readers/text/markdown.py)."""
from __future__ import annotations

import re

import pytest

from akn.api import read_any
from akn.readers.text.lines import split_lines
from akn.readers.text.markdown import undo_block_markup

from ..conftest import CORPUS, corpus_truth
from .reading import paragraph_reading, truth_mismatches


@pytest.mark.parametrize("written, meant", [
    ("# 80/11. 2025 review of the peacebuilding architecture", "80/11. 2025 review of the peacebuilding architecture"),
    ("## Annex ##", "Annex"),
    ("### The General Assembly,", "The General Assembly,"),
    ("**The General Assembly,**", "The General Assembly,"),
    ("**The General Assembly**,", "The General Assembly,"),
    ("*L’Assemblée générale,*", "L’Assemblée générale,"),
    ("**1.** Welcomes the report;", "1. Welcomes the report;"),
    ("**1**. Welcomes the report;", "1. Welcomes the report;"),
    ("*(a)* the first;", "(a) the first;"),
    ("- (b) the second;", "(b) the second;"),
    ("> 2. Requests the Secretary-General", "2. Requests the Secretary-General"),
    ("**80/7. Report of the Agency**", "80/7. Report of the Agency"),
    ("*Follow-up*", "Follow-up"),
    # emphasis that marks a phrase, bullets of prose and furniture stay as they are
    ("*Recalling* its resolution 79/1,", "*Recalling* its resolution 79/1,"),
    ("*Welcoming the report of the Secretary-General,*", "*Welcoming the report of the Secretary-General,*"),
    ("- Decides to extend the mandate;", "- Decides to extend the mandate;"),
    ("*2518487*", "*2518487*"),
    ("_______________", "_______________"),
    ("* Reissued for technical reasons on 5 May 2025.", "* Reissued for technical reasons on 5 May 2025."),
])
def test_block_markup_around_structure_is_undone(written, meant):
    [line] = undo_block_markup(split_lines(written))
    assert (line.no, line.text) == (1, meant)


TRUTH = corpus_truth()
REFLOWED = sorted(n for n in TRUTH if n.endswith(".md") and not n.endswith(".seed.md"))
MARKDOWN = {
    "hashed title, formula and annexes": lambda l: re.sub(r"^(\d+/\d+\. |The General Assembly,$|Annex\b)", r"## \1", l),
    "bold labels": lambda l: re.sub(r"^(\d{1,3}\.|\([a-z]{1,4}\))(?=\s)", r"**\1**", l),
    "bulleted and quoted items": lambda l: re.sub(r"^(\([a-z]{1,4}\))(?=\s)", r"> - \1", l),
    "bold title and formula": lambda l: f"**{l}**" if re.match(r"^(\d+/\d+\. .*|The General Assembly,)$", l) else l,
}


@pytest.mark.parametrize("style", sorted(MARKDOWN))
@pytest.mark.parametrize("name", REFLOWED[::3])
def test_a_markdown_extraction_with_block_markup_reads_like_the_plain_one(name, style):
    raw = (CORPUS / name).read_text(encoding="utf-8")
    marked = "\n".join(MARKDOWN[style](line) for line in raw.split("\n"))
    if marked == raw:
        pytest.skip("nothing in this resolution for the style to mark")
    source = read_any(raw, filename=name).resolution
    back = read_any(marked, filename=name).resolution
    assert paragraph_reading(back) == paragraph_reading(source)
    assert not truth_mismatches(back, TRUTH[name])
