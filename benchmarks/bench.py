"""Benchmarks for issue 7, all measured in one run so their ratios hold on a busy machine.

    python benchmarks/bench.py              # everything (about two minutes on two cores)
    python benchmarks/bench.py --runs 50    # more runs per median
    python benchmarks/bench.py --only seed  # one section: seed, corpus, start, memory

1. the seed resolution, text -> validated AKN, per stage (read, write, validate) and end to end;
2. the limit: lxml parsing, validating and serializing that same AKN (nothing that emits and
   validates this document can beat it), and the ratio end to end / limit;
3. corpus throughput in documents per second with 1 and 2 worker processes;
4. cold start of ``akn --help`` and of ``akn convert`` on one file;
5. peak memory of a batch of 1,000 generated files against one of 100.
Every time is the median of ``--runs`` runs (at least 20).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "A_RES_76_187.seed.md"
CORPUS = ROOT / "tests" / "corpus"
AKN = shutil.which("akn") or "akn"


def medians_ms(fns: dict[str, object], runs: int) -> dict[str, float]:
    """Median milliseconds of each function, run in turn round after round: a machine that gets
    busier halfway slows them all alike, so the ratios between them hold."""
    for fn in fns.values():
        fn()  # warm: first-use costs (schema compilation, imports) are not per-document costs
    times: dict[str, list[float]] = {label: [] for label in fns}
    for _ in range(runs):
        for label, fn in fns.items():
            start = time.perf_counter()
            fn()
            times[label].append(time.perf_counter() - start)
    return {label: statistics.median(t) * 1000 for label, t in times.items()}


def row(label: str, value: str) -> None:
    print(f"  {label:<44} {value}")


# ---------------------------------------------------------------------------------- 1 and 2


def seed_and_limit(runs: int) -> None:
    from lxml import etree

    import akn
    from akn.readers.text import read_text
    from akn.validation import akn_schema, safe_parser, validate_bytes
    from akn.writers.akn import write_akn

    data = SEED.read_bytes()
    model = read_text(data).resolution
    xml = write_akn(model)
    schema = akn_schema()

    def limit():
        parsed = etree.fromstring(xml, parser=safe_parser())
        schema.validate(parsed)
        etree.tostring(parsed, xml_declaration=True, encoding="UTF-8")

    doc = etree.fromstring(xml, parser=safe_parser())
    ms = medians_ms({
        "read (text -> model)": lambda: read_text(data),
        "write (model -> AKN bytes)": lambda: write_akn(model),
        "validate (bytes -> parsed, XSD-checked)": lambda: validate_bytes(xml, xsd_only=True),
        "end to end (akn.convert, validated)": lambda: akn.convert(data),
        "parse": lambda: etree.fromstring(xml, parser=safe_parser()),
        "validate (XSD)": lambda: schema.validate(doc),
        "serialize": lambda: etree.tostring(doc, xml_declaration=True, encoding="UTF-8"),
        "parse + validate + serialize": limit,
    }, runs)
    print(f"1. seed {SEED.name} ({len(data) / 1024:.0f} KiB text, {len(xml) / 1024:.0f} KiB AKN), "
          f"median of {runs} runs")
    for k, (label, value) in enumerate(ms.items()):
        if k == 4:
            print("2. the limit: lxml alone on the same AKN")
        row(label, f"{value:7.2f} ms")
    end_to_end, limit_ms = ms["end to end (akn.convert, validated)"], ms["parse + validate + serialize"]
    row("end to end / limit", f"{end_to_end / limit_ms:7.1f} x   (goal <= 5)")
    row("reader's share of end to end", f"{ms['read (text -> model)'] / end_to_end:7.0%}")


# ---------------------------------------------------------------------------------------- 3


def corpus_inputs() -> list[Path]:
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))
    return [CORPUS / name for name in sorted(truth)]


def throughput(runs: int) -> None:
    from akn.batch import Options, plan, run

    files = corpus_inputs()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        copies = 3  # ~114 documents a run: long enough that starting the workers is not all it measures
        for k in range(copies):  # copies in subfolders: file names carry some symbols
            (src / str(k)).mkdir()
            for f in files:
                shutil.copy(f, src / str(k) / f.name)
        count = copies * len(files)
        out = Path(tmp) / "out"

        def batch(workers: int):
            def go():
                shutil.rmtree(out, ignore_errors=True)
                failed = []
                run(plan([str(src)], out, ".xml").jobs, Options(), workers,
                    lambda o: failed.append(o) if o.status == "failed" else None)
                assert not failed, failed[0].message
            return go

        ms = medians_ms({"one": batch(1), "two": batch(2), "spin one": spin(1), "spin two": spin(2)}, runs)
        one, two = ms["one"], ms["two"]
        ceiling = ms["spin one"] / ms["spin two"]
    print(f"3. corpus throughput: {count} documents ({copies} x the {len(files)} of tests/corpus), "
          f"text -> validated AKN files, median of {runs} runs")
    row("1 process (in-process)", f"{count / one * 1000:7.1f} docs/s   ({one:.0f} ms)")
    row("2 worker processes", f"{count / two * 1000:7.1f} docs/s   ({two:.0f} ms)")
    row("scaling 1 -> 2", f"{one / two:7.2f} x   (target >= 1.7; os.cpu_count() = {os.cpu_count()})")
    row("the machine's own scaling (pure CPU spin)", f"{ceiling:7.2f} x   (what other load leaves: the ceiling)")
    row("scaling / ceiling", f"{one / two / ceiling:7.0%}")


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i
    return total


def spin(processes: int):
    """Four slices of pure CPU work in 1 or 2 processes: how far the machine scales right now."""
    from concurrent.futures import ProcessPoolExecutor

    def go():
        if processes == 1:
            [_spin(1_500_000) for _ in range(4)]
        else:
            with ProcessPoolExecutor(processes) as pool:
                list(pool.map(_spin, [1_500_000] * 4))
    return go


# ---------------------------------------------------------------------------------------- 4


def cold_start(runs: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        target = str(Path(tmp) / "out.xml")

        def command(*args: str):
            return lambda: subprocess.run([AKN, *args], check=True, stdout=subprocess.DEVNULL)

        ms = medians_ms({
            "python": lambda: subprocess.run([sys.executable, "-c", "pass"], check=True),
            "help": command("--help"),
            "convert": command("convert", str(SEED), "-o", target, "-q"),
        }, runs)
        python_ms, help_ms, convert_ms = ms["python"], ms["help"], ms["convert"]
    print(f"4. cold start (a new process each time), median of {runs} runs")
    row("python -c pass (the interpreter alone)", f"{python_ms:7.1f} ms")
    row("akn --help", f"{help_ms:7.1f} ms   (target < 150)")
    row("akn convert seed -o out.xml", f"{convert_ms:7.1f} ms")


# ---------------------------------------------------------------------------------------- 5


def generate(folder: Path, count: int) -> None:
    """``count`` distinct resolutions: corpus documents, each with a number written into its text,
    in subfolders of one copy of the corpus each (file names carry some symbols)."""
    files = corpus_inputs()
    for k in range(count):
        source = files[k % len(files)]
        text = source.read_text(encoding="utf-8").replace(" the ", f" the ({k}) ", 1)
        target = folder / f"{k // len(files):03}" / source.name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def peak_rss_mb(args: list[str]) -> float:
    """Peak resident memory of the largest process of a command (parent or worker)."""
    probe = ("import resource, subprocess, sys\n"
             "subprocess.run(sys.argv[1:], check=False, stderr=subprocess.DEVNULL)\n"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True)
    return int(out.stdout.split()[-1]) / 1024


def memory() -> None:
    print("5. peak memory (the largest process: the parent, or a worker), a batch of generated files")
    with tempfile.TemporaryDirectory() as tmp:
        for count in (100, 1000):
            src = Path(tmp) / f"in{count}"
            generate(src, count)
            for jobs in ("1", "2"):
                out = Path(tmp) / f"out{count}_{jobs}"
                start = time.perf_counter()
                mb = peak_rss_mb([AKN, "convert", str(src), "-o", str(out), "-q", "--jobs", jobs])
                seconds = time.perf_counter() - start
                written = len(list(out.rglob("*.xml")))
                row(f"{count} files, --jobs {jobs}", f"{mb:7.1f} MB peak   ({written} written, {seconds:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", choices=["seed", "corpus", "start", "memory"])
    args = parser.parse_args()
    runs = max(20, args.runs)
    print(f"akn benchmarks, python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    if args.only in (None, "seed"):
        seed_and_limit(runs)
    if args.only in (None, "corpus"):
        throughput(runs)
    if args.only in (None, "start"):
        cold_start(runs)
    if args.only in (None, "memory"):
        memory()


if __name__ == "__main__":
    main()
