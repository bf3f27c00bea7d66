"""examples/ holds the seed and its outputs exactly as the current code writes them."""
from __future__ import annotations

import akn

from .conftest import EXAMPLES


def test_seed_akn_example_is_current():
    seed = EXAMPLES / "A_RES_76_187.seed.md"
    expected = (EXAMPLES / "A_RES_76_187.xml").read_text(encoding="utf-8")
    assert akn.convert(seed.read_bytes(), filename=str(seed)) == expected, "run examples/regenerate.sh"


def test_conversion_is_deterministic():
    seed = (EXAMPLES / "A_RES_76_187.seed.md").read_bytes()
    assert akn.convert(seed) == akn.convert(seed)


def test_seed_html_example_is_current():
    seed = EXAMPLES / "A_RES_76_187.seed.md"
    expected = (EXAMPLES / "A_RES_76_187.html").read_text(encoding="utf-8")
    assert akn.convert(seed.read_bytes(), to="html") == expected, "run examples/regenerate.sh"
