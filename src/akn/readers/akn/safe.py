"""Safe XML parsing for input from strangers (issue 8).

No entity is expanded, no DTD loaded, nothing fetched from the network; a DOCTYPE is refused
before the parser sees it, so an external entity can never be read and a "billion laughs" never
expands. Size is checked before parsing and depth after libxml2's own limit, so a hostile file
costs milliseconds, and error messages quote nothing of the input beyond the parser's own words.
"""
from __future__ import annotations

import re

from lxml import etree

from ...errors import ConversionError

#: the size bound on XML from strangers; a caller that trusts its input raises it (``--max-xml-mb``)
MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 64  # a resolution nests about 12 deep; libxml2 stops at 256 without huge_tree

_DECLARATION = re.compile(r"\A\s*<\?xml[^>]*\?>")
_DOCTYPE = re.compile(r"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def _parser(huge_tree: bool) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                           huge_tree=huge_tree, remove_comments=True, remove_pis=True)


def decode_xml(data: bytes | str, max_bytes: int = MAX_BYTES) -> str:
    """XML text from bytes: UTF-8 (BOM optional) or UTF-16 with a BOM; the size limit applies first.

    The limit bounds what a hostile file can cost, not what akn writes: a resolution is well under
    1 MB, but a huge text makes an AKN file over 20 MB, which its owner can read back by raising it."""
    if len(data) > max_bytes:
        raise ConversionError(f"XML input is {len(data) / 1048576:.0f} MB; the limit on untrusted XML is "
                              f"{max_bytes / 1048576:.0f} MB (raise it with --max-xml-mb, or max_xml_bytes= in Python)",
                              line=1)
    if isinstance(data, str):
        return data
    try:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return data.decode("utf-16")
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ConversionError(f"XML input is not UTF-8 or UTF-16 text ({e.reason})", line=line) from None


def parse_xml(data: bytes | str, max_bytes: int = MAX_BYTES) -> etree._Element:
    """The root element of an XML document, parsed safely; :class:`ConversionError` otherwise."""
    text = decode_xml(data, max_bytes)
    m = _DOCTYPE.search(text)
    if m:
        raise ConversionError("XML with a DOCTYPE or entity declarations is refused: akn reads no DTDs or entities",
                              line=text.count("\n", 0, m.start()) + 1)
    # the declaration's encoding no longer applies to the decoded text; same line count kept
    text = _DECLARATION.sub(lambda d: "\n" * d.group(0).count("\n"), text, count=1)
    try:
        # a raised size bound is trust: libxml2's bounds on texts over 10 MB go too (depth is checked below)
        root = etree.fromstring(text.encode("utf-8"), _parser(huge_tree=max_bytes > MAX_BYTES))
    except etree.XMLSyntaxError as e:
        message = re.sub(r",? line \d+, column \d+$", "", str(e.msg or e))
        raise ConversionError(f"not well-formed XML: {message}", line=e.lineno or 1) from None
    _check_depth(root)
    return root


def _check_depth(root: etree._Element) -> None:
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ConversionError(f"XML nests deeper than {MAX_DEPTH} elements", line=el.sourceline or 1)
        stack.extend((child, depth + 1) for child in el)
