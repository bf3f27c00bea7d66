"""Every corpus file, cut at random points or with its lines shuffled, gives valid AKN or a clear
error (an AknError with a message) — never another exception."""
from __future__ import annotations

import random
import zlib

import pytest

import akn
from akn.errors import AknError

from .conftest import CORPUS, corpus_truth

NAMES = sorted(corpus_truth())


def variants(text: str, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = text.splitlines()
    out = []
    for _ in range(3):
        cut = rng.randrange(1, max(2, len(text)))
        out.append(text[:cut])
        out.append(text[cut:])
    for _ in range(3):
        shuffled = lines[:]
        rng.shuffle(shuffled)
        out.append("\n".join(shuffled))
    for _ in range(2):  # a run of lines dropped from the middle
        a = rng.randrange(len(lines))
        b = min(len(lines), a + rng.randrange(1, 20))
        out.append("\n".join(lines[:a] + lines[b:]))
    return out


@pytest.mark.parametrize("name", NAMES)
def test_cut_and_shuffled_input_never_crashes(name):
    text = (CORPUS / name).read_text(encoding="utf-8")
    outcomes = {"valid": 0, "refused": 0}
    for k, variant in enumerate(variants(text, seed=zlib.crc32(name.encode()))):
        try:
            xml = akn.convert(variant)  # validates against the schema by default
        except AknError as e:
            assert e.message and "\n" not in e.message, f"variant {k}: unclear error {e!r}"
            outcomes["refused"] += 1
        else:
            assert xml.startswith("<?xml")
            outcomes["valid"] += 1
    assert sum(outcomes.values()) == 11
