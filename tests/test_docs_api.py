"""docs/api.md runs: every example on the page is executed, from the repository's root."""
from __future__ import annotations

import doctest
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_example_in_the_api_page_gives_what_it_shows(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False, optionflags=doctest.ELLIPSIS,
                              raise_on_error=False, verbose=False, report=True)
    assert result.attempted > 30 and result.failed == 0


def test_the_api_page_lists_every_warning_code():
    from akn.notices import CODES

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    table = page[page.index("| code | meaning |"):page.index("akn.notices.CODES")]
    assert [code for code in CODES if f"`{code}`" not in table] == []
