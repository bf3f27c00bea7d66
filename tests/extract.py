"""Extract the text of PDFs the way the four common tools do, for the extractor tests and scores.

    python -m tests.extract ../shared/corpus-pdf extractions/    # extractions/<tool>/<name>.txt

Tools: ``pdftotext`` and ``pdftotext -layout`` (poppler-utils), pypdf (each page's
``extract_text()``, pages joined by a newline) and pdfminer.six (``extract_text``). A file
already extracted is kept.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOOLS = ("pdftotext", "layout", "pypdf", "pdfminer")


def extract(tool: str, pdf: Path) -> str:
    if tool in ("pdftotext", "layout"):
        args = ["pdftotext", *(["-layout"] if tool == "layout" else []), str(pdf), "-"]
        return subprocess.run(args, check=True, capture_output=True).stdout.decode("utf-8")
    if tool == "pypdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    from pdfminer.high_level import extract_text

    return extract_text(str(pdf))


def main(argv: list[str]) -> int:
    source, target = Path(argv[0]), Path(argv[1])
    for tool in TOOLS:
        (target / tool).mkdir(parents=True, exist_ok=True)
        for pdf in sorted(source.glob("*.pdf")):
            out = target / tool / f"{pdf.stem}.txt"
            if not out.exists():
                out.write_text(extract(tool, pdf), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
