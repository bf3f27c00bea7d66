"""Whether a PDF's text output converts back to the AKN the PDF converts to, byte for byte.

    python -m tests.pdf_roundtrip ../shared/corpus-pdf            # every PDF, read with its tags
    python -m tests.pdf_roundtrip ../shared/corpus-pdf --no-tags  # and from fonts and positions alone

For each PDF: ``akn convert X.pdf -o X.xml`` and ``akn convert X.pdf -o X.md`` then
``akn convert X.md -o back.xml``; the two XML files must be equal. Prints, for each PDF where they
differ, the first differing line of each, then a count; exits 1 if any differs.
"""
from __future__ import annotations

import argparse
import difflib
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from akn.api import read_any, render
from akn.errors import AknError


def difference(data: bytes, name: str, use_tags: bool = True) -> str | None:
    """None when the PDF's text converts back to the PDF's AKN; else the first difference."""
    try:
        if use_tags:
            result = read_any(data, filename=name)
        else:
            from akn.readers.pdf import read_pdf

            result = read_pdf(data, filename=name, use_tags=False)
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


def _one(args: tuple[Path, bool]) -> tuple[str, str | None]:
    path, use_tags = args
    return path.name, difference(path.read_bytes(), path.name, use_tags)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--glob", default="*.pdf")
    ap.add_argument("--no-tags", action="store_true", help="ignore PDF structure trees")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    paths = sorted(args.folder.glob(args.glob))
    bad = 0
    with ProcessPoolExecutor(args.jobs) as pool:
        for name, found in pool.map(_one, [(p, not args.no_tags) for p in paths]):
            if found:
                bad += 1
                print(f"{name}: {found}")
    print(f"{len(paths) - bad}/{len(paths)} convert back to the same AKN from their text")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
