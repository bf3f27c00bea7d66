"""Fuzzing the text reader (short runs for CI; benchmarks/fuzz_long.py runs longer): whatever the
input, the result is schema-valid AKN or an AknError with a one-line message, and the command
line never shows a traceback."""
from __future__ import annotations

import random
import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import akn
from akn.errors import AknError, ValidationError
from akn.validation import validate_bytes

from .conftest import CORPUS, EXAMPLES

SEED = (EXAMPLES / "A_RES_76_187.seed.md").read_text(encoding="utf-8")
LINES = SEED.splitlines()

#: pieces the reader treats specially: numbering, markers, markup, citations, dates, rules
TOKENS = ["1.", "12.", "(a)", "(iv)", "IV.", "B. ", "*", "**", "_", "[^1]", "[^1]: ", "¹", "²³", "(Footnote: ",
          ")", "(", "[", "]", "](#)", "\\", "resolution 76/1", " of 12 May 2020", "A/C.3/76/L.1", "S/RES/2208 (2015)",
          "_____", "---", "\n", "\n\n", " ", ",", ";", ":", ".", "The General Assembly,", "Decides", "*/",
          "km²", "\u200b", "\u00ad", "\t", "\r", "é", "ß", "\ufeff", "Annex", "Adopted at its 54th plenary meeting"]

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(data: str | bytes) -> None:
    try:
        xml = akn.convert(data)
    except ValidationError as e:  # not a clear refusal: the writer produced invalid AKN
        raise AssertionError(f"invalid AKN from fuzzed input: {e}") from e
    except AknError as e:
        assert e.message and "\n" not in e.message, repr(e)
    else:
        assert validate_bytes(xml.encode("utf-8"), xsd_only=True) == []


@FUZZ
@given(st.binary(max_size=4000))
def test_any_bytes(data):
    check(data)


@FUZZ
@given(st.integers(0, len(LINES)), st.text(max_size=300))
def test_any_text_inside_a_resolution(at, text):
    check("\n".join(LINES[:at] + [text] + LINES[at:]))


@FUZZ
@given(st.integers(0, len(LINES)), st.lists(st.sampled_from(TOKENS), max_size=120))
def test_reader_tokens_inside_a_resolution(at, tokens):
    check("\n".join(LINES[:at] + ["".join(tokens)] + LINES[at:]))


HTML_TOKENS = ["<p>", "</p>", "<br>", "<sup>", "</sup>", "<sup>3</sup>", "<i>", "</i>", "<b>", "<li>", "</li>",
               '<a href="#fnref1">↩</a>', "<ol start=\"x\">", "<script>", "<div>", "&amp;", "&#0;", "<!--", "1.",
               "(a)", "The General Assembly,", "<table><tr><td>", "\x00", "<?xml version='1.0'?>", "<![CDATA["]


@FUZZ
@given(st.lists(st.sampled_from(HTML_TOKENS) | st.text(max_size=20), max_size=80))
def test_web_pages(tokens):
    check("<!DOCTYPE html><html><body>" + "\n".join(f"<p>{line}</p>" for line in LINES[:40]) + "".join(tokens))


@FUZZ
@given(st.randoms(use_true_random=False))
def test_corpus_lines_spliced(rng):
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
    donor = rng.choice(files).read_text(encoding="utf-8").splitlines()
    lines = LINES[:]
    for _ in range(rng.randrange(1, 12)):
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(donor))
    check("\n".join(lines))


def _mutants(rng: random.Random, count: int) -> list[bytes]:
    """Corpus files with bytes flipped, runs of reader tokens inserted, cut, or doubled."""
    files = sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt"))
    out = []
    for _ in range(count):
        data = bytearray(rng.choice(files).read_bytes())
        how = rng.randrange(4)
        if how == 0:
            for _ in range(rng.randrange(1, 20)):
                data[rng.randrange(len(data))] = rng.randrange(256)
        elif how == 1:
            for _ in range(rng.randrange(1, 10)):
                at = rng.randrange(len(data))
                data[at:at] = "".join(rng.choice(TOKENS) for _ in range(rng.randrange(1, 50))).encode()
        elif how == 2:
            data = data[: rng.randrange(1, len(data))]
        else:
            data = data + data
        out.append(bytes(data))
    return out


def test_the_command_never_shows_a_traceback_over_a_fuzz_corpus(tmp_path):
    src = tmp_path / "fuzz"
    src.mkdir()
    for k, data in enumerate(_mutants(random.Random(2026), 40)):
        (src / f"m{k:02}.txt").write_bytes(data)
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "akn.cli", "convert", str(src), "-o", str(out), "--jobs", "2"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode in (0, 1)
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert all(line.startswith("akn: ") for line in run.stderr.splitlines())
    failed = {line.split(": ")[1].split(":")[0] for line in run.stderr.splitlines()
              if line.startswith(f"akn: {src}") and ": warning: " not in line}
    written = sorted(out.glob("*.xml")) if out.exists() else []
    assert len(written) + len(failed) == 40
    for path in written:
        assert validate_bytes(path.read_bytes(), xsd_only=True) == []
