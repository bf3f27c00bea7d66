"""The README shows what works: its first command, its pre-commit example, its Python errors."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
from fnmatch import fnmatch
from pathlib import Path

import pytest

import akn

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _quick_start() -> list[str]:
    block = re.search(r"## Quick start\n+```sh\n(.*?)```", README, re.S).group(1)
    return block.splitlines()


def test_the_first_command_writes_no_file_the_repository_keeps():
    """It converts the seed into a file git ignores (before: it rewrote examples/A_RES_76_187.xml)."""
    convert = _quick_start()[0].split("&&")[-1]
    words = shlex.split(convert)
    target = words[words.index("-o") + 1]
    ignored = [line.strip() for line in (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()]
    assert any(fnmatch(f"/{target}", pattern) for pattern in ignored if pattern.startswith("/")), target
    assert not (ROOT / target).is_file() or (ROOT / target).read_bytes() == (ROOT / "examples" / target).read_bytes()


def test_ci_runs_the_quick_start_exactly():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert all(line in ci.splitlines() for line in _quick_start())


def test_the_python_section_names_every_error_the_library_raises():
    errors = [name for name in akn.__all__ if isinstance(getattr(akn, name), type)
              and issubclass(getattr(akn, name), Exception)]
    python = README[README.index("From Python:"):README.index("### Many files at once")]
    assert errors and [e for e in errors if f"akn.{e}" not in python] == []


def test_the_pre_commit_example_pins_no_release_that_does_not_exist():
    revs = re.findall(r"^\s*rev:\s*(\S+)", README, re.M)
    try:
        tags = subprocess.run(["git", "tag"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: its tags are unknown")
    assert [r for r in revs if r not in tags] == []
    hook = re.search(r"# \.pre-commit-config\.yaml\n(.*?)```", README, re.S).group(1)
    assert "repo: local" in hook and "entry: akn validate" in hook


def _validation_examples() -> list[tuple[str, int]]:
    """The README's `akn validate` lines and the exit code each one's comment states."""
    section = README[README.index("## Validation\n"):README.index("### In CI")]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    lines = [line.split("#", 1) for line in block.splitlines() if line.strip()]
    return [(command.strip(), int(re.search(r"exit (\d)", comment).group(1))) for command, comment in lines]


def test_the_validation_examples_exit_as_their_comments_say():
    examples = _validation_examples()
    assert {code for _, code in examples} == {0, 1, 2} and any(" - <" in c for c, _ in examples)
    for command, code in examples:
        words = shlex.split(command.split("<")[0])
        assert words[:2] == ["akn", "validate"], command
        stdin = (ROOT / command.split("<")[1].strip()).read_bytes() if "<" in command else None
        done = subprocess.run([sys.executable, "-m", "akn.cli", *words[1:]], cwd=ROOT, input=stdin,
                              capture_output=True, timeout=120)
        assert done.returncode == code, (command, done.stderr.decode()[-300:])
