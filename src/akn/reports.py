"""Validation reports for people and for CI: text, JSON, GitHub annotations, JUnit XML.

Pure functions from :class:`akn.validation.Report` lists to a string; the CLI prints them.
"""
from __future__ import annotations

import json

from lxml import etree

from .validation.report import FileReport, Problem

FORMATS = ("text", "json", "github", "junit")


def render_reports(reports: list[FileReport], fmt: str) -> str:
    """All reports in one format; every format lists every problem with file, line, XPath and rule."""
    return {"text": text, "json": as_json, "github": github, "junit": junit}[fmt](reports)


def summary(reports: list[FileReport]) -> str:
    unreadable = sum(r.unreadable for r in reports)
    invalid = sum(not r.valid for r in reports) - unreadable
    warnings = sum(p.severity == "warning" for r in reports for p in r.problems)
    extra = f", {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
    unread = f", {unreadable} unreadable" if unreadable else ""
    return f"{len(reports) - invalid - unreadable} valid, {invalid} invalid{unread}{extra}"


def text(reports: list[FileReport]) -> str:
    """``file:line: rule: message (xpath)``, one problem a line, like a compiler."""
    lines = []
    for r in reports:
        for p in r.problems:
            kind = "warning: " if p.severity == "warning" else ""
            where = f" ({p.path})" if p.path else ""
            lines.append(f"{r.file}:{p.line}: {kind}{p.rule}: {p.message}{where}")
    return "".join(line + "\n" for line in lines)


def _problem_dict(p: Problem) -> dict:
    # "code" repeats the rule under the name akn.Notice and the library's Problem.code use
    return {"line": p.line, "xpath": p.xpath, "rule": p.rule, "code": p.rule, "level": p.level,
            "severity": p.severity, "message": p.message}


def as_json(reports: list[FileReport]) -> str:
    data = {
        "files": [{"file": r.file, "valid": r.valid, "problems": [_problem_dict(p) for p in r.problems]}
                  for r in reports],
        "valid": sum(r.valid for r in reports),
        "invalid": sum(not r.valid for r in reports),
        "unreadable": sum(r.unreadable for r in reports),
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github(reports: list[FileReport]) -> str:
    """GitHub Actions workflow commands: each problem becomes an annotation on the file and line."""
    lines = []
    for r in reports:
        for p in r.problems:
            command = "warning" if p.severity == "warning" else "error"
            props = f"file={_escape_property(r.file)}"
            if p.line:
                props += f",line={p.line}"
            props += f",title={_escape_property('akn validate: ' + p.rule)}"
            where = f" ({p.path})" if p.path else ""
            lines.append(f"::{command} {props}::{_escape_data(p.message + where)}")
    return "".join(line + "\n" for line in lines)


def junit(reports: list[FileReport]) -> str:
    """A JUnit test suite with one test case per file: a failure lists every error of the file."""
    suite = etree.Element("testsuite", name="akn validate", tests=str(len(reports)),
                          failures=str(sum(not r.valid for r in reports)), errors="0", skipped="0")
    for r in reports:
        case = etree.SubElement(suite, "testcase", classname="akn.validate", name=r.file)
        errors = [p for p in r.problems if p.severity == "error"]
        if errors:
            failure = etree.SubElement(case, "failure", type=errors[0].rule,
                                       message=f"line {errors[0].line}: {errors[0].message}")
            failure.text = text([FileReport(r.file, tuple(errors))])
        warnings = [p for p in r.problems if p.severity == "warning"]
        if warnings:
            etree.SubElement(case, "system-out").text = text([FileReport(r.file, tuple(warnings))])
    return etree.tostring(suite, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")
