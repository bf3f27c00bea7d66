"""The ``akn`` command: a thin shell over the library.

Exit codes: 0 success, 1 a conversion or validation failure, 2 a usage error (and, for
``validate``, an input that cannot be read as XML). Errors are one
line ``akn: FILE:LINE: message``; ``--debug`` shows the traceback instead.
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import click

EXIT_FAILURE = 1
EXIT_USAGE = 2  # click's code for a usage error; `akn validate` uses it for unreadable input too


def _fail(message: str) -> None:
    click.echo(f"akn: {message}", err=True)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="akn")
def main() -> None:
    """Convert United Nations resolutions into Akoma Ntoso (AKN4UN) XML and back.

    \b
    Examples:
      akn convert A_RES_76_187.md -o A_RES_76_187.xml
      cat res.txt | akn convert - --symbol A/RES/80/7 > res.xml
      akn convert texts/ -o akn/ --jobs 4
      akn validate out/*.xml
    """


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.Path(allow_dash=True, path_type=str),
              help="Output file (default: standard output), its extension naming the format: .xml/.akn, "
                   ".html/.htm, .md/.txt; or for several inputs the output folder.")
@click.option("--to", "to", type=click.Choice(["akn", "html", "text"]),
              help="Output format (default: from the output's extension, else akn); an output "
                   "extension that says otherwise is an error.")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the AKN before writing it, as `akn validate --profile house` does (schema, AKN4UN, house).")
@click.option("--symbol", help="Document symbol, e.g. A/RES/76/187 (one input only); it wins over what the "
                                "text prints, FRBR IRIs included, with a warning when they differ.")
@click.option("--date", help="Adoption date (YYYY-MM-DD); it wins over the date the text prints, FRBR IRIs "
                              "included, with a warning when they differ.")
@click.option("--lang", help="Language code (eng, fra, spa); default: detected from the text.")
@click.option("--css", metavar="URL", help="HTML only: link this stylesheet instead of inlining the styles.")
@click.option("--fragment", is_flag=True,
              help="HTML only: the resolution's markup alone (an <article>, no <html>, <head> or styles), to embed.")
@click.option("--templates", type=click.Path(exists=True, file_okay=False, path_type=str), metavar="DIR",
              help="HTML only: a folder of Jinja templates that replace ours of the same name, or extend "
                   "akn/NAME to replace single blocks (docs/api.md).")
@click.option("--link-template", metavar="URL",
              help="HTML only: where references link to, e.g. 'https://undocs.org/{symbol}' (fields {iri}, "
                   "{symbol}, {actor}, {date}, {number}); default: the AKN IRI.")
@click.option("--max-xml-mb", type=click.IntRange(min=1), metavar="MB",
              help="Read AKN inputs up to this size (default 20, a bound on untrusted input; "
                   "raise it for large files akn wrote).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), metavar="N",
              help="Worker processes for several inputs (default: the cores; 1 converts in this process).")
@click.option("--skip-existing", is_flag=True, help="Leave outputs that exist alone (resume an interrupted batch).")
@click.option("-v", "--verbose", is_flag=True, help="Report warnings and the text dropped as page furniture or site text.")
@click.option("-q", "--quiet", is_flag=True, help="Print no warnings, progress bar or summary; only failures.")
@click.option("--debug", is_flag=True, help="Show tracebacks (for developers).")
def convert(inputs: tuple[str, ...], output: str | None, to: str | None, validate: bool, symbol: str | None,
            date: str | None, lang: str | None, css: str | None, fragment: bool, templates: str | None,
            link_template: str | None, max_xml_mb: int | None, jobs: int | None, skip_existing: bool,
            verbose: bool, quiet: bool, debug: bool) -> None:
    """Convert resolutions (INPUT files, folders, globs, or '-' for standard input) to AKN XML,
    HTML or editable text. Inputs are official PDFs (read from their tags, fonts and layout; scans
    need OCR first), extracted text (pdftotext, pypdf, pdfminer, markdown, web copies), saved web
    pages (HTML), AKN XML, or text in the canonical format (docs/text-format.md).

    One INPUT goes to standard output or the file -o names. Several inputs, a folder or a glob go
    to the folder -o names, with the input names mirrored and the extension of the format; a
    summary ends the run, and the exit code is 1 if any input failed.
    Nothing is written unless its conversion succeeds: an existing output is replaced only by a
    complete, valid document. Ctrl-C or SIGTERM ends the whole run, workers included (exit 130 or
    143), leaving only complete outputs.
    """
    from .batch import Options, stopping_on_signals

    many = len(inputs) > 1 or any(_names_many(i) for i in inputs) or bool(output and Path(output).is_dir())
    fmt = (to or "akn") if many else _single_output_format(output, to)
    _check_html_options(fmt, css, fragment, templates, link_template)
    options = Options(fmt, validate, symbol, date, lang, css, verbose,
                      max_xml_bytes=max_xml_mb * 1024 * 1024 if max_xml_mb else None,
                      fragment=fragment, templates=templates, link_template=link_template)
    try:
        with stopping_on_signals():
            if many:
                _convert_many(inputs, output, fmt, options, jobs, skip_existing, quiet)
            else:
                _convert_one(inputs[0], output, options, quiet, debug)
    except KeyboardInterrupt as e:  # Ctrl-C or SIGTERM: 128 + the signal's number, as a shell reports it
        if debug:
            raise
        _fail("interrupted" if getattr(e, "signum", signal.SIGINT) == signal.SIGINT else "terminated")
        sys.exit(128 + getattr(e, "signum", signal.SIGINT))


def _check_html_options(fmt: str, css: str | None, fragment: bool, templates: str | None,
                        link_template: str | None) -> None:
    """The HTML options apply to HTML output only, and a fragment has no <head> to link styles in."""
    given = [name for name, value in (("--css", css), ("--fragment", fragment), ("--templates", templates),
                                      ("--link-template", link_template)) if value]
    if given and fmt != "html":
        raise click.UsageError(f"{given[0]} applies only to HTML output (--to html or an .html output file)")
    if css and fragment:
        raise click.UsageError("--css links a stylesheet in the page's <head>, and a --fragment has none")
    if link_template:
        from .errors import ConversionError
        from .writers.html import check_link_template

        try:
            check_link_template(link_template)
        except ConversionError as e:
            raise click.UsageError(f"--link-template: {e.message}") from None


def _single_output_format(output: str | None, to: str | None) -> str:
    """The format of one output: its file's extension, which must name one and agree with ``--to``;
    ``--to`` (else akn) for standard output or a name without an extension."""
    from .api import FORMATS, format_for_path

    suffix = Path(output).suffix if output and output != "-" else ""
    if not suffix:
        return to or "akn"
    named = format_for_path(output)
    if named is None:
        known = "; ".join(f"{' '.join(exts)} {fmt}" for fmt, exts in FORMATS.items())
        raise click.UsageError(f"-o {output}: {suffix} names no output format ({known})")
    if to and to != named:
        raise click.UsageError(f"-o {output}: {suffix} is {named} output, but --to asks for {to}")
    return named


def _names_many(arg: str) -> bool:
    """Whether an INPUT argument stands for a set of files: a folder or a glob."""
    return arg != "-" and (Path(arg).is_dir() or (not Path(arg).exists() and any(c in arg for c in "*?[")))


def _convert_one(input: str, output: str | None, options, quiet: bool, debug: bool) -> None:
    from .batch import convert_bytes, error_line

    if output and output != "-" and input != "-" and Path(output).resolve() == Path(input).resolve():
        raise click.UsageError("the output file is the input file; refusing to overwrite the input")
    name = "<stdin>" if input == "-" else input
    try:
        data = sys.stdin.buffer.read() if input == "-" else Path(input).read_bytes()
        result, notes = convert_bytes(data, name, options, filename=None if input == "-" else input)
    except Exception as e:  # noqa: BLE001 - every failure is one line for the user
        if debug:
            raise
        _fail(error_line(e, name))
        sys.exit(EXIT_FAILURE)
    if not quiet:
        for note in notes:
            _fail(note)
    if output and output != "-":
        from .batch import write_atomically  # imported late: `akn --help` stays light

        try:
            write_atomically(Path(output), result)
        except OSError as e:
            _fail(f"{output}: cannot write ({e.strerror or e})")
            sys.exit(EXIT_FAILURE)
    else:
        try:
            click.echo(result, nl=False)
            sys.stdout.flush()
        except BrokenPipeError:  # "| head": the reader went away; not an error worth a traceback
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _convert_many(inputs: tuple[str, ...], output: str | None, fmt: str, options, jobs: int | None,
                  skip_existing: bool, quiet: bool) -> None:
    from .api import FORMATS
    from .batch import INPUT_SUFFIXES, Outcome, plan, run

    if "-" in inputs:
        raise click.UsageError("standard input ('-') converts alone, not with other inputs")
    if not output or output == "-":
        raise click.UsageError("several inputs (or a folder, or a glob) need an output folder: -o DIR")
    if Path(output).exists() and not Path(output).is_dir():
        raise click.UsageError(f"-o {output}: several inputs need an output folder, and this is a file")
    if not Path(output).exists() and Path(output).suffix:
        raise click.UsageError(f"-o {output}: several inputs need an output folder, and this names one file "
                               "(a folder name has no extension, or make the folder first)")
    if options.symbol:
        raise click.UsageError("--symbol names one document; give it with one input only")
    work = plan(inputs, Path(output), FORMATS[fmt][0], skip_existing)
    if not work.jobs and not work.settled:
        looked = ", ".join(sorted(INPUT_SUFFIXES))
        raise click.UsageError(f"no files to convert in {', '.join(inputs)} (looked for {looked})")
    outcomes: list[Outcome] = list(work.settled)
    workers = jobs or _cores()
    show_bar = not quiet and sys.stderr.isatty() and len(work.jobs) > 1
    bar = click.progressbar(length=len(work.jobs), label="Converting", file=sys.stderr) if show_bar else None

    def done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        if bar is not None:
            bar.update(1)

    try:
        if bar is not None:
            with bar:
                run(work.jobs, options, workers, done)
        else:
            run(work.jobs, options, workers, done)
    finally:
        _summarise(outcomes, quiet)
    if any(o.status == "failed" for o in outcomes):
        sys.exit(EXIT_FAILURE)


def _summarise(outcomes, quiet: bool) -> None:
    """Notes and failures by input name (the same order whatever the workers did), then the counts."""
    for o in sorted(outcomes, key=lambda o: o.source):
        if not quiet:
            for note in o.notes:
                _fail(note)
        if o.status == "failed":
            _fail(o.message)
    if not quiet:
        count = {s: sum(o.status == s for o in outcomes) for s in ("converted", "failed", "skipped")}
        warnings = sum(": warning: " in n for o in outcomes for n in o.notes)
        _fail(f"{count['converted']} converted, {count['failed']} failed, {count['skipped']} skipped, "
              f"{warnings} warnings")


@main.command("validate", epilog="""\b
Rules by level (the id each problem names):
  xsd     IO, XML, XSD: the file reads as safe XML and follows the OASIS AKN 3.0
          schema (eIds unique in the whole document included).
  akn4un  what the AKN4UN guidelines require; the message cites the section:
          doc-type, work-uri, work-actor, work-subtype, work-number, annex-work-uri,
          expression-uri, manifestation-uri, language-code, author-target,
          adoption-date, para-unnumbered, ref-href, pointer-target.
  house   akn's own conventions where AKN4UN is silent, only suggests, or
          contradicts itself; what akn convert writes and checks:
          doc-name, work-actor-known, frbr-this, number-title, formula,
          preamble-name, conclusions-meeting, conclusions-date (always a warning),
          eid-preamble, eid-attachment, eid-para, eid-section, eid-list, eid-point,
          eid-table, eid-note, para-sequence, note-marker-unique, note-marker-order,
          note-placement, note-sup, ref-iri, xml-lang.
Other tools (LIME, Indigo, hand edits) write valid AKN in other eId styles and
container names, so house problems are warnings unless --profile house.

\b
Exit codes: 0 every document valid (warnings allowed; none with --strict),
1 a document invalid, 2 a usage error or an input that cannot be read as
XML (missing, not well-formed, an external or markup entity, over the size or
depth limit). Unreadable inputs are reported like any problem, with file and line.
""")
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=str))
@click.option("--profile", type=click.Choice(["xsd", "akn4un", "house"]), default="akn4un", show_default=True,
              help="How far errors go: xsd (the schema only; AKN4UN and house rules warn), akn4un (the schema "
                   "and the AKN4UN guidelines; house rules warn), house (everything an error: what akn's own "
                   "output must pass).")
@click.option("--strict", is_flag=True, help="Warnings fail too (exit 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit"]), default="text",
              show_default=True, help="Report format: text for people, json, github (annotations), junit.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Validate in this many processes.")
@click.option("--max-xml-mb", type=click.IntRange(min=1), metavar="MB",
              help="Read inputs up to this size (default 20, a bound on untrusted input).")
@click.option("--xsd-only", is_flag=True, hidden=True, help="Check the OASIS schema only (no AKN4UN or house rules).")
def validate_cmd(paths: tuple[str, ...], profile: str, strict: bool, fmt: str, jobs: int, max_xml_mb: int | None,
                 xsd_only: bool) -> None:
    """Check AKN files against the OASIS AKN 3.0 schema, the AKN4UN guidelines and akn's house
    conventions: three levels, each rule in exactly one.

    PATHS are files, folders (searched recursively for *.xml) or '-' for standard input. Every
    problem is reported with file, line, XPath and rule id; XSD and AKN4UN problems are errors,
    house conventions warnings (see --profile, --strict). Files are read with the AKN reader's
    safe parser: internal entities that stand for plain text are expanded; DTDs are not loaded,
    external entities and the network are never touched, and size (--max-xml-mb) and depth are
    bounded.

    \b
    Examples:
      akn validate out/
      akn validate --profile house --format github --jobs 2 out/
      cat res.xml | akn validate -
    """
    from functools import partial

    from .reports import render_reports, summary
    from .validation import validate_file

    if "-" in paths and len(paths) > 1:
        raise click.UsageError("standard input ('-') validates alone, not with other inputs")
    files = expand_paths(paths)
    if not files:
        raise click.UsageError("no *.xml files found in " + ", ".join(str(p) for p in paths))
    check = partial(validate_file, profile=profile, strict=strict, xsd_only=xsd_only,
                    max_xml_bytes=max_xml_mb * 1024 * 1024 if max_xml_mb else None)
    if jobs > 1 and len(files) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(jobs, len(files))) as pool:
            reports = list(pool.map(check, files, chunksize=max(1, len(files) // (4 * jobs))))
    else:
        reports = [check(f) for f in files]
    click.echo(render_reports(reports, fmt), nl=False)
    click.echo(summary(reports), err=True)
    if any(r.unreadable for r in reports):
        sys.exit(EXIT_USAGE)
    sys.exit(EXIT_FAILURE if any(not r.valid for r in reports) else 0)


def expand_paths(paths: tuple[str, ...]) -> list[str]:
    """Files as given (a missing one too: it is reported as unreadable), folders as their *.xml
    files (recursively, sorted), '-' as is; each file once, in order."""
    files: dict[str, None] = {}  # ordered and without repeats
    for arg in paths:
        path = Path(arg)
        found = sorted(p for p in path.rglob("*.xml") if p.is_file()) if arg != "-" and path.is_dir() else [arg]
        files.update(dict.fromkeys(str(f) for f in found))
    return list(files)


if __name__ == "__main__":  # pragma: no cover - ``python -m akn.cli`` runs as the executable does
    from .executable import main as executable

    executable()
