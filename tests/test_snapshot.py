"""The snapshot tool (tests/snapshot.py): every output of every held input, hashed, compared."""
from __future__ import annotations

import json

from .snapshot import fingerprint, main


def test_a_snapshot_checks_clean_against_itself_and_names_what_changed(tmp_path, capsys):
    path = tmp_path / "snapshot.json"
    assert main(["save", str(path)]) == 0
    assert main(["check", str(path)]) == 0  # every output is the same on a second run
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert len(saved) > 200 and any(name.endswith(":web-endnotes") for name in saved)
    name = next(iter(saved))
    saved[name] = "something else"
    path.write_text(json.dumps(saved), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(path)]) == 1
    assert f"changed: {name}" in capsys.readouterr().out


def test_a_failing_input_keeps_its_error():
    assert fingerprint("broken.txt", b"no resolution here").startswith("error: ")


def test_wrong_arguments_show_the_usage():
    assert main(["compare"]) == 2
