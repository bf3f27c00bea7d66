"""Validation of one document: read it safely, then the XSD, AKN4UN and house levels.

Reading uses the AKN reader's safe parser (:mod:`akn.readers.akn.safe`): no external entity,
no network, size and depth bounds; a file it cannot read is one problem, never an exception.
The rules run in Python over the parsed tree (:mod:`.rules`), the XSD through libxml2.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from ..errors import ConversionError
from ..readers.akn.safe import MAX_BYTES, parse_xml
from . import rules
from .levels import DEFAULT_PROFILE, LEVELS, check_profile, level_of, severity
from .report import Problem, Report
from .xsd import akn_schema, schema_errors

if TYPE_CHECKING:
    from ..document import Document

#: the size bound when akn checks what it wrote itself (``trusted``): its own output is not hostile
TRUSTED_BYTES = 2 * 1024 * 1024 * 1024


def warm_up() -> None:
    """Compile the schema now (it is compiled once per process, on first use)."""
    akn_schema()


class _Paths:
    """Readable XPaths (local names, positions only where a name repeats), sibling positions counted
    once per parent so that many problems among many siblings stay cheap."""

    def __init__(self) -> None:
        self._positions: dict = {}

    def of(self, el: etree._Element | None) -> str:
        steps = []
        while el is not None:
            name = etree.QName(el).localname
            parent = el.getparent()
            if parent is not None:
                index, count = self._position(parent, el)
                if count > 1:
                    name += f"[{index}]"
            steps.append(name)
            el = parent
        return "/" + "/".join(reversed(steps))

    def _position(self, parent, el) -> tuple[int, int]:
        table = self._positions.get(parent)
        if table is None:
            seen: dict[str, int] = {}
            table = {}
            for child in parent:
                if isinstance(child.tag, str):
                    seen[child.tag] = seen.get(child.tag, 0) + 1
                    table[child] = (seen[child.tag], child.tag)
            table = {c: (i, seen[tag]) for c, (i, tag) in table.items()}
            self._positions[parent] = table
        return table.get(el, (1, 1))


def check_tree(root: etree._Element, profile: str = DEFAULT_PROFILE, *, strict: bool = False,
               xsd_only: bool = False) -> list[Problem]:
    """Every problem of a parsed document at every level, each an error or a warning for ``profile``."""
    check_profile(profile)
    paths = _Paths()
    problems = []
    for line, node, path, message in schema_errors(root):
        problems.append(Problem(line or 0, paths.of(node) if node is not None else path, message,
                                rule="XSD", severity=severity("XSD", profile, strict), level="xsd"))
    if not xsd_only:
        for rule, el, message in rules.check(root):
            problems.append(Problem(el.sourceline or 0, paths.of(el), message, rule=rule,
                                    severity=severity(rule, profile, strict), level=level_of(rule)))
    problems.sort(key=lambda p: p.line)
    return problems


def unreadable(message: str, line: int = 0, rule: str = "XML") -> Problem:
    return Problem(line, "", message, rule=rule, severity="error", level="xsd")


def validate_bytes(data: bytes | str, *, profile: str = DEFAULT_PROFILE, strict: bool = False,
                   trusted: bool = False, max_xml_bytes: int | None = None, xsd_only: bool = False) -> list[Problem]:
    """Problems of serialized AKN. ``trusted``: akn wrote it (no size bound, libxml2's huge-tree
    mode); otherwise ``max_xml_bytes`` (default 20 MB) bounds it, as for the AKN reader."""
    check_profile(profile)
    limit = TRUSTED_BYTES if trusted else (max_xml_bytes or MAX_BYTES)
    root = _parse_own(data) if trusted else None
    if root is None:
        try:
            root = parse_xml(data, limit)
        except ConversionError as e:
            return [unreadable(e.message, e.line or 0)]
    try:
        return check_tree(root, profile, strict=strict, xsd_only=xsd_only)
    except Exception as e:  # noqa: BLE001 - a checker bug is reported on the file, never a traceback
        return [unreadable(f"akn could not finish checking this document ({type(e).__name__}: {e})", rule="XML")]


def _parse_own(data: bytes | str) -> etree._Element | None:
    """akn's own output parsed straight by libxml2, the tree :func:`parse_xml` gives for it (same
    lines, no comments or processing instructions) without its checks against hostile input (a sixth
    of validating); None where those checks have something to say (then they say it)."""
    if not isinstance(data, bytes) or data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")) or b"<!" in data:
        return None
    try:
        return etree.fromstring(data, _OWN_PARSER)
    except etree.XMLSyntaxError:
        return None


_OWN_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                              huge_tree=True, remove_comments=True, remove_pis=True)


def validate_file(path: str | os.PathLike, *, profile: str = DEFAULT_PROFILE, strict: bool = False,
                  trusted: bool = False, max_xml_bytes: int | None = None, xsd_only: bool = False) -> Report:
    """Every problem of one file ('-' is standard input); a file that cannot be read is a problem too."""
    name = "<stdin>" if str(path) == "-" else str(path)
    try:
        if str(path) == "-":
            import sys

            data = sys.stdin.buffer.read()
        else:
            data = Path(path).read_bytes()
    except OSError as e:
        return Report(name, (unreadable(f"cannot read the file: {e.strerror or e}", rule="IO"),))
    return Report(name, tuple(validate_bytes(data, profile=profile, strict=strict, trusted=trusted,
                                             max_xml_bytes=max_xml_bytes, xsd_only=xsd_only)))


def validate(source: Document | bytes | str | os.PathLike[str], profile: str = DEFAULT_PROFILE, *, strict: bool = False,
             max_xml_bytes: int | None = None) -> Report:
    """Validate one AKN document and return its :class:`Report`: ``report.ok``, ``report.problems``
    (each with level, rule, ``code`` (the rule again, as a :class:`akn.Notice` names its kind),
    line, xpath, message, severity).

    ``source`` is its XML (``bytes``, or a ``str`` starting with '<'), a file path, or a
    :class:`akn.Document` (from ``akn.read``/``akn.load``: its AKN, as ``to_akn`` writes it, is
    checked; lines are the AKN's). Levels up to ``profile`` ("xsd", "akn4un", "house") are errors,
    the rest warnings; ``strict`` makes warnings errors. Never raises for a bad document; raises
    ``ValueError`` for an unknown profile."""
    from ..document import Document

    check_profile(profile)
    if isinstance(source, Document):  # akn writes it: not hostile, so no size bound
        data = source.to_akn(validate=False).encode("utf-8")
        return Report(None, tuple(validate_bytes(data, profile=profile, strict=strict, trusted=True)))
    if isinstance(source, (bytes, bytearray)) or (isinstance(source, str) and source.lstrip("\ufeff \t\r\n").startswith("<")):
        return Report(None, tuple(validate_bytes(bytes(source) if not isinstance(source, str) else source,
                                                 profile=profile, strict=strict, max_xml_bytes=max_xml_bytes)))
    return validate_file(source, profile=profile, strict=strict, max_xml_bytes=max_xml_bytes)


__all__ = ["LEVELS", "validate", "validate_bytes", "validate_file", "check_tree", "warm_up"]


def safe_parser(huge_tree: bool = False) -> etree.XMLParser:
    """A parser for akn's own output (tests, benchmarks, the writer's self-check): no DTD, no entity,
    no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=huge_tree, remove_blank_text=False)


def xsd_problems(doc) -> list[Problem]:
    """The schema problems alone of a parsed document (element or tree)."""
    root = doc.getroot() if isinstance(doc, etree._ElementTree) else doc
    return check_tree(root, "xsd", xsd_only=True)


def parse(data: bytes) -> etree._ElementTree:
    """akn's own output parsed (see :func:`safe_parser`); raises ``etree.XMLSyntaxError``."""
    return etree.ElementTree(etree.fromstring(data, parser=safe_parser(huge_tree=True)))
