"""What every conversion of a real resolution must give, whatever the input looked like.

    python -m tests.invariants ../shared/corpus-pdf            # every PDF, read with its tags
    python -m tests.invariants ../shared/corpus-pdf --no-tags  # and from fonts and positions alone
    python -m tests.invariants extractions/ --glob '*.txt'     # text extractions of them

A conversion is schema-valid, prints the number and the title, numbers its operative paragraphs
1..n (or has a single unnumbered one; each part of a resolution in parts with its own preamble from 1), has its closing lines, and loses no word of the input's
text outside the page furniture it reports dropping. Prints one line per input that breaks one,
then a count; exits 1 if any does.
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat
from pathlib import Path

from akn.api import read_any, render
from akn.errors import AknError
from akn.model import BodyPart, Section, walk_paragraphs
from akn.readers.text import ReadResult

#: letters and digits apart: an extraction glues markers to words ("migrants7") that the reader
#: takes apart, which loses nothing
_WORD = re.compile(r"[^\W\d_]+|\d+")


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(text.replace("\u2011", "-")))


def pdf_words(data: bytes) -> Counter[str]:
    """The words of every printed line PDFium finds (raised markers apart from the word they
    follow): the yardstick for "nothing lost" in the layout and structure passes."""
    from akn.readers.pdf.document import read_pages

    pages, _ = read_pages(data, use_tags=False)
    def printed(run) -> str:  # a raised number is a marker, apart from its word; raised letters stay
        return f" {run.text} " if run.raised and run.text.strip().isdigit() else run.text

    return words(" ".join("".join(printed(run) for run in line.runs) for page in pages for line in page.lines))


def numbering_runs(body: list[BodyPart]) -> list[list[str | None]]:
    """The paragraph numbers of the operative part: one run, or in a resolution in parts (some
    part opens with a preamble of its own) one run per part, each numbered from 1."""
    runs: list[list[str | None]] = [[]]
    in_parts = any(isinstance(part, Section) and part.preamble for part in body)
    for part in body:
        if isinstance(part, Section) and in_parts:
            runs += [[p.num for p in walk_paragraphs(part.children)], []]
        else:
            runs[-1] += [p.num for p in walk_paragraphs([part])]
    return [run for run in runs if run] or [[]]


def read_input(data: bytes, name: str, use_tags: bool = True) -> ReadResult:
    """An input read as ``akn convert`` reads it; a PDF from fonts and positions alone when
    ``use_tags`` is false."""
    if data.startswith(b"%PDF-") and not use_tags:
        from akn.readers.pdf import read_pdf

        return read_pdf(data, filename=name, use_tags=False)
    return read_any(data, filename=name)


def problems(data: bytes, name: str, use_tags: bool = True) -> list[str]:
    """The invariants one input breaks (empty when it keeps them all)."""
    try:
        result = read_input(data, name, use_tags)
        render(result.resolution, "akn")  # validates against the OASIS schema
        text = render(result.resolution, "text")
    except AknError as e:
        return [f"refused: {e}"]
    res = result.resolution
    out = []
    if not res.number:
        out.append("no number")
    if not res.title:
        out.append("no title")
    for nums in numbering_runs(res.body):
        if nums != [str(i) for i in range(1, len(nums) + 1)] and nums != [None]:
            k = next(k for k, (num, want) in enumerate(zip([*nums, None], range(1, len(nums) + 2))) if num != str(want))
            out.append(f"operative numbers {nums[max(0, k - 2):k + 3]} from paragraph {k + 1} of {len(nums)}")
    if not res.closing:
        out.append("no closing lines")
    source = pdf_words(data) if data.startswith(b"%PDF-") else words(data.decode("utf-8", "replace"))
    source -= words(" ".join(d.text for d in result.dropped))
    written = words(text)
    lost = source - written
    for token in [t for t in lost if t.isdigit()]:  # "20242": a year and the marker glued to it
        if any(written[token[:k]] and written[token[k:]] for k in range(1, len(token))):
            del lost[token]
    if lost:
        out.append(f"{sum(lost.values())} words lost: {' '.join(sorted(lost)[:8])}")
    return out


def broken(data: bytes, name: str, use_tags: bool = True) -> str | None:
    """The invariants one input breaks, on one line; None when it keeps them all."""
    return "; ".join(problems(data, name, use_tags)) or None


Check = Callable[[bytes, str, bool], "str | None"]


def _check_file(check: Check, path: Path, use_tags: bool) -> str | None:
    return check(path.read_bytes(), path.name, use_tags)


def run_over_folder(argv: list[str], description: str, check: Check, kept: str) -> int:
    """The command line of a check over a folder: ``check`` on each input (in ``--jobs``
    processes), a line for each one it finds wrong, then the count of those that are ``kept``."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--glob", default="*.pdf")
    ap.add_argument("--no-tags", action="store_true", help="ignore PDF structure trees")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    paths = sorted(args.folder.glob(args.glob))
    bad = 0
    with ProcessPoolExecutor(args.jobs) as pool:
        for path, found in zip(paths, pool.map(_check_file, repeat(check), paths, repeat(not args.no_tags))):
            if found:
                bad += 1
                print(f"{path.name}: {found}")
    print(f"{len(paths) - bad}/{len(paths)} {kept}")
    return 1 if bad else 0


def main(argv: list[str]) -> int:
    return run_over_folder(argv, __doc__.split("\n\n")[0], broken, "keep every invariant")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
