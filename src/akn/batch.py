"""Converting many files: finding the inputs, naming the outputs, worker processes, outcomes.

A batch never stops at a bad file: every input ends as one :class:`Outcome` (converted, skipped
or failed with a one-line reason). Outputs are written atomically by whoever converts them, so an
interrupted run leaves only complete files and ``--skip-existing`` can resume it. Only the
standard library is imported here; the reader, writers and schema load when a file is converted.
"""
from __future__ import annotations

import glob
import os
import signal
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

#: the inputs a folder or a glob contributes to a batch (api.read_any decides how to read each)
INPUT_SUFFIXES = frozenset({".pdf", ".txt", ".md", ".markdown", ".json", ".xml", ".akn"})

_MAGIC = frozenset("*?[")


@dataclass(frozen=True)
class Options:
    """How every file of a batch is converted: the ``convert`` command's options."""

    fmt: str = "akn"
    validate: bool = True
    symbol: str | None = None
    date: str | None = None
    lang: str | None = None
    css: str | None = None
    verbose: bool = False  # also report the text left out as page furniture or site text


@dataclass(frozen=True)
class Job:
    """One input and the output it is written to."""

    source: Path
    target: Path


@dataclass(frozen=True)
class Outcome:
    """What became of one input: ``status`` is "converted", "skipped" or "failed"."""

    source: str
    status: str
    message: str = ""  # the one-line reason of a failure
    notes: tuple[str, ...] = ()  # warnings (and, when verbose, dropped text), one line each


@dataclass
class Plan:
    """The jobs to run, and the outcomes already known without converting anything."""

    jobs: list[Job] = field(default_factory=list)
    settled: list[Outcome] = field(default_factory=list)


# ------------------------------------------------------------------------------ one file


def write_atomically(path: Path, data: str) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file."""
    path = path.resolve()
    mode = path.stat().st_mode & 0o7777 if path.exists() else _mode_for_new_files()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(data)
        os.chmod(tmp, mode)  # mkstemp makes 0600; the output gets what a plain write would give
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for_new_files() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def convert_bytes(data: bytes, name: str, options: Options, filename: str | None = None) -> tuple[str, list[str]]:
    """One input converted: the output and the notes for the user (each prefixed with ``name``)."""
    from .api import read_any, render

    result = read_any(data, filename=filename, symbol=options.symbol, date=options.date, lang=options.lang)
    notes = [f"{name}: warning: {w}" for w in result.warnings]
    if options.verbose:
        notes += [f"{name}: dropped {d}" for d in result.dropped]
    return render(result.resolution, options.fmt, validate=options.validate, css=options.css), notes


def error_line(exc: BaseException, source: str) -> str:
    """Any failure as one line naming the file (and the line when known); never a traceback."""
    from .errors import AknError

    if isinstance(exc, AknError):
        if exc.source is None:
            exc.source = source
        return str(exc)
    if isinstance(exc, RecursionError):
        return f"{source}: the input nests too deeply to convert"
    if isinstance(exc, MemoryError):
        return f"{source}: not enough memory to convert this input"
    if isinstance(exc, UnicodeError):
        return f"{source}: cannot decode the input ({exc})"
    if isinstance(exc, OSError):
        return f"{source}: {exc.strerror or exc}"
    return f"{source}: internal error ({type(exc).__name__}: {exc}); run with --debug and report it"


def convert_job(job: Job, options: Options) -> Outcome:
    """Convert one file and write its output; every failure becomes a failed outcome."""
    try:
        output, notes = convert_bytes(job.source.read_bytes(), str(job.source), options, str(job.source))
        job.target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(job.target, output)
    except Exception as e:  # noqa: BLE001 - one bad file never stops the batch (RecursionError, MemoryError too)
        return Outcome(str(job.source), "failed", error_line(e, str(job.source)))
    return Outcome(str(job.source), "converted", notes=tuple(notes))


# ------------------------------------------------------------------------------ planning


def find_inputs(args: Iterable[str]) -> tuple[list[tuple[Path, Path]], list[Outcome]]:
    """Each input file with the folder its output name is mirrored from, and the arguments that
    name nothing. Folders are walked recursively (hidden files skipped), globs expanded."""
    found: list[tuple[Path, Path]] = []
    missing: list[Outcome] = []
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _wanted(p, path))
            found += [(p, path) for p in files]
        elif path.is_file():
            found.append((path, path.parent))
        elif _MAGIC & set(arg):
            base = _glob_base(arg)
            files = sorted(Path(p) for p in glob.glob(arg, recursive=True) if Path(p).is_file())
            found += [(p, base) for p in files]
            if not files:
                missing.append(Outcome(arg, "failed", f"{arg}: no file matches"))
        else:
            missing.append(Outcome(arg, "failed", f"{arg}: no such file or folder"))
    return found, missing


def _wanted(path: Path, root: Path) -> bool:
    rel = path.relative_to(root).parts
    return path.suffix.lower() in INPUT_SUFFIXES and not any(p.startswith(".") for p in rel) and path.is_file()


def _glob_base(pattern: str) -> Path:
    """The folder a glob's matches are mirrored from: its parts before the first wildcard."""
    parts = Path(pattern).parts
    first_wild = next(i for i, part in enumerate(parts) if _MAGIC & set(part))
    return Path(*parts[:first_wild]) if first_wild else Path(".")


