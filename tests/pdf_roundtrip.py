"""Whether a PDF's text output converts back to the AKN the PDF converts to, byte for byte.

    python -m tests.pdf_roundtrip ../shared/corpus-pdf            # every PDF, read with its tags
    python -m tests.pdf_roundtrip ../shared/corpus-pdf --no-tags  # and from fonts and positions alone

For each PDF: ``akn convert X.pdf -o X.xml`` and ``akn convert X.pdf -o X.md`` then
``akn convert X.md -o back.xml``; the two XML files must be equal. Prints, for each PDF where they
differ, the first differing line of each, then a count; exits 1 if any differs.
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path

from akn.api import read_any, render
from akn.errors import AknError

from .invariants import read_input, run_over_folder


def difference(data: bytes, name: str, use_tags: bool = True) -> str | None:
    """None when the PDF's text converts back to the PDF's AKN; else the first difference."""
    try:
        result = read_input(data, name, use_tags)
        xml = render(result.resolution, "akn")
        text = render(result.resolution, "text")
    except AknError as e:
        return f"the PDF is refused: {e}"
    try:
        back = render(read_any(text, filename=str(Path(name).with_suffix(".md"))).resolution, "akn")
    except AknError as e:
        return f"its text is refused: {e}"
    if back == xml:
        return None
    diff = [line for line in difflib.unified_diff(xml.splitlines(), back.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    return " | ".join(line.strip()[:160] for line in diff[:4])


def main(argv: list[str]) -> int:
    return run_over_folder(argv, __doc__.split("\n\n")[0], difference,
                           "convert back to the same AKN from their text")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
