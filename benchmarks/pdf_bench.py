"""Benchmark of the PDF reader (issue 13), measured in one run so the ratio holds on a busy machine.

    python benchmarks/pdf_bench.py ../shared/corpus-pdf            # the 80th-session PDFs in it
    python benchmarks/pdf_bench.py ../shared/corpus-pdf --glob '*.pdf' --sample 40

1. wall time of ``akn convert FOLDER -o OUT --jobs 2`` (validated AKN) against ``pdftotext`` on the
   same files with two processes, run alternately three times; the ratio of the medians, and the
   same for CPU time (which a busy machine disturbs less);
2. per-document medians in one process: read (PDF -> lines, furniture, paragraphs), structure
   (shared rules -> model), write (model -> AKN bytes), validate (the OASIS schema);
3. peak memory of the batch's processes.
"""
from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def timed(cmd: list[str], failures: list[str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, all its processes) that ``cmd`` took. The CPU time
    depends less on what else the machine runs. The lines ``cmd`` wrote to stderr (with -q: one
    per file that failed) go to ``failures``, so a file akn rejects is reported rather than
    stopping the benchmark."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if failures is not None:
        failures[:] = [line for line in done.stderr.splitlines() if line.strip()]
    elif done.returncode:
        raise SystemExit(f"{cmd[0]} failed: {done.stderr.strip()}")
    return elapsed, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def stages(paths: list[Path]) -> dict[str, float]:
    from akn.readers.pdf import read_pdf
    from akn.readers.pdf.document import read_pages
    from akn.readers.pdf.layout import read_layout
    from akn.validation import validate_bytes
    from akn.writers.akn import write_akn

    validate_bytes(b"<x/>")  # the schema compiles once per process, not per document
    times: dict[str, list[float]] = {"read": [], "structure": [], "write": [], "validate": []}
    for path in paths:
        data = path.read_bytes()
        t0 = time.perf_counter()
        pages, tagged = read_pages(data)
        read_layout(pages, tagged)
        t1 = time.perf_counter()
        resolution = read_pdf(data).resolution  # reads again: structure = the whole read less t1 - t0
        t2 = time.perf_counter()
        xml = write_akn(resolution)
        t3 = time.perf_counter()
        validate_bytes(xml, xsd_only=True)
        t4 = time.perf_counter()
        times["read"].append(t1 - t0)
        times["structure"].append(max(0.0, (t2 - t1) - (t1 - t0)))
        times["write"].append(t3 - t2)
        times["validate"].append(t4 - t3)
    return {k: statistics.median(v) * 1000 for k, v in times.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--glob", default="A_RES_80_*.pdf")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--sample", type=int, default=0, help="per-document medians on this many files only")
    args = ap.parse_args()
    paths = sorted(args.folder.glob(args.glob))
    akn = shutil.which("akn") or "akn"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        src.mkdir()
        for p in paths:
            (src / p.name).symlink_to(p.resolve())
        ours, theirs, failed = [], [], []
        for k in range(args.rounds):
            out = Path(tmp) / f"akn{k}"
            ours.append(timed([akn, "convert", str(src), "-o", str(out), "--jobs", "2", "-q"], failed))
            txt = Path(tmp) / f"txt{k}"
            txt.mkdir()
            theirs.append(timed(["sh", "-c", f'ls "{src}"/*.pdf | xargs -P 2 -I{{}} sh -c '
                                             f'\'pdftotext "$1" "{txt}/$(basename "$1" .pdf).txt"\' _ {{}}']))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    walls = [statistics.median(t[0] for t in runs) for runs in (ours, theirs)]
    cpus = [statistics.median(t[1] for t in runs) for runs in (ours, theirs)]
    print(f"{len(paths)} PDFs, {args.rounds} rounds (seconds, median; wall of each round in brackets)")
    print(f"  {'':38} {'wall':>7} {'cpu':>7}")
    print(f"  akn convert --jobs 2 (validated AKN)   {walls[0]:7.2f} {cpus[0]:7.2f}  {[round(t[0], 2) for t in ours]}")
    if failed:
        print(f"    {len(failed)} of them failed, e.g. {failed[0][:160]}")
    print(f"  pdftotext, 2 processes                 {walls[1]:7.2f} {cpus[1]:7.2f}  {[round(t[0], 2) for t in theirs]}")
    print(f"  ratio                                  {walls[0] / walls[1]:7.2f} {cpus[0] / cpus[1]:7.2f}")
    print(f"  peak memory of one process             {peak:7.1f} MB")
    sample = paths[: args.sample] if args.sample else paths
    medians = stages(sample)
    print(f"per-document medians over {len(sample)} PDFs, one process (ms)")
    for stage, ms in medians.items():
        print(f"  {stage:<10} {ms:8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
