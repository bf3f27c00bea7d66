"""Median time of each conversion direction on the seed resolution, and of refusing hostile XML.

    python benchmarks/roundtrip_timing.py [--runs 20]

Directions: text->model (text reader, wild path), model->AKN, AKN->model, model->text,
text->model (strict canonical path), model->HTML. Medians over ``--runs`` runs after one warm-up;
ratios are within this run, so they compare on the same machine and load.
"""
from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from akn.errors import ConversionError
from akn.readers.akn import read_akn
from akn.readers.text import read_text
from akn.writers.akn import write_akn
from akn.writers.html import write_html
from akn.writers.text import write_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "corpus" / "A_RES_76_187.seed.md"


def median_ms(fn, runs: int) -> float:
    fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def hostile_inputs() -> dict[str, bytes]:
    return {
        "external entity": b'<?xml version="1.0"?>\n<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<a>&x;</a>',
        "billion laughs": b'<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                          b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><l>&c;</l>',
        "50 MB file": b"<akomaNtoso>" + b"<p>x</p>" * (50 * 1024 * 1024 // 8) + b"</akomaNtoso>",
        "100k-deep nesting": b"<a>" * 100_000 + b"</a>" * 100_000,
    }


def read_any_file(path: Path) -> bytes:
    """What the command line does before reading: the whole file as bytes."""
    return path.read_bytes()


def refuse(data: bytes) -> None:
    try:
        read_akn(data)
    except ConversionError:
        return
    raise SystemExit("a hostile input was not refused")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    runs = parser.parse_args().runs
    source = SEED.read_text(encoding="utf-8")
    model = read_text(source).resolution
    akn, text = write_akn(model), write_text(model)
    directions = {
        "text -> model (wild)": lambda: read_text(source),
        "model -> AKN": lambda: write_akn(model),
        "AKN -> model": lambda: read_akn(akn),
        "model -> text": lambda: write_text(model),
        "text -> model (canonical)": lambda: read_text(text),
        "model -> HTML": lambda: write_html(model),
    }
    print(f"seed {SEED.name}: {len(source)} chars; AKN {len(akn)} bytes; text {len(text)} chars; {runs} runs")
    results = {name: median_ms(fn, runs) for name, fn in directions.items()}
    base = results["model -> AKN"]
    for name, ms in results.items():
        print(f"  {name:28} {ms:8.2f} ms   {ms / base:5.2f} x model->AKN")
    print("hostile XML refused (median, input already in memory):")
    for name, data in hostile_inputs().items():
        print(f"  {name:28} {median_ms(lambda: refuse(data), runs):8.3f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.xml"
        big.write_bytes(hostile_inputs()["50 MB file"])
        ms = median_ms(lambda: refuse(read_any_file(big)), runs)
        print(f"  {'50 MB file, read from disk':28} {ms:8.3f} ms")


if __name__ == "__main__":
    main()
