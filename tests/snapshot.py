"""Snapshot every output of every input the repository holds, to change the reader or a writer
without changing what it produces (or to see exactly what a change changes).

    python -m tests.snapshot save SNAPSHOT.json     # before the change
    python -m tests.snapshot check SNAPSHOT.json    # after: lists the inputs whose output differs

Inputs: the corpus, the wild resolutions, the data fixtures and the examples, each also printed
again as two PDF layouts and two web copies. Outputs: AKN, text and HTML, the warnings and the
text left out, hashed together per input; an input that fails keeps its error instead.
"""
from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from akn.api import read_any, render
from akn.errors import AknError

from .pdf_layout import Style, pdf_layout
from .web_layout import WebStyle, web_layout

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("tests/corpus", "tests/wild", "tests/data", "examples")
NOT_RESOLUTIONS = {"SOURCES.md", "TRUTH_SCHEMA.md", "README.md"}
LAYOUTS = {
    "pdf-apart": lambda res: pdf_layout(res, Style(seed=1)),
    "pdf-narrow": lambda res: pdf_layout(res, Style(width=78, page_lines=40, space_before_marker=0.3, seed=2)),
    "web-tabbed": lambda res: web_layout(res, WebStyle(numbers="tabbed", blank_lines=True, invisible=0.3)),
    "web-endnotes": lambda res: web_layout(res, WebStyle(notes="endnotes", blank_lines=True)),
}


def inputs() -> Iterator[tuple[str, bytes | str]]:
    """Every input by name: the files, then each reflowed file in every layout (from its model)."""
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).glob("*")):
            if path.suffix in (".md", ".txt") and path.name not in NOT_RESOLUTIONS:
                yield f"{folder}/{path.name}", path.read_bytes()
    for path in sorted((ROOT / "tests/corpus").glob("*.md")):
        if path.name not in NOT_RESOLUTIONS:
            res = read_any(path.read_bytes(), filename=path.name).resolution
            for name, layout in LAYOUTS.items():
                yield f"{path.name}:{name}", layout(res)


def fingerprint(name: str, data: bytes | str) -> str:
    filename = name.split(":")[0].rsplit("/", 1)[-1]
    try:
        result = read_any(data, filename=filename)
        outputs = [render(result.resolution, fmt, validate=False) for fmt in ("akn", "text", "html")]
    except AknError as e:
        return f"error: {e}"
    everything = "\0".join([*outputs, *map(str, result.warnings), *map(str, result.dropped)])
    return hashlib.sha256(everything.encode("utf-8")).hexdigest()


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("save", "check"):
        print(__doc__)
        return 2
    mode, path = argv[0], Path(argv[1])
    snapshot = {name: fingerprint(name, data) for name, data in inputs()}
    if mode == "save":
        path.write_text(json.dumps(snapshot, indent=1, sort_keys=True), encoding="utf-8")
        print(f"{len(snapshot)} inputs saved to {path}")
        return 0
    before = json.loads(path.read_text(encoding="utf-8"))
    changed = sorted(name for name in before.keys() | snapshot.keys() if before.get(name) != snapshot.get(name))
    for name in changed:
        print(f"changed: {name}")
    print(f"{len(snapshot)} inputs, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
