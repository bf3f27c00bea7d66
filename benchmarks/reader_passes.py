"""Where the text reader spends its time: each pass of ``read_text`` timed on one input.

    python benchmarks/reader_passes.py                 # the seed resolution
    python benchmarks/reader_passes.py FILE --runs 50

Every pass the reader calls is wrapped with a timer (the inline parser is timed as a whole, at its
outermost call, since the structure pass calls it). Times are totals per read, averaged over
``--runs`` reads after one warm-up read; the wrappers add a little to each.
"""
from __future__ import annotations

import argparse
import functools
import time
from pathlib import Path

import akn.readers.text as reader
from akn.readers.text.inlines import InlineParser

ROOT = Path(__file__).resolve().parent.parent
PASSES = ["decode", "unwrap_json_record", "split_lines", "lift_front_matter", "clean_web_text", "undo_block_markup",
          "split_run_together", "remove_page_furniture", "lift_footnotes", "read_masthead", "unwrap",
          "read_structure"]


def timed(totals: dict[str, float], label: str, fn, outermost_only: bool = False):
    depth = 0

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        nonlocal depth
        depth += 1
        start = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            depth -= 1
            if depth == 0 or not outermost_only:
                totals[label] = totals.get(label, 0.0) + time.perf_counter() - start
    return wrapper


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("file", nargs="?", default=str(ROOT / "examples" / "A_RES_76_187.seed.md"))
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    data = Path(args.file).read_bytes()

    totals: dict[str, float] = {}
    for name in PASSES:
        setattr(reader, name, timed(totals, name, getattr(reader, name)))
    InlineParser.parse = timed(totals, "  of which inline parsing", InlineParser.parse, outermost_only=True)

    reader.read_text(data)
    totals.clear()
    start = time.perf_counter()
    for _ in range(args.runs):
        reader.read_text(data)
    whole = (time.perf_counter() - start) / args.runs * 1000
    print(f"{Path(args.file).name}: read_text {whole:.2f} ms a read (mean of {args.runs}), by pass:")
    for label, total in sorted(totals.items(), key=lambda kv: -kv[1]):
        print(f"  {label:<28} {total / args.runs * 1000:6.2f} ms")


if __name__ == "__main__":
    main()
