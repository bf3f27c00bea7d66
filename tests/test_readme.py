"""The README shows what works: its first command, its pre-commit example, its Python errors."""
from __future__ import annotations

import re
import shlex
import subprocess
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
