"""How much the AKN4UN profile rules cost on top of the XSD, on 100 real documents.

    python benchmarks/bench_validate.py [--documents 100] [--repeats 7]

The documents are akn's outputs for the corpus (tests/corpus), repeated to the number asked for
and written to a temporary folder. Three ways of validating all of them from disk, each timed
``--repeats`` times in turns in the same run (schemas compiled before timing), medians compared:

  xsd      read, parse, lxml XMLSchema.validate    -- the baseline: lxml's XSD validation alone
  xsd-only akn.validation.validate_file(xsd_only=True) (problems explained, paths made readable)
  full     akn.validation.validate_file(profile="house") (XSD, AKN4UN and house rules)

The goal (issue 6): full <= 3 x xsd.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from lxml import etree  # noqa: E402

import akn  # noqa: E402
from akn.validation import akn_schema, safe_parser, validate_file  # noqa: E402

CORPUS = ROOT / "tests" / "corpus"


def corpus_outputs() -> list[bytes]:
    sources = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt")
                     and p.name not in ("SOURCES.md", "TRUTH_SCHEMA.md"))
    return [akn.convert(p.read_bytes(), filename=str(p)).encode("utf-8") for p in sources]


def xsd_alone(files: list[Path]) -> None:
    schema = akn_schema()
    for f in files:
        schema.validate(etree.fromstring(f.read_bytes(), parser=safe_parser()))


def timed(runs: dict, files: list[Path], repeats: int) -> dict[str, tuple[float, float]]:
    """Median (CPU seconds, wall seconds) of each run. The runs take turns, and the ratio uses CPU
    time, so other processes on a shared machine slow none of them more than the others."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(repeats):
        for name, run in runs.items():
            cpu, wall = time.process_time(), time.perf_counter()
            run(files)
            times[name].append((time.process_time() - cpu, time.perf_counter() - wall))
    return {name: (statistics.median(c for c, _ in t), statistics.median(w for _, w in t)) for name, t in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100)
    parser.add_argument("--repeats", type=int, default=11)
    args = parser.parse_args()
    outputs = corpus_outputs()
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for k, data in enumerate(islice(cycle(outputs), args.documents)):
            files.append(Path(tmp) / f"doc_{k:03d}.xml")
            files[-1].write_bytes(data)
        size = sum(f.stat().st_size for f in files)
        akn_schema()  # compile outside the timings
        runs = {
            "xsd": xsd_alone,
            "xsd-only": lambda fs: [validate_file(f, xsd_only=True) for f in fs],
            "full": lambda fs: [validate_file(f, profile="house") for f in fs],
        }
        medians = timed(runs, files, args.repeats)
        invalid = sum(not validate_file(f).valid for f in files)
    print(f"{args.documents} documents ({len(outputs)} distinct corpus outputs, {size / 1e6:.1f} MB, "
          f"{invalid} with profile errors), median of {args.repeats} runs:")
    base = medians["xsd"][0]
    for name, (cpu, wall) in medians.items():
        print(f"  {name:9s} {cpu * 1000:8.1f} ms CPU ({cpu / args.documents * 1000:5.2f} ms/document, "
              f"{cpu / base:4.2f} x xsd)   {wall * 1000:8.1f} ms wall")
    ratio = medians["full"][0] / base
    print(f"full / xsd = {ratio:.2f} (CPU time; goal <= 3): {'met' if ratio <= 3 else 'NOT met'}")

if __name__ == "__main__":
    main()
