"""Nothing is lost and nothing invented: every word of a resolution reaches the AKN, in order,
and no page furniture does. Words are runs of letters, so footnote markers and punctuation that
the markup replaces do not count."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from lxml import etree

from akn.readers.text import read_text
from akn.model import plain_text
from akn.readers.text.lines import lift_front_matter, split_lines
from akn.writers.akn import to_element

from .conftest import CORPUS, corpus_truth

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
LABEL = re.compile(r"^(?:[a-z]{1,2}|[ivxlIVXL]{1,6})$")


def words(text: str) -> list[str]:
    """Runs of letters; lone labels ("b", "ii", "IV") are left out on both sides, since a label
    printed at a line start becomes a <num> and may be inferred where extraction lost it."""
    found = re.findall(r"[^\W\d_]+", re.sub("[⁰¹²³⁴⁵⁶⁷⁸⁹]", " ", text))
    return [w for w in found if not LABEL.match(w)]


def input_words(path, title: tuple[str, str] | None = None) -> tuple[Counter, list[str]]:
    lines = split_lines(path.read_text(encoding="utf-8"))
    _, body = lift_front_matter(lines)
    text = "\n".join(l.text for l in body)
    if title:  # a cut title completed from the front matter reads as the whole title
        text = text.replace(title[0], title[1], 1)
    text = re.sub(r"\((?:Footnote)\s*:", "(", text)
    text = re.sub(r"…\s*\[read more\]", " ", text)
    # labels are structure (<num>), counted apart: "(a)", "(ii)", "III."
    text = re.sub(r"(?m)^\s*(?:\((?:[a-z]{1,2}|[ivxl]{1,6})\)|[IVXL]{1,6}\.)(?=\s|$)", " ", text)
    return Counter(words(text)), words(text)


def akn_words(root, notes: bool = True) -> list[str]:
    body = root[0]
    out: list[str] = []

    def walk(el):
        skip = el.tag in (NS + "meta", NS + "num")  # a num may be inferred (a lost label), and says so
        if skip or (not notes and el.tag == NS + "authorialNote"):
            if el.tail:
                out.extend(words(el.tail))
            return
        if el.text:
            out.extend(words(el.text))
        for child in el:
            walk(child)
        if el.tail and el is not body:
            out.extend(words(el.tail))

    walk(body)
    return out


def _completed_title(result, path) -> tuple[str, str] | None:
    """The printed title line and its completion, when a cut title gained words from the front
    matter (the reader warns when it does)."""
    if not any(w.code == "title-completed" for w in result.warnings):
        return None
    title = " ".join(plain_text(result.resolution.title).split())
    printed = " ".join(path.read_text(encoding="utf-8").split())
    number = f"{result.resolution.number}. "
    head = title
    while head and number + head not in printed:  # the title as printed after its number
        head = head.rsplit(" ", 1)[0] if " " in head else ""
    return number + head, number + title


def is_subsequence(small: list[str], big: list[str]) -> bool:
    it = iter(big)
    return all(any(w == b for b in it) for w in small)


@pytest.mark.parametrize("name", sorted(corpus_truth()))
def test_every_word_reaches_the_akn_in_order(name):
    path = CORPUS / name
    result = read_text(path.read_bytes(), filename=str(path))
    root = to_element(result.resolution)
    have, sequence = input_words(path, _completed_title(result, path))
    for d in result.dropped:
        have.subtract(words(d.text))
    have = +have
    got = Counter(akn_words(root))
    assert got - have == Counter(), f"words in the AKN that the input lacks: {dict(got - have)}"
    assert have - got == Counter(), f"words of the input lost: {dict(have - got)}"
    assert is_subsequence(akn_words(root, notes=False), sequence), "running text out of order"


FURNITURE = [r"\b\d{2}-\d{5}\s*\(E\)", r"\*\d{7}\*"]


@pytest.mark.parametrize("name", sorted(n for n in corpus_truth() if n.endswith(".pdftext.txt")))
def test_no_page_furniture_in_the_akn(name):
    path = CORPUS / name
    root = to_element(read_text(path.read_bytes(), filename=str(path)).resolution)
    text = "\n".join(root[0].itertext())
    for pattern in FURNITURE:
        assert not re.search(pattern, text), pattern
    pages = set(re.findall(r"(?m)^\s*(\d{1,3}/\d{1,3})\s*$", path.read_text(encoding="utf-8")))
    assert pages and not pages & set(re.findall(r"\d+/\d+", text))
    # the running header (symbol) is printed once, in the masthead
    symbol = corpus_truth()[name]["symbol"]
    body_text = "".join(t for el in root[0][1:] for t in el.itertext())
    assert body_text.count(symbol) <= 1
