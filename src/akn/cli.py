"""The ``akn`` command: a thin shell over the library.

Exit codes: 0 success, 1 a conversion or validation failure, 2 a usage error. Errors are one
line ``akn: FILE:LINE: message``; ``--debug`` shows the traceback instead.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import click

from .errors import AknError

EXIT_FAILURE = 1


def _fail(message: str) -> None:
    click.echo(f"akn: {message}", err=True)


def write_atomically(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file."""
    path = path.resolve()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="akn")
def main() -> None:
    """Convert United Nations resolutions into Akoma Ntoso (AKN4UN) XML and back.

    \b
    Examples:
      akn convert A_RES_76_187.md -o A_RES_76_187.xml
      cat res.txt | akn convert - --symbol A/RES/80/7 > res.xml
      akn validate out/*.xml
    """


@main.command()
@click.argument("input", type=click.Path(allow_dash=True, dir_okay=False, path_type=str))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True, path_type=str),
              help="Output file (default: standard output). Its extension picks the format.")
@click.option("--to", "to", type=click.Choice(["akn", "html", "text"]),
              help="Output format (default: from the output's extension, else akn).")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the AKN against the OASIS schema before writing it.")
@click.option("--symbol", help="Document symbol when the text lacks it, e.g. A/RES/76/187.")
@click.option("--date", help="Adoption date (YYYY-MM-DD) when the text lacks it.")
@click.option("--lang", help="Language code (eng, fra, spa); default: detected from the text.")
@click.option("--css", metavar="URL", help="HTML only: link this stylesheet instead of inlining the styles.")
@click.option("-v", "--verbose", is_flag=True, help="Report warnings and the text dropped as page furniture or site text.")
@click.option("-q", "--quiet", is_flag=True, help="Print no warnings.")
@click.option("--debug", is_flag=True, help="Show tracebacks (for developers).")
def convert(input: str, output: str | None, to: str | None, validate: bool, symbol: str | None,
            date: str | None, lang: str | None, css: str | None, verbose: bool, quiet: bool, debug: bool) -> None:
    """Convert INPUT (a resolution as text, or '-' for standard input) to AKN XML or HTML.

    Nothing is written unless the conversion succeeds: an existing OUTPUT is replaced only by a
    complete, valid document.
    """
    from .api import format_for_path

    fmt = to or (format_for_path(output) if output and output != "-" else None) or "akn"
    if css and fmt != "html":
        raise click.UsageError("--css applies only to HTML output (--to html or an .html output file)")
    if output and output != "-" and input != "-" and Path(output).resolve() == Path(input).resolve():
        raise click.UsageError("the output file is the input file; refusing to overwrite the input")
    try:
        result = _convert_one(input, fmt, validate, symbol, date, lang, verbose, quiet, css=css)
    except AknError as e:
        if debug:
            raise
        if e.source is None:
            e.source = input if input != "-" else "<stdin>"
        _fail(str(e))
        sys.exit(EXIT_FAILURE)
    except OSError as e:
        if debug:
            raise
        _fail(f"{input}: {e.strerror or e}")
        sys.exit(EXIT_FAILURE)
    except Exception as e:  # a bug: still one line for the user
        if debug:
            raise
        _fail(f"{input}: internal error ({type(e).__name__}: {e}); run with --debug and report it")
        sys.exit(EXIT_FAILURE)
    if output and output != "-":
        try:
            write_atomically(Path(output), result)
        except OSError as e:
            _fail(f"{output}: cannot write ({e.strerror or e})")
            sys.exit(EXIT_FAILURE)
    else:
        click.echo(result, nl=False)


def _convert_one(input: str, fmt: str, validate: bool, symbol, date, lang, verbose: bool, quiet: bool,
                 css: str | None = None) -> str:
    from .api import read_any, render

    if input == "-":
        data = sys.stdin.buffer.read()
        name = "<stdin>"
    else:
        data = Path(input).read_bytes()
        name = input
    result = read_any(data, filename=None if input == "-" else input, symbol=symbol, date=date, lang=lang)
    if not quiet:
        for w in result.warnings:
            click.echo(f"akn: {name}: warning: {w}", err=True)
        if verbose:
            for d in result.dropped:
                click.echo(f"akn: {name}: dropped {d}", err=True)
    return render(result.resolution, fmt, validate=validate, css=css)


@main.command("validate")
@click.argument("paths", nargs=-1, required=True,
                type=click.Path(exists=True, readable=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit"]), default="text",
              show_default=True, help="Report format: text for people, json, github (annotations), junit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Validate in this many processes.")
@click.option("--xsd-only", is_flag=True, help="Check the OASIS schema only, not the AKN4UN profile rules.")
def validate_cmd(paths: tuple[Path, ...], fmt: str, jobs: int, xsd_only: bool) -> None:
    """Check AKN files against the OASIS AKN 3.0 schema and the AKN4UN profile rules.

    PATHS are files or folders (searched recursively for *.xml). Every problem is reported with
    file, line, XPath and rule id (XSD for the schema); exit 1 if any document is invalid.
    Warnings are reported but do not make a document invalid.

    \b
    Examples:
      akn validate out/
      akn validate --format github --jobs 2 out/
    """
    from .reports import render_reports, summary
    from .validate import validate_file

    files = expand_paths(paths)
    if not files:
        raise click.UsageError("no *.xml files found in " + ", ".join(str(p) for p in paths))
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor
        from functools import partial

        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            reports = list(pool.map(partial(validate_file, xsd_only=xsd_only), files,
                                    chunksize=max(1, len(files) // (4 * jobs))))
    else:
        reports = [validate_file(f, xsd_only=xsd_only) for f in files]
    click.echo(render_reports(reports, fmt), nl=False)
    click.echo(summary(reports), err=True)
    sys.exit(EXIT_FAILURE if any(not r.valid for r in reports) else 0)


def expand_paths(paths: tuple[Path, ...]) -> list[str]:
    """Files as given, folders as their *.xml files (recursively, sorted); each file once, in order."""
    files: dict[str, None] = {}  # ordered and without repeats
    for path in paths:
        found = sorted(p for p in path.rglob("*.xml") if p.is_file()) if path.is_dir() else [path]
        files.update(dict.fromkeys(str(f) for f in found))
    return list(files)


if __name__ == "__main__":  # pragma: no cover
    main()
