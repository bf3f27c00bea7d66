"""Batch conversion: planning outputs, one bad file never stopping the rest, workers, resuming."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import akn
from akn import batch
from akn.batch import Job, Options, Outcome, plan
from akn.cli import main

from .conftest import CORPUS

GOOD = ["A_RES_80_7.pdftext.txt", "A_RES_80_1.md", "S-RES-502-1982.web.txt"]


@pytest.fixture
def texts(tmp_path) -> Path:
    """A folder of three resolutions (one in a subfolder) and one file that is not a resolution."""
    src = tmp_path / "texts"
    (src / "sc").mkdir(parents=True)
    shutil.copy(CORPUS / GOOD[0], src)
    shutil.copy(CORPUS / GOOD[1], src)
    shutil.copy(CORPUS / GOOD[2], src / "sc")
    (src / "notes.txt").write_text("Shopping list\nMilk\n", encoding="utf-8")
    (src / ".hidden.md").write_text("ignored", encoding="utf-8")
    (src / "picture.png").write_bytes(b"\x89PNG")
    return src


def convert(*args: str):
    return CliRunner().invoke(main, ["convert", *args])


# --------------------------------------------------------------------------------- planning


def test_plan_mirrors_names_under_the_output_folder(texts, tmp_path):
    work = plan([str(texts)], tmp_path / "out", ".xml")
    targets = sorted(str(j.target.relative_to(tmp_path / "out")) for j in work.jobs)
    assert targets == ["A_RES_80_1.xml", "A_RES_80_7.pdftext.xml", "notes.xml", "sc/S-RES-502-1982.web.xml"]
    assert work.settled == []


def test_plan_refuses_outputs_that_are_inputs(tmp_path):
    (tmp_path / "a.xml").write_text("<akomaNtoso/>", encoding="utf-8")
    (tmp_path / "b.md").write_text("text", encoding="utf-8")
    (tmp_path / "b.xml").write_text("<akomaNtoso/>", encoding="utf-8")
    work = plan([str(tmp_path)], tmp_path, ".xml")
    assert work.jobs == []
    assert {o.source: o.status for o in work.settled} == {str(tmp_path / n): "failed" for n in ("a.xml", "b.md", "b.xml")}
    assert all("refusing to overwrite" in o.message for o in work.settled)


def test_plan_leaves_out_an_output_folder_inside_the_input_folder(texts):
    out = texts / "akn"
    (out / "sc").mkdir(parents=True)
    (out / "A_RES_80_1.xml").write_text("<akomaNtoso/>", encoding="utf-8")
    (out / "sc" / "S-RES-502-1982.web.xml").write_text("<akomaNtoso/>", encoding="utf-8")
    work = plan([str(texts)], out, ".xml")
    assert sorted(j.source.name for j in work.jobs) == sorted([*GOOD, "notes.txt"]) and work.settled == []


def test_plan_refuses_a_second_input_for_the_same_output(tmp_path):
    for name in ("r.md", "r.txt"):
        (tmp_path / "in" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "in" / name).write_text("text", encoding="utf-8")
    work = plan([str(tmp_path / "in")], tmp_path / "out", ".xml")
    assert [j.source.name for j in work.jobs] == ["r.md"]
    assert "already the output of" in work.settled[0].message


def test_plan_globs_missing_inputs_and_repeats(texts, tmp_path):
    work = plan([f"{texts}/**/*.txt", str(texts / GOOD[0]), str(tmp_path / "nowhere.md"), f"{texts}/*.doc"],
                tmp_path / "out", ".html")
    assert sorted(str(j.target.relative_to(tmp_path / "out")) for j in work.jobs) == [
        "A_RES_80_7.pdftext.html", "notes.html", "sc/S-RES-502-1982.web.html"]
    assert sorted(o.message.split(": ")[-1] for o in work.settled) == ["no file matches", "no such file or folder"]


def test_plan_skips_existing_outputs_when_resuming(texts, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "A_RES_80_1.xml").write_text("done before", encoding="utf-8")
    work = plan([str(texts)], out, ".xml", skip_existing=True)
    assert [o.status for o in work.settled] == ["skipped"]
    assert len(work.jobs) == 3


# --------------------------------------------------------------------------------- running


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_bad_file_never_stops_the_batch(texts, tmp_path, jobs):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.xml").write_text("an earlier, complete output", encoding="utf-8")
    result = convert(str(texts), "-o", str(out), "--jobs", jobs)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert f"akn: {texts / 'notes.txt'}:1: no enacting formula" in result.stderr
    assert lines[-1].startswith("akn: 3 converted, 1 failed, 0 skipped, ")
    assert "Traceback" not in result.stderr
    for name, target in zip(GOOD, ["A_RES_80_7.pdftext.xml", "A_RES_80_1.xml", "sc/S-RES-502-1982.web.xml"]):
        source = CORPUS / name
        assert (out / target).read_text(encoding="utf-8") == akn.convert(source.read_bytes(), filename=name)
    assert (out / "notes.xml").read_text(encoding="utf-8") == "an earlier, complete output"
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_a_pool_takes_the_largest_inputs_first(tmp_path):
    sizes = {"a.txt": 10, "b.txt": 300, "c.txt": 20, "d.txt": 300}
    for name, size in sizes.items():
        (tmp_path / name).write_bytes(b"x" * size)
    jobs = [Job(tmp_path / name, tmp_path / f"{name}.xml") for name in [*sizes, "gone.txt"]]
    assert [job.source.name for job in batch.largest_first(jobs)] == ["b.txt", "d.txt", "c.txt", "a.txt", "gone.txt"]


def test_workers_write_the_same_bytes_as_one_process(texts, tmp_path):
    convert(str(texts), "-o", str(tmp_path / "one"), "--jobs", "1", "-q")
    convert(str(texts), "-o", str(tmp_path / "two"), "--jobs", "2", "-q", "--to", "akn")
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*.xml")}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*.xml")}
    assert one == two and len(one) == 3


def test_skip_existing_resumes_without_touching_done_outputs(texts, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "A_RES_80_1.xml").write_text("done before", encoding="utf-8")
    (texts / "notes.txt").unlink()
    result = convert(str(texts), "-o", str(out), "--skip-existing", "--jobs", "1")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[-1].startswith("akn: 2 converted, 0 failed, 1 skipped")
    assert (out / "A_RES_80_1.xml").read_text(encoding="utf-8") == "done before"


def test_html_batch_and_quiet_summary(texts, tmp_path):
    (texts / "notes.txt").unlink()
    result = convert(str(texts), "-o", str(tmp_path / "out"), "--to", "html", "-q")
    assert result.exit_code == 0 and result.stderr == ""
    assert len(list((tmp_path / "out").rglob("*.html"))) == 3


@pytest.mark.parametrize("args, words", [
    (["-", "-o", "OUT"], "standard input"),
    ([], "need an output folder"),
    (["--symbol", "A/RES/1/1", "-o", "OUT"], "one input only"),
])
def test_batch_usage_errors(texts, tmp_path, args, words):
    result = convert(str(texts), *[str(tmp_path / "out") if a == "OUT" else a for a in args])
    assert result.exit_code == 2 and words in result.stderr


def test_a_worker_that_dies_is_named_and_the_rest_convert(texts, tmp_path, monkeypatch):
    """A crash that kills a worker process (not an exception) fails only the file that caused it."""
    real = batch.convert_bytes

    def crash_on_sc(data, name, options, filename=None):
        if "S-RES-502" in name:
            os._exit(3)
        return real(data, name, options, filename)

    monkeypatch.setattr(batch, "convert_bytes", crash_on_sc)  # forked workers inherit the patch
    (texts / "notes.txt").unlink()
    jobs = plan([str(texts)], tmp_path / "out", ".xml").jobs
    outcomes: list[Outcome] = []
    batch.run(jobs, Options(), 2, outcomes.append)
    status = {Path(o.source).name: (o.status, o.message) for o in outcomes}
    assert status["S-RES-502-1982.web.txt"] == ("failed", f"{texts / 'sc' / 'S-RES-502-1982.web.txt'}: "
                                                          "the worker process died converting it")
    assert [status[n][0] for n in GOOD[:2]] == ["converted", "converted"]


@pytest.mark.parametrize("stop, code, inherited", [
    (signal.SIGINT, 130, signal.SIG_DFL),
    (signal.SIGINT, 130, signal.SIG_IGN),  # a job a script starts in the background inherits SIGINT ignored
    (signal.SIGTERM, 143, signal.SIG_DFL),  # what kill and CI runners send, to the main process alone
])
def test_a_stop_signal_ends_the_whole_run_leaving_only_complete_outputs(tmp_path, stop, code, inherited):
    src = tmp_path / "in"
    src.mkdir()
    text = (CORPUS / "A_RES_80_5.pdftext.txt").read_bytes()
    for k in range(60):
        (src / f"r{k:03}.txt").write_bytes(text)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "akn.cli", "convert", str(src), "-o", str(out), "--jobs", "2"],
                            stderr=subprocess.PIPE, text=True, start_new_session=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, inherited))
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not (out.exists() and any(out.iterdir())):
            time.sleep(0.02)
        proc.send_signal(stop)  # to the main process only, not its workers
        _, err = proc.communicate(timeout=30)  # the run ends (it used to hang, or run to the end)
        assert proc.returncode == code, err
        assert "Traceback" not in err and err.endswith(("akn: interrupted\n", "akn: terminated\n"))
        assert not _processes_left(proc.pid), "a worker outlived the run"
    finally:
        if _processes_left(proc.pid):
            os.killpg(proc.pid, signal.SIGKILL)
    assert not [p for p in out.iterdir() if p.suffix == ".tmp" or p.name.startswith(".")]
    for done in out.iterdir():  # whatever was written is complete
        assert done.read_text(encoding="utf-8").rstrip().endswith("</akomaNtoso>")


def _processes_left(group: int, wait: float = 5.0) -> bool:
    """Whether a process of the group is still there after ``wait`` seconds."""
    deadline = time.monotonic() + wait
    while True:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return False
        if time.monotonic() > deadline:
            return True
        time.sleep(0.05)


def test_a_stop_signal_between_in_process_conversions_ends_the_run(texts, tmp_path, monkeypatch):
    """A signal whose exception was lost (raised inside a finaliser, say) still stops the run at the
    next file: the signal is remembered, not only raised."""
    jobs = plan([str(texts)], tmp_path / "out", ".xml").jobs
    outcomes: list[Outcome] = []

    def signalled_once_done(outcome: Outcome) -> None:
        outcomes.append(outcome)
        try:
            os.kill(os.getpid(), signal.SIGTERM)
        except batch.Interrupted:
            pass  # swallowed, as a finaliser would

    with batch.stopping_on_signals(), pytest.raises(batch.Interrupted) as stopped:
        batch.run(jobs, Options(), 1, signalled_once_done)
    assert stopped.value.signum == signal.SIGTERM and len(outcomes) == 1


def test_convert_job_turns_every_failure_into_an_outcome(tmp_path):
    outcome = batch.convert_job(Job(tmp_path / "missing.txt", tmp_path / "x.xml"), Options())
    assert outcome.status == "failed" and outcome.message.startswith(f"{tmp_path / 'missing.txt'}: ")


def test_outputs_get_the_mode_a_plain_write_gives_and_keep_an_existing_one(tmp_path):
    new = tmp_path / "new.xml"
    batch.write_atomically(new, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert new.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.xml"
    kept.write_text("old")
    kept.chmod(0o640)
    batch.write_atomically(kept, "new")
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() == "new"
