"""The ``akn convert`` command with one input: output, errors as one line, no data loss, cold start."""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
from click.testing import CliRunner

import akn
from akn import batch
from akn.cli import main

from .conftest import CORPUS

GOOD = CORPUS / "A_RES_80_7.pdftext.txt"


def run(*args: str, input: bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input)


def test_one_input_goes_to_standard_output():
    result = run("convert", str(GOOD))
    assert result.exit_code == 0
    assert result.stdout == akn.convert(GOOD.read_bytes(), filename=str(GOOD))


def test_standard_input_with_a_dash():
    result = run("convert", "-", input=GOOD.read_bytes())
    assert result.exit_code == 0 and result.stdout.startswith("<?xml")


def test_output_file_gets_the_format_of_its_extension(tmp_path):
    out = tmp_path / "res.html"
    assert run("convert", str(GOOD), "-o", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_a_failure_is_one_line_with_file_and_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "list.txt"
    bad.write_text("Shopping list\nMilk\n", encoding="utf-8")
    out = tmp_path / "out.xml"
    result = run("convert", str(bad), "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"akn: {bad}:1: ") and result.stderr.count("\n") == 1
    assert not out.exists() and list(tmp_path.iterdir()) == [bad]


def test_an_existing_output_survives_a_failed_conversion(tmp_path):
    bad = tmp_path / "cut.txt"
    bad.write_bytes(GOOD.read_bytes()[:300])
    out = tmp_path / "out.xml"
    out.write_text("previous, complete output", encoding="utf-8")
    assert run("convert", str(bad), "-o", str(out)).exit_code == 1
    assert out.read_text(encoding="utf-8") == "previous, complete output"


def test_refuses_to_write_over_its_input(tmp_path):
    src = tmp_path / "res.xml"
    src.write_bytes(GOOD.read_bytes())
    result = run("convert", str(src), "-o", str(src))
    assert result.exit_code == 2 and "refusing to overwrite the input" in result.stderr
    assert src.read_bytes() == GOOD.read_bytes()


@pytest.mark.parametrize("error, words", [
    (RecursionError("maximum recursion depth exceeded"), "nests too deeply"),
    (MemoryError(), "not enough memory"),
    (KeyError("surprise"), "internal error (KeyError"),
])
def test_unexpected_failures_are_one_line_too(monkeypatch, error, words):
    def explode(*args, **kwargs):
        raise error

    monkeypatch.setattr("akn.api.read_any", explode)
    result = run("convert", str(GOOD))
    assert result.exit_code == 1
    assert result.stderr == f"akn: {GOOD}: " + result.stderr.split(": ", 2)[2]
    assert words in result.stderr and "Traceback" not in result.stderr


def test_debug_shows_the_traceback(tmp_path):
    bad = tmp_path / "list.txt"
    bad.write_text("Shopping list\n", encoding="utf-8")
    quiet = subprocess.run([sys.executable, "-m", "akn.cli", "convert", str(bad)], capture_output=True, text=True)
    loud = subprocess.run([sys.executable, "-m", "akn.cli", "convert", str(bad), "--debug"],
                          capture_output=True, text=True)
    assert quiet.returncode == 1 and "Traceback" not in quiet.stderr
    assert loud.returncode != 0 and "Traceback" in loud.stderr and "ConversionError" in loud.stderr


def test_help_loads_no_schema_template_engine_or_reader():
    probe = (
        "import sys\n"
        "from akn.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ['lxml.etree', 'jinja2', 'akn.readers.text', 'akn.validation', 'akn.writers.akn', 'cobalt']\n"
        "print('LOADED:' + ','.join(m for m in heavy if m in sys.modules))\n"
    )
    for args in ([], ["convert"]):
        code = probe.replace("['--help']", repr([*args, "--help"]))
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        assert out.stdout.splitlines()[-1] == "LOADED:", f"akn {' '.join(args)} --help loaded too much"


def test_atomic_write_leaves_no_temporary_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "out.xml"

    def boom(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(batch.os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        batch.write_atomically(target, "data")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_with_nothing_to_convert_is_a_usage_error(tmp_path):
    from click.testing import CliRunner

    from akn.cli import main

    (tmp_path / "in").mkdir()
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no files to convert" in result.output


@pytest.mark.parametrize("args, words", [
    (["-o", "x.pdf"], "-o x.pdf: .pdf names no output format"),
    (["-o", "res.text"], "-o res.text: .text names no output format"),
    (["--to", "html", "-o", "y.xml"], "-o y.xml: .xml is akn output, but --to asks for html"),
    (["--to", "akn", "-o", "y.md"], "-o y.md: .md is text output, but --to asks for akn"),
])
def test_an_output_extension_that_names_no_format_or_contradicts_to_is_a_usage_error(tmp_path, monkeypatch,
                                                                                    args, words):
    monkeypatch.chdir(tmp_path)
    result = run("convert", str(GOOD), *args)
    assert result.exit_code == 2 and words in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_one_file_name_for_many_inputs_is_a_usage_error(tmp_path):
    second = tmp_path / "second.md"
    second.write_bytes((CORPUS / "A_RES_80_1.md").read_bytes())
    result = run("convert", str(GOOD), str(second), "-o", str(tmp_path / "single.xml"))
    assert result.exit_code == 2 and "names one file" in result.stderr
    assert not (tmp_path / "single.xml").exists()


@pytest.mark.parametrize("args, start", [
    (["-o", "res"], "<?xml"),  # no extension: --to, else AKN
    (["--to", "html", "-o", "res"], "<!DOCTYPE html>"),
    (["--to", "text", "-o", "res.TXT"], "---"),
])
def test_an_output_name_without_an_extension_takes_to(tmp_path, monkeypatch, args, start):
    monkeypatch.chdir(tmp_path)
    assert run("convert", str(GOOD), *args).exit_code == 0
    assert (tmp_path / args[-1]).read_text(encoding="utf-8").startswith(start)


def test_symbol_and_date_options_win_everywhere_and_say_so():
    """--symbol A/RES/79/999 on a text printing 80/1 used to change only <publication>."""
    source = CORPUS / "A_RES_80_1.md"
    result = run("convert", str(source), "--symbol", "A/RES/79/999", "--date", "2020-01-01")
    assert result.exit_code == 0
    assert "--symbol A/RES/79/999 differs from the printed number 80/1; using A/RES/79/999 everywhere" in result.stderr
    assert "--date 2020-01-01 differs from the printed adoption date 2025-09-19; using 2020-01-01" in result.stderr
    iris = re.findall(r'<FRBR(?:this|uri) value="([^"]+)"', result.stdout)
    assert iris and all(i.startswith("/akn/un/statement/deliberation/un-ga/2020-01-01/79-999/") or
                        i == "/akn/un/statement/deliberation/un-ga/2020-01-01/79-999" for i in iris)
    assert '<FRBRnumber value="79-999" showAs="79/999"/>' in result.stdout
    assert "80-1" not in result.stdout and 'name="adoption"' in result.stdout


def test_options_that_agree_with_the_text_warn_of_nothing():
    source = CORPUS / "A_RES_80_1.md"
    result = run("convert", str(source), "--symbol", "A/RES/80/1", "--date", "2025-09-19")
    assert result.exit_code == 0 and "differs" not in result.stderr
