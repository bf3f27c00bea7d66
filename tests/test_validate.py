"""Validation: the three levels (XSD, AKN4UN, house), reports and `akn validate`."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

import akn
from akn.cli import main
from akn.validation import LEVELS, NS, RULES, FileReport, Problem, validate_bytes, validate_file

from .conftest import CORPUS, corpus_truth

BROKEN = Path(__file__).parent / "data" / "broken"
EXPECTED = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))
ROOT = Path(__file__).resolve().parents[1]
PROFILE_EXAMPLE = Path(__file__).parent / "data" / "profile-example.xml"

#: corpus outputs in which the profile rules find real defects (reported to the lead): these
#: reflowed copies lose paragraph numbers ("Expresses its profound gratitude…" printed without
#: its "2.") or glue paragraphs together ("…persons.8 6. We recall…"), and the reader keeps them.
#: Remove an entry when the reader repairs them (the test says so).
KNOWN_DEFECTS = {
    "A_RES_80_3.md": {"para-sequence", "para-unnumbered"},
    "A_RES_80_5.md": {"para-sequence", "para-unnumbered"},
    "A_RES_80_9.md": {"para-sequence"},
}
#: closing lines that print the meeting but no date: a warning, the document stays valid
NO_CLOSING_DATE = {"A_RES_80_1.md", "S-RES-502-1982.web.txt"}


RULE_SOURCE = ROOT / "src" / "akn" / "validation" / "rules.py"


def emitted_rule_ids() -> set[str]:
    """The rule ids the checks can report, read from their source."""
    return set(re.findall(r'yield \("([a-z0-9-]+)"', RULE_SOURCE.read_text(encoding="utf-8"))) | set(
        re.findall(r'self\._check\("([a-z0-9-]+)"', RULE_SOURCE.read_text(encoding="utf-8")))


def below(level: str) -> str | None:
    return LEVELS[LEVELS.index(level) - 1] if level != "xsd" else None


# ------------------------------------------------------------------------ broken documents


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_broken_document_fails_at_its_rules_level(name):
    want = EXPECTED[name]
    level = RULES[want["rule"]].level
    report = validate_file(BROKEN / name, profile=level)
    found = {(p.rule, p.line) for p in report.problems}
    assert (want["rule"], want["line"]) in found, found
    mine = [p for p in report.problems if p.rule == want["rule"]]
    assert all(p.level == level for p in mine)
    if RULES[want["rule"]].advisory:
        assert report.ok and all(p.severity == "warning" for p in mine)
        return
    assert not report.ok and all(p.severity == "error" for p in mine)
    if below(level):  # one level less strict: the same problem, as a warning
        lenient = validate_file(BROKEN / name, profile=below(level))
        assert {p.severity for p in lenient.problems if p.rule == want["rule"]} == {"warning"}


def test_every_rule_is_in_exactly_one_level_and_has_a_broken_document():
    levels = {r.id: r.level for r in RULES.values()}
    assert set(levels.values()) == set(LEVELS)
    assert emitted_rule_ids() == {r for r, lvl in levels.items() if lvl != "xsd"}
    assert {r for r in levels if r != "IO"} <= {want["rule"] for want in EXPECTED.values()}


def test_the_base_of_the_broken_documents_is_clean():
    assert validate_file(BROKEN / "valid.xml", profile="house").problems == ()


def _with(mutate) -> bytes:
    root = etree.fromstring((BROKEN / "valid.xml").read_bytes())
    mutate(root)
    return etree.tostring(root)


def _first_body_ref(root):
    return root.xpath("(//a:mainBody//a:ref)[1]", namespaces={"a": NS})[0]


@pytest.mark.parametrize("href, whole", [
    ("/akn/un/statement/deliberation/un-ga/75-196", True),  # a citation printed without its date (D15)
    ("/akn/un/doc/document/un-ga/A-76-463", True),  # a cited document symbol: no date part
    ("/akn/un/statement/deliberation/un-sc/2014/2146", True),  # the year printed with the number
    ("/akn/un/statement/deliberation/un-ga/2021-12-17/76-217", True),
    ("/akn/un/statement/deliberation/un-ga/0000/75-196", True),  # what akn wrote before: still reads
    ("/akn/un/statement/deliberation/un-ga/2021-12-17", False),  # a date, its number missing
    ("/akn/un/statement/deliberation/un-ga//76-217", False),
    ("/akn/un/A-RES-79-1", False),
])
def test_a_cited_iri_needs_a_date_part_only_when_the_citation_prints_one(href, whole):
    report = akn.validate(_with(lambda root: _first_body_ref(root).set("href", href)), profile="house")
    assert [p.code for p in report.problems] == ([] if whole else ["ref-iri"])


def test_superscript_digit_markers_are_checked_not_counted():
    """'¹'.isdigit() is true but int('¹') fails: a marker printed in superscript digits is a marker
    like any other (unique), never a number the order rule counts from, and never a crash."""
    def superscripts(root):
        notes = list(root.iter(f"{{{NS}}}authorialNote"))
        notes[0].set("marker", "¹")
        notes[1].set("marker", "¹")
        notes[2].set("marker", "²")
    problems = akn.validate(_with(superscripts), profile="house").problems
    assert "XML" not in {p.rule for p in problems}, [str(p) for p in problems]
    assert [p.code for p in problems] == ["note-marker-unique"]


def test_messages_cite_guideline_sections_not_decision_numbers():
    for name in sorted(EXPECTED):
        for p in validate_file(BROKEN / name).problems:
            assert not re.search(r"\(D\d+|\bD\d+\)", p.message), (name, p.message)
            if p.level == "akn4un":
                assert re.search(r"AKN4UN Part [13] §[\d.]+", p.message), (name, p.message)
            if p.level == "house":
                assert "akn house convention" in p.message, (name, p.message)


def test_problems_carry_an_xpath_a_person_can_follow():
    problems = validate_file(BROKEN / "eid-para.xml").problems
    assert [p.xpath for p in problems] == ["/akomaNtoso/statement/mainBody/paragraph[2]"]
    assert "should be 'para_2'" in problems[0].message


def test_terse_xsd_messages_are_explained():
    (order,) = validate_file(BROKEN / "xsd-order.xml").problems
    assert "{http" not in order.message
    assert "inside <paragraph> after <content>" in order.message
    (dup,) = [p for p in validate_file(BROKEN / "xsd-duplicate-eid.xml").problems if p.rule == "XSD"]
    assert dup.message.startswith("eId 'para_1' is used more than once")


# ------------------------------------------------------------------- other tools' documents


def test_the_reference_document_is_valid_with_warnings_only():
    report = validate_file(PROFILE_EXAMPLE)
    assert report.ok, [str(p) for p in report.errors]
    containers = [p for p in report.problems if p.rule == "eid-preamble"]
    assert [p.xpath.rsplit("/", 1)[1] for p in containers] == ["container[1]", "container[2]"]
    assert "'preamble__container_2'" in containers[1].message and "container_1" not in containers[1].message
    assert run(PROFILE_EXAMPLE).exit_code == 0
    assert run("--profile", "house", PROFILE_EXAMPLE).exit_code == 1
    assert run("--strict", PROFILE_EXAMPLE).exit_code == 1


def test_suggested_eids_follow_the_documents_structure_when_it_has_none():
    root = etree.fromstring((BROKEN / "valid.xml").read_bytes())
    for el in root.iter():
        el.attrib.pop("eId", None) if etree.QName(el).localname not in ("TLCOrganization", "TLCEvent",
                                                                         "TLCConcept", "TLCPerson") else None
    problems = akn.validate(etree.tostring(root), profile="house").problems
    notes = [p for p in problems if p.rule == "eid-note"]
    assert notes and not any("should be '__authorialNote" in p.message for p in notes)
    first = next(p for p in problems if p.rule == "eid-para")
    assert "should be 'para_1'" in first.message
    assert not any(p.severity == "error" for p in akn.validate(etree.tostring(root)).problems
                   if p.level == "house")


def test_a_missing_format_gets_no_half_suggestion():
    data = (BROKEN / "valid.xml").read_bytes()
    root = etree.fromstring(data)
    for fmt in root.iter(f"{{{NS}}}FRBRformat"):
        fmt.getparent().remove(fmt)
    for uri in root.iter(f"{{{NS}}}FRBRuri"):
        if etree.QName(uri.getparent()).localname == "FRBRManifestation":
            uri.set("value", uri.get("value") + "x")  # …/eng@/.xmlx
    messages = [p.message for p in akn.validate(etree.tostring(root), profile="house").problems]
    assert not any("!main.'" in m or "!annex_1.'" in m for m in messages), messages


# ------------------------------------------------------------------------------ corpus


@pytest.mark.parametrize("name", sorted(corpus_truth()))
def test_corpus_outputs_follow_the_profile(name):
    path = CORPUS / name
    xml = akn.convert(path.read_bytes(), filename=str(path), validate=False).encode("utf-8")
    problems = validate_bytes(xml, profile="house", trusted=True)
    errors = {p.rule for p in problems if p.severity == "error"}
    warnings = {p.rule for p in problems if p.severity == "warning"}
    assert errors == KNOWN_DEFECTS.get(name, set()), [str(p) for p in problems if p.severity == "error"][:3]
    assert warnings == ({"conclusions-date"} if name in NO_CLOSING_DATE else set())


def test_the_example_follows_the_profile():
    assert validate_bytes((ROOT / "examples" / "A_RES_76_187.xml").read_bytes(), profile="house") == []


def test_writer_output_keeps_the_rules_the_writer_owns_for_any_model():
    """Whatever the model, the writer's names, IRIs and pointers follow the profile; rules about
    what the text says (numbering, markers, dates, cited IRIs) depend on the input and are left out."""
    from hypothesis import HealthCheck, given, settings

    from akn.writers.akn import write_akn

    from .test_writers_html import _models

    about_the_text = {"para-sequence", "para-unnumbered", "note-marker-unique", "note-marker-order",
                      "ref-href", "ref-iri", "conclusions-meeting", "conclusions-date", "adoption-date"}

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    @given(_models())
    def check(res):
        problems = [p for p in validate_bytes(write_akn(res), profile="house", trusted=True)
                    if p.rule not in about_the_text]
        assert problems == []

    check()


def test_nested_headings_are_named_after_the_enclosing_heading():
    from akn.model import Metadata, Paragraph, Resolution, Section, Text
    from akn.writers.akn import write_akn

    res = Resolution(Metadata("A/RES/76/1", adoption_date="2021-12-16"), number="76/1", title=[Text("T")],
                     formula=[Text("The General Assembly,")],
                     body=[Section("I", [Text("One")], [Section("A", [Text("a")], [Paragraph("1", [Text("x")])])]),
                           Section("II", [Text("Two")], [Section("A", [Text("a")], [Paragraph("2", [Text("y")])])])])
    xml = write_akn(res)
    assert b'eId="sec_I__sec_A"' in xml and b'eId="sec_II__sec_A"' in xml
    assert validate_bytes(xml, profile="house") == []


# ------------------------------------------------------------------------------- library


def test_unreadable_and_not_xml_files_are_problems_not_exceptions(tmp_path):
    (tmp_path / "dir.xml").mkdir()
    assert validate_file(tmp_path / "dir.xml").problems[0].rule == "IO"
    (tmp_path / "text.xml").write_bytes(b"\x00\xff not xml")
    assert validate_file(tmp_path / "text.xml").problems[0].rule == "XML"
    (tmp_path / "other.xml").write_bytes(b"<html><body/></html>")
    report = validate_file(tmp_path / "other.xml")
    assert not report.valid and report.problems[0].rule == "XSD"


def test_xsd_only_skips_the_profile_rules():
    assert validate_file(BROKEN / "eid-para.xml", xsd_only=True) == FileReport(str(BROKEN / "eid-para.xml"), ())
    report = validate_file(BROKEN / "eid-para.xml", profile="xsd")
    assert report.ok and {p.severity for p in report.problems} == {"warning"}


def test_reports_render_every_problem_in_every_format():
    from akn.reports import render_reports

    reports = [FileReport("a, b.xml", (Problem(3, "/akomaNtoso", "bad: 100%\nreally", rule="eid-para"),
                                       Problem(4, "/akomaNtoso/x", "hmm", rule="conclusions-date", severity="warning"))),
               FileReport("ok.xml", ())]
    assert render_reports(reports, "text").splitlines() == [
        "a, b.xml:3: eid-para: bad: 100%\nreally (/akomaNtoso)".splitlines()[0], "really (/akomaNtoso)",
        "a, b.xml:4: warning: conclusions-date: hmm (/akomaNtoso/x)"]
    assert render_reports(reports, "github").splitlines() == [
        "::error file=a%2C b.xml,line=3,title=akn validate%3A eid-para::bad: 100%25%0Areally (/akomaNtoso)",
        "::warning file=a%2C b.xml,line=4,title=akn validate%3A conclusions-date::hmm (/akomaNtoso/x)"]
    data = json.loads(render_reports(reports, "json"))
    assert data["invalid"] == 1 and data["files"][0]["problems"][0] == {
        "line": 3, "xpath": "/akomaNtoso", "rule": "eid-para", "code": "eid-para", "level": "xsd", "severity": "error",
        "message": "bad: 100%\nreally"}
    suite = etree.fromstring(render_reports(reports, "junit").encode("utf-8"))
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    assert [c.get("name") for c in suite.iter("testcase")] == ["a, b.xml", "ok.xml"]
    assert suite.find("testcase/failure").get("type") == "eid-para"


# ---------------------------------------------------------------------------------- CLI


def run(*args):
    return CliRunner().invoke(main, ["validate", *map(str, args)])


def test_cli_exit_codes():
    assert run(BROKEN / "valid.xml").exit_code == 0
    assert run(BROKEN / "valid.xml", BROKEN / "work-uri.xml").exit_code == 1
    assert run(BROKEN / "conclusions-date.xml").exit_code == 0  # a warning only
    assert run(BROKEN / "missing.xml").exit_code == 2
    assert run(BROKEN / "not-well-formed.xml").exit_code == 2
    assert run(BROKEN / "valid.xml", BROKEN / "not-well-formed.xml").exit_code == 2
    assert run(BROKEN / "eid-para.xml").exit_code == 0  # a house warning
    assert run("--profile", "house", BROKEN / "eid-para.xml").exit_code == 1
    assert run("--strict", BROKEN / "conclusions-date.xml").exit_code == 1
    assert run("--profile", "xsd", BROKEN / "doc-type.xml").exit_code == 0
    assert run("--profile", "akn4un", BROKEN / "doc-type.xml").exit_code == 1
    assert run("--format", "yaml", BROKEN / "valid.xml").exit_code == 2
    assert run("--jobs", "0", BROKEN / "valid.xml").exit_code == 2


def test_cli_reports_file_line_rule_message_and_xpath():
    result = run("--profile", "house", BROKEN / "eid-para.xml")
    line = result.output.splitlines()[0]
    assert line.startswith(f"{BROKEN / 'eid-para.xml'}:75: eid-para: Paragraph eId 'para_20' should be 'para_2'")
    assert line.endswith("(/akomaNtoso/statement/mainBody/paragraph[2])")


def test_cli_walks_folders_and_an_empty_folder_is_a_usage_error(tmp_path):
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    shutil.copy(BROKEN / "valid.xml", nested / "one.xml")
    shutil.copy(BROKEN / "note-sup.xml", tmp_path / "a" / "two.xml")
    (tmp_path / "a" / "notes.txt").write_text("not AKN")
    result = run("--format", "junit", "--profile", "house", tmp_path)
    assert result.exit_code == 1
    suite = etree.fromstring(result.stdout.encode("utf-8"))
    assert [c.get("name") for c in suite.iter("testcase")] == [str(nested / "one.xml"), str(tmp_path / "a" / "two.xml")]
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(empty)
    assert result.exit_code == 2 and "no *.xml files" in result.output


def test_cli_jobs_give_the_same_report_in_the_same_order():
    one = run("--format", "json", BROKEN)
    two = run("--format", "json", "--jobs", "2", BROKEN)
    assert one.exit_code == two.exit_code == 2  # not-well-formed.xml cannot be read
    assert one.stdout == two.stdout
    assert len(json.loads(one.stdout)["files"]) == len(EXPECTED) + 1


# ------------------------------------------------------------------------------ packaging


def test_an_installed_wheel_validates(tmp_path):
    """A real (non-editable) build: the installed akn validates with the rules it carries.

    Built from a copy of the project, so the checkout gets no build/ folder."""
    source, wheel_dir, target = tmp_path / "src", tmp_path / "wheel", tmp_path / "site"
    source.mkdir()
    for name in ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md"):
        shutil.copy(ROOT / name, source / name)
    for name in ("src", "templates"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    pip = [sys.executable, "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "wheel", "--no-deps", "-w", str(wheel_dir), str(source)], check=True, capture_output=True,
                   timeout=120)
    (wheel,) = wheel_dir.glob("akn-*.whl")
    subprocess.run([*pip, "install", "--no-deps", "--target", str(target), str(wheel)], check=True,
                   capture_output=True, timeout=120)
    code = ("import sys; sys.path.insert(0, sys.argv[1]); import akn, akn.validation;"
            "print(akn.validation.__file__); print(akn.validate(sys.argv[2], profile='house').problems[0].rule)")
    out = subprocess.run([sys.executable, "-c", code, str(target), str(BROKEN / "eid-para.xml")], cwd=tmp_path,
                         check=True, capture_output=True, text=True, timeout=60).stdout.split()
    assert out == [str(target / "akn" / "validation" / "__init__.py"), "eid-para"]


# ------------------------------------------------------------------------ akn's own output


@pytest.mark.parametrize("name", sorted(EXPECTED)[:6] + [PROFILE_EXAMPLE.name])
def test_own_output_is_checked_as_any_document_is(name):
    """What akn wrote is parsed without the hostile-input checks (trusted): the same findings,
    lines and paths as through the safe reader."""
    data = (PROFILE_EXAMPLE if name == PROFILE_EXAMPLE.name else BROKEN / name).read_bytes()
    trusted = [(p.line, p.xpath, p.rule, p.message) for p in validate_bytes(data, profile="house", trusted=True)]
    safe = [(p.line, p.xpath, p.rule, p.message) for p in validate_bytes(data, profile="house")]
    assert trusted == safe


def test_own_output_with_a_doctype_or_comment_still_goes_through_the_safe_reader():
    data = PROFILE_EXAMPLE.read_bytes()
    doctype = data.replace(b"<akomaNtoso", b"<!DOCTYPE akomaNtoso SYSTEM 'x.dtd'><akomaNtoso", 1)
    assert any("DOCTYPE" in p.message for p in validate_bytes(doctype, trusted=True))
    commented = data.replace(b"<akomaNtoso", b"<!-- a note --><akomaNtoso", 1)
    assert validate_bytes(commented, profile="house", trusted=True) == validate_bytes(data, profile="house", trusted=True)
