"""A longer fuzzing run of the text reader than CI affords; prints the figures for the issue notes.

    python benchmarks/fuzz_long.py --seconds 300            # atheris (coverage-guided) if installed
    python benchmarks/fuzz_long.py --seconds 300 --engine hypothesis

Every input must give schema-valid AKN or an AknError with a one-line message. Anything else — another
exception, a ValidationError (the writer produced invalid AKN), a multi-line message, an input
taking over ``--slow`` seconds — is a finding: counted, its input saved under ``--findings``, and the
run goes on. atheris starts from the corpus and the seed (copied: libFuzzer adds to its corpus) and
mutates bytes; the hypothesis engine inserts random text and reader tokens into the seed.
"""
from __future__ import annotations

import argparse
import collections
import hashlib
import re
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "examples" / "A_RES_76_187.seed.md"
CORPUS = ROOT / "tests" / "corpus"
TOKENS = ["1.", "(a)", "(iv)", "IV.", "*", "[^1]", "[^1]: ", "¹", "(Footnote: ", ")", "[", "](#)", "\\",
          "resolution 76/1", " of 12 May 2020", "A/C.3/76/L.1", "_____", "---", "\n", "\n\n", ",", ";",
          "The General Assembly,", "*/", "km²", "\u200b", "\r", "Annex", "Adopted at its 54th plenary meeting"]


class Tally:
    """Examples tried and findings by kind, printed when the run ends (atheris ends by exiting)."""

    def __init__(self, findings: Path, slow: float, seconds: float):
        self.findings, self.slow = findings, slow
        self.deadline = time.monotonic() + seconds
        self.tried = self.converted = self.refused = 0
        self.kinds: collections.Counter[str] = collections.Counter()
        self.slowest = 0.0
        self.start = time.monotonic()

    def check(self, data: bytes) -> None:
        from akn import convert
        from akn.errors import AknError, ValidationError

        self.tried += 1
        began = time.perf_counter()
        kind = None
        try:
            convert(data)
            self.converted += 1
        except ValidationError as e:
            problem = re.sub(r"\{[^}]*\}|line \d+: |\(/[^)]*\)$", "", str(e.problems[0]) if e.problems else e.message)
            kind = f"invalid AKN produced: {problem[:160]}"
        except AknError as e:
            self.refused += 1
            if not e.message or "\n" in e.message:
                kind = "unclear error message"
        except Exception as e:  # noqa: BLE001 - what we hunt
            frame = traceback.extract_tb(e.__traceback__)[-1]
            kind = f"{type(e).__name__} at {Path(frame.filename).name}:{frame.lineno}"
        took = time.perf_counter() - began
        self.slowest = max(self.slowest, took)
        if took > self.slow:
            kind = kind or f"slow: {took:.1f} s for {len(data)} bytes"
        if kind:
            self.kinds[kind] += 1
            self.findings.mkdir(parents=True, exist_ok=True)
            (self.findings / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)
            print(f"fuzz_long: finding: {kind}", file=sys.stderr, flush=True)

    def over(self) -> bool:
        return time.monotonic() > self.deadline

    def report(self) -> None:
        minutes = (time.monotonic() - self.start) / 60
        print(f"\nfuzz_long: {self.tried} examples in {minutes:.1f} min: {self.converted} converted, "
              f"{self.refused} refused with a clear error, {sum(self.kinds.values())} findings; "
              f"slowest input {self.slowest:.2f} s")
        for kind, count in self.kinds.most_common():
            print(f"  {count:6}  {kind}")
        if self.kinds:
            print(f"  inputs saved in {self.findings}")
        sys.stdout.flush()


def seeds() -> list[Path]:
    return [SEED] + sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt") and p.name[:1] in "ASE")


def with_atheris(tally: Tally) -> None:
    """libFuzzer ends a run by exiting from C, past Python's exit hooks: the run ends itself instead."""
    import os

    import atheris

    def one(data: bytes) -> None:
        if tally.over():
            tally.report()
            os._exit(0)
        tally.check(data)

    with atheris.instrument_imports():
        import akn  # noqa: F401
        import akn.readers.text  # noqa: F401
        import akn.writers.akn  # noqa: F401
    start_corpus = Path(tempfile.mkdtemp(prefix="akn-fuzz-"))
    for path in seeds():
        shutil.copy(path, start_corpus)
    atheris.Setup([sys.argv[0], "-max_len=300000", f"-timeout={int(tally.slow) * 4}", str(start_corpus)], one)
    atheris.Fuzz()


def with_hypothesis(tally: Tally) -> None:
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    lines = SEED.read_text(encoding="utf-8").splitlines()

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.integers(0, len(lines)), st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=20)), max_size=200))
    def one(at, pieces):
        if tally.over():
            raise TimeoutError
        tally.check("\n".join(lines[:at] + ["".join(pieces)] + lines[at:]).encode("utf-8", "surrogatepass"))

    try:
        one()
    except TimeoutError:
        pass
    tally.report()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--engine", choices=["atheris", "hypothesis"])
    parser.add_argument("--slow", type=float, default=5.0, help="seconds after which an input counts as a finding")
    parser.add_argument("--findings", type=Path, default=Path(tempfile.gettempdir()) / "akn-fuzz-findings")
    args = parser.parse_args()
    tally = Tally(args.findings, args.slow, args.seconds)
    engine = args.engine
    if engine is None:
        try:
            import atheris  # noqa: F401
            engine = "atheris"
        except ImportError:
            engine = "hypothesis"
    print(f"fuzz_long: engine {engine}, {args.seconds} s")
    (with_atheris if engine == "atheris" else with_hypothesis)(tally)


if __name__ == "__main__":
    main()
