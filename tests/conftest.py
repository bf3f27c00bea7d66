"""Shared fixtures: the corpus copied into the project (tests never read ../shared)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "corpus"
EXAMPLES = Path(__file__).parent.parent / "examples"


def corpus_truth() -> dict[str, dict]:
    return json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def truth() -> dict[str, dict]:
    return corpus_truth()
