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
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .notices import Notice

#: the inputs a folder or a glob contributes to a batch (api.read_any decides how to read each)
INPUT_SUFFIXES = frozenset({".pdf", ".txt", ".md", ".markdown", ".json", ".xml", ".akn"})

_MAGIC = frozenset("*?[")

#: the signals that end a run: Ctrl-C, and what ``kill`` and CI runners send
STOP_SIGNALS = frozenset({signal.SIGINT, signal.SIGTERM})


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
    max_xml_bytes: int | None = None  # the bound on AKN input, when raised (None: the reader's own)
    fragment: bool = False  # HTML: the document's markup alone, no page around it
    templates: str | None = None  # HTML: a folder of templates that override ours
    link_template: str | None = None  # HTML: where references link to, e.g. https://undocs.org/{symbol}


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
    """Write ``data`` to ``path`` through a temporary file and a rename: never half a file.

    SIGINT and SIGTERM wait while the temporary file exists, so a signal (which kills a batch
    worker outright) lands before the file is made or after it is renamed into place."""
    path = path.resolve()
    mode = path.stat().st_mode & 0o7777 if path.exists() else _mode_for_new_files()
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(path.parent))
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(data)
            os.chmod(tmp, mode)  # mkstemp makes 0600; the output gets what a plain write would give
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _mode_for_new_files() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def convert_bytes(data: bytes, name: str, options: Options, filename: str | None = None) -> tuple[str, list[str]]:
    """One input converted: the output and the notes for the user (each prefixed with ``name``)."""
    from .api import read_any, render

    result = read_any(data, filename=filename, symbol=options.symbol, date=options.date, lang=options.lang,
                      max_xml_bytes=options.max_xml_bytes)
    notes = [f"{name}: warning: {w}" for w in result.warnings]
    if options.verbose:
        notes += [f"{name}: dropped {d}" for d in result.dropped]
    checked: list[Notice] = []
    output = render(result.resolution, options.fmt, validate=options.validate, css=options.css,
                    fragment=options.fragment, templates=options.templates, link=options.link_template, notes=checked)
    return output, notes + [f"{name}: warning: {w}" for w in checked]


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


class Interrupted(KeyboardInterrupt):
    """A stop signal arrived (SIGINT or SIGTERM): the run ends, exiting 128 + ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


_stop_signal: list[int] = []  # the first stop signal of this run, once one has arrived


@contextmanager
def stopping_on_signals() -> Iterator[None]:
    """Within it SIGINT and SIGTERM raise :class:`Interrupted` in the main thread (the first one;
    later ones while stopping are only counted) and are remembered, so a loop that polls
    :func:`check_stop` stops even where the exception was swallowed (raised inside a finaliser).

    Installed even where the signal came in ignored (a job started in the background of a script
    inherits SIGINT ignored, and Python then never raises KeyboardInterrupt): a signal sent to a
    run is meant to end it."""
    main_pid = os.getpid()

    def on_signal(signum: int, frame) -> None:
        if os.getpid() != main_pid:  # a worker forked before its initializer ran: it obeys as workers do
            if signum != signal.SIGINT:
                os._exit(128 + signum)
            return
        if not _stop_signal:
            _stop_signal.append(signum)
            raise Interrupted(signum)

    _stop_signal.clear()
    previous = {s: signal.signal(s, on_signal) for s in STOP_SIGNALS}
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def check_stop() -> None:
    """Raise :class:`Interrupted` if a stop signal has arrived."""
    if _stop_signal:
        raise Interrupted(_stop_signal[0])


def run(jobs: list[Job], options: Options, workers: int, on_done: Callable[[Outcome], None]) -> None:
    """Convert every job, calling ``on_done`` as each finishes; ``workers`` 1 converts in-process.

    Under :func:`stopping_on_signals` a stop signal ends the run within a second or two: the
    workers are killed (each output is written whole or not at all, see :func:`write_atomically`)
    and :class:`Interrupted` propagates.
    """
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            check_stop()
            on_done(convert_job(job, options))
        return
    _run_in_pool(jobs, options, workers, on_done)


def _run_in_pool(jobs: list[Job], options: Options, workers: int, on_done: Callable[[Outcome], None]) -> None:
    """Jobs over a process pool. A worker that dies (a crash, the OOM killer) breaks the pool; the
    unfinished jobs are then run one at a time so the one that kills its worker is named."""
    import multiprocessing
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    if multiprocessing.get_start_method() == "fork":
        _warm_up(options)  # forked workers inherit the loaded modules and the compiled schema
    pending, one_at_a_time = list(jobs), False
    while pending:
        batch = pending[:1] if one_at_a_time else largest_first(pending)
        pool = ProcessPoolExecutor(1 if one_at_a_time else workers, initializer=_worker_signals)
        unfinished: list[Job] = []
        futures = {}
        try:
            futures = {pool.submit(convert_job, job, options): job for job in batch}
            waiting = set(futures)
            while waiting:
                check_stop()
                done, waiting = wait(waiting, timeout=0.1, return_when=FIRST_COMPLETED)
                for future in done:
                    try:
                        on_done(future.result())
                    except BrokenProcessPool:
                        unfinished.append(futures[future])
            check_stop()
        except BaseException:
            _kill_workers(pool, [job for future, job in futures.items() if not future.done()])
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


def largest_first(jobs: list[Job]) -> list[Job]:
    """The jobs in the order a pool takes them: the largest inputs first (then by name), so that
    no worker is left converting a long document while the others stand idle at the end."""
    def size(job: Job) -> int:
        try:
            return job.source.stat().st_size
        except OSError:
            return 0  # converting it will say what is wrong

    return sorted(jobs, key=lambda job: -size(job))


def _worker_signals() -> None:
    """In a worker: Ctrl-C is the parent's to act on; SIGTERM (the parent's, or anyone's) kills."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _kill_workers(pool, running: list[Job], grace: float = 1.0) -> None:
    """End a pool now: nothing more starts, each worker gets SIGTERM (it dies at once, or once the
    output it is renaming into place is whole), and SIGKILL after ``grace`` seconds; the temporary
    file of a worker killed so is removed."""
    import time

    processes = list((pool._processes or {}).values())  # no public handle on a pool's workers before 3.14
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        process.join(max(0.0, deadline - time.monotonic()))
    stubborn = [p for p in processes if p.is_alive()]
    for process in stubborn:
        process.kill()
        process.join(1.0)
    if stubborn:
        for job in running:
            for tmp in job.target.parent.glob(f".{job.target.name}.*.tmp"):
                tmp.unlink(missing_ok=True)


def _warm_up(options: Options) -> None:
    """Load what every conversion needs once, before the workers fork."""
    from . import api  # noqa: F401
    from .readers import text  # noqa: F401

    if options.fmt == "akn":
        from .writers import akn  # noqa: F401
    elif options.fmt == "html":
        from .writers import html  # noqa: F401
    if options.fmt == "akn" and options.validate:
        from .validation import akn_schema

        akn_schema()
