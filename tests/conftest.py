"""Shared fixtures: the corpus copied into the project (tests never read ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import os

import pytest
from hypothesis import settings

# The test suite draws the same examples every run, so a run never passes or fails on a lucky
# draw; the longer runs (AKN_PROPERTY_EXAMPLES, AKN_FUZZ_EXAMPLES, or AKN_RANDOM=1) draw at random.
settings.register_profile("repeatable", derandomize=True, deadline=None)  # no timing in unit tests
if not any(os.environ.get(v) for v in ("AKN_PROPERTY_EXAMPLES", "AKN_FUZZ_EXAMPLES", "AKN_RANDOM")):
    settings.load_profile("repeatable")

CORPUS = Path(__file__).parent / "corpus"
EXAMPLES = Path(__file__).parent.parent / "examples"


def corpus_truth() -> dict[str, dict]:
    return json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def truth() -> dict[str, dict]:
    return corpus_truth()
