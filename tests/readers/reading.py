"""What a re-laid-out resolution must keep, for the layout tests: each paragraph's words and the
footnote markers in it, and the ground-truth fields."""
from __future__ import annotations

from lxml import etree

from akn.api import render
from akn.model import Resolution, iter_footnotes, plain_text, walk_paragraphs

from ..akn_observe import FIELDS, matches, observe


def _paragraphs(res: Resolution):
    yield from res.preamble
    for body in [res.body] + [annex.body for annex in res.annexes]:
        for para in walk_paragraphs(body):
            yield para
            yield from para.items


def paragraph_reading(res: Resolution, notes: bool = True) -> list[tuple[str, list[str]]]:
    """Each paragraph's words, and the footnote markers it holds (unless ``notes`` is False)."""
    return [(" ".join(plain_text(p.children).split()),
             [n.marker for n in iter_footnotes(p.children)] if notes else [])
            for p in _paragraphs(res)]


def truth_mismatches(res: Resolution, want: dict, fields=FIELDS) -> list[str]:
    """The ground-truth fields the AKN written from ``res`` gets wrong."""
    got = observe(etree.fromstring(render(res, "akn").encode("utf-8")))
    return [f"{f}: want {want[f]!r} got {got.get(f)!r}" for f in fields
            if want.get(f) is not None and not (f == "operative_nums" and want[f] == [])
            and not matches(f, want[f], got.get(f))]