def plan(args: Iterable[str], out_dir: Path, suffix: str, skip_existing: bool = False) -> Plan:
    """Jobs for a batch: mirrored output names under ``out_dir`` with ``suffix``.

    Refused up front, as failed outcomes: an output that would overwrite an input of the batch, and
    a second input whose output name is already taken. Skipped: outputs that exist, when resuming.
    """
    found, missing = find_inputs(args)
    out = out_dir.resolve()
    # an output folder inside an input folder: its files are earlier outputs, not inputs
    found = [(p, base) for p, base in found
             if not (out != base.resolve() and out.is_relative_to(base.resolve()) and p.resolve().is_relative_to(out))]
    result = Plan(settled=missing)
    inputs = {p.resolve() for p, _ in found}
    taken: dict[Path, Path] = {}  # output -> the input it comes from
    seen: set[Path] = set()
    for source, base in found:
        if source.resolve() in seen:
            continue  # named twice (a file and its folder): converted once
        seen.add(source.resolve())
        target = out_dir / source.relative_to(base).with_suffix(suffix)
        resolved = target.resolve()
        if resolved in inputs:
            result.settled.append(Outcome(str(source), "failed",
                                          f"{source}: its output {target} is an input; refusing to overwrite it"))
        elif resolved in taken:
            result.settled.append(Outcome(str(source), "failed",
                                          f"{source}: its output {target} is already the output of {taken[resolved]}"))
        elif skip_existing and target.exists():
            taken[resolved] = source.resolve()
            result.settled.append(Outcome(str(source), "skipped"))
        else:
            taken[resolved] = source.resolve()
            result.jobs.append(Job(source, target))
    return result


# ------------------------------------------------------------------------------ running


def run(jobs: list[Job], options: Options, workers: int, on_done: Callable[[Outcome], None]) -> None:
    """Convert every job, calling ``on_done`` as each finishes; ``workers`` 1 converts in-process.

    Worker processes ignore Ctrl-C: on an interrupt the parent cancels what has not started and
    lets the running conversions finish their (atomic) writes, so no temporary file is left.
    """
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            on_done(convert_job(job, options))
        return
    _run_in_pool(jobs, options, workers, on_done)


def _run_in_pool(jobs: list[Job], options: Options, workers: int, on_done: Callable[[Outcome], None]) -> None:
    """Jobs over a process pool. A worker that dies (a crash, the OOM killer) breaks the pool; the
    unfinished jobs are then run one at a time so the one that kills its worker is named."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    if multiprocessing.get_start_method() == "fork":
        _warm_up(options)  # forked workers inherit the loaded modules and the compiled schema
    pending, one_at_a_time = list(jobs), False
    while pending:
        batch = pending[:1] if one_at_a_time else pending
        pool = ProcessPoolExecutor(1 if one_at_a_time else workers, initializer=_ignore_interrupts)
        unfinished: list[Job] = []
        try:
            futures = {pool.submit(convert_job, job, options): job for job in batch}
            for future in as_completed(futures):
                try:
                    on_done(future.result())
                except BrokenProcessPool:
                    unfinished.append(futures[future])
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        pool.shutdown(wait=True)
        if one_at_a_time:
            if unfinished:
                job = unfinished[0]
                on_done(Outcome(str(job.source), "failed", f"{job.source}: the worker process died converting it"))
            pending = pending[1:]
        else:
            order = {job: i for i, job in enumerate(jobs)}
            pending, one_at_a_time = sorted(unfinished, key=order.__getitem__), True


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up(options: Options) -> None:
    """Load what every conversion needs once, before the workers fork."""
    from . import api  # noqa: F401
    from .readers import text  # noqa: F401

    if options.fmt == "akn":
        from .writers import akn  # noqa: F401
    elif options.fmt == "html":
        from .writers import html  # noqa: F401
    if options.fmt == "akn" and options.validate:
        from .validate import akn_schema

        akn_schema()
