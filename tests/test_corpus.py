"""The whole corpus: every file converts to schema-valid AKN that matches its ground truth."""
from __future__ import annotations

import re

import pytest
from lxml import etree

import akn
from akn.validation import xsd_problems

from .akn_observe import FIELDS, matches, observe
from .conftest import CORPUS, corpus_truth

TRUTH = corpus_truth()


def kind_of(name: str) -> str:
    for suffix, kind in ((".seed.md", "seed"), (".pdftext.txt", "GA PDF text"), (".web.txt", "web"), (".md", "reflowed")):
        if name.endswith(suffix):
            return kind
    return "other"


def convert_file(name: str) -> etree._Element:
    path = CORPUS / name
    xml = akn.convert(path.read_bytes(), filename=str(path))
    return etree.fromstring(xml.encode("utf-8"))


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_corpus_file_matches_truth(name):
    root = convert_file(name)
    assert xsd_problems(root) == []
    got = observe(root)
    want = TRUTH[name]
    wrong = [f"{f}: want {want[f]!r} got {got.get(f)!r}" for f in FIELDS
             if want.get(f) is not None and not (f in ("operative_nums", "operative_first_words") and want[f] == [])
             and not matches(f, want[f], got.get(f))]
    assert not wrong, "\n".join(wrong)


def test_corpus_score_per_field_and_kind(capsys):
    """Prints the per-field and per-kind score; fails only below the floor reached so far."""
    fields = {f: [0, 0] for f in FIELDS}
    kinds: dict[str, list[int]] = {}
    for name, want in sorted(TRUTH.items()):
        kind = kinds.setdefault(kind_of(name), [0, 0])
        kind[1] += 1
        try:
            got = observe(convert_file(name))
        except akn.AknError:
            got = {}
        perfect = True
        for f in FIELDS:
            if want.get(f) is None or (f in ("operative_nums", "operative_first_words") and want[f] == []):
                continue
            ok = matches(f, want[f], got.get(f))
            fields[f][0] += ok
            fields[f][1] += 1
            perfect &= ok
        kind[0] += perfect
    with capsys.disabled():
        print("\ncorpus score per field:")
        for f, (ok, n) in fields.items():
            print(f"  {f:22s} {ok:3d}/{n}")
        print("documents right in every field, per kind:")
        for k, (ok, n) in sorted(kinds.items()):
            print(f"  {k:14s} {ok}/{n}")
    total = sum(ok for ok, _ in kinds.values())
    assert total == sum(n for _, n in kinds.values())
