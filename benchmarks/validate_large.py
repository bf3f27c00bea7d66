"""Validation time against conversion time on a 20,000-paragraph resolution (issue 15).

    python benchmarks/validate_large.py [--paragraphs 20000] [--repeats 1] [--profile akn4un]

The text is generated: the seed resolution's masthead and formula, a few preambular paragraphs,
then N numbered operative paragraphs (every tenth with a footnote, every hundredth with (a), (b)
sub-paragraphs). The text reader numbers paragraphs up to 9999, so from 10000 on they are
unnumbered and para-unnumbered reports one error where the numbers stop. The text is converted
to AKN in this process (``akn.convert`` with ``validate=False``: conversion alone), then the
written file is checked as ``akn validate --profile akn4un`` checks it
(``akn.validation.validate_file``; every level's rules run whatever the profile, which only sorts
errors from warnings; the trusted size bound raised). CPU time, so a shared machine slows
neither side more than the other. The target: validate <= 3 x convert.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import akn  # noqa: E402


def resolution_text(paragraphs: int) -> str:
    """A canonical-format resolution with ``paragraphs`` operative paragraphs and their footnotes."""
    lines = ["General Assembly", "", "Distr.: General", "20 December 2021", "", "Seventy-sixth session", "",
             "Agenda item 108", "", "Resolution adopted by the General Assembly on 16 December 2021", "",
             "76/999. A very long resolution", "", "The General Assembly,", "",
             "*Recalling* its earlier resolutions on the matter,", "",
             "*Noting with appreciation* the report of the Secretary-General,", ""]
    notes = []
    for n in range(1, paragraphs + 1):
        marker = ""
        if n % 10 == 0:
            notes.append(len(notes) + 1)
            marker = f"[^{notes[-1]}]"
        if n % 100 == 0:
            lines += [f"{n}. *Requests* the Secretary-General to report on item {n}{marker}:", "",
                      "(a) The first matter;", "", "(b) The second matter;", ""]
        else:
            lines += [f"{n}. *Decides* to keep item {n} of the agenda under review{marker};", ""]
    lines += ["53rd plenary meeting", "16 December 2021", ""]
    lines += [f"[^{k}]: See document A/76/{k}." for k in notes]
    return "\n".join(lines) + "\n"


def cpu(fn) -> tuple[float, object]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--paragraphs", type=int, default=20_000)
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--profile", choices=["xsd", "akn4un", "house"], default="akn4un")
    args = parser.parse_args()
    from akn.validation import validate_file
    from akn.validation.engine import warm_up

    text = resolution_text(args.paragraphs)
    warm_up()  # schemas compiled once per process, outside both timings
    converts, validates = [], []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "large.xml"
        for _ in range(args.repeats):
            seconds, xml = cpu(lambda: akn.convert(text, validate=False, symbol="A/RES/76/999"))
            converts.append(seconds)
            path.write_text(xml, encoding="utf-8")
            seconds, report = cpu(lambda: validate_file(path, profile=args.profile, trusted=True))
            validates.append(seconds)
        size = path.stat().st_size
    convert_s, validate_s = statistics.median(converts), statistics.median(validates)
    errors = [p for p in report.problems if p.severity == "error"]
    print(f"{args.paragraphs} paragraphs, {len(text) / 1e6:.1f} MB of text, {size / 1e6:.1f} MB of AKN; "
          f"{len(errors)} errors, {len(report.problems) - len(errors)} warnings")
    for p in errors[:3]:  # the text reader numbers paragraphs up to 9999: 10000 on are unnumbered
        print(f"  {p.rule} line {p.line}: {p.message[:100]}")
    print(f"  convert  {convert_s:7.2f} s CPU")
    print(f"  validate {validate_s:7.2f} s CPU (--profile {args.profile})")
    ratio = validate_s / convert_s
    print(f"validate / convert = {ratio:.2f} (goal <= 3): {'met' if ratio <= 3 else 'NOT met'}")


if __name__ == "__main__":
    main()
