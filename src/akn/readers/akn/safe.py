"""Safe XML parsing for input from strangers (issues 8, 15).

No DTD is loaded and nothing is fetched from the network. A DOCTYPE is read before the parser sees
it: allowed only when it declares internal entities that stand for plain text
(``<!DOCTYPE akomaNtoso [<!ENTITY ga "General Assembly">]>``, which editors write), whose
expansion is bounded; an external DTD or entity, a parameter entity, an entity holding markup or
other entities, or any other declaration is refused, so an external entity can never be read and a
"billion laughs" never expands. Size is checked before parsing and depth after libxml2's own
limit, so a hostile file costs milliseconds, and error messages quote nothing of the input beyond
the parser's own words.
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
_DOCTYPE_HEAD = re.compile(r"<!DOCTYPE\s+[A-Za-z_:][\w:.-]*\s*")
#: one declaration of the internal subset akn accepts: a plain-text general entity, or a comment
_DECLARATIONS = re.compile(r"""\s*(?:<!ENTITY\s+([A-Za-z_:][\w:.-]*)\s+(?:"([^"<&%]*)"|'([^'<&%]*)')\s*>|<!--(?:(?!--).)*-->)""",
                           re.DOTALL)
_REFUSED = "XML with a DOCTYPE is refused unless it declares only internal entities that stand for plain text"


def _parser(huge_tree: bool, entities: bool = False) -> etree.XMLParser:
    return etree.XMLParser(resolve_entities="internal" if entities else False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=huge_tree, remove_comments=True, remove_pis=True)


def _line(text: str, at: int) -> int:
    return text.count("\n", 0, at) + 1


def plain_text_entities(text: str, max_bytes: int = MAX_BYTES) -> dict[str, str]:
    """The entities a document's DOCTYPE declares, each standing for plain text; {} without a DOCTYPE.

    Raises :class:`ConversionError` (with the line) for anything else in a DOCTYPE: an external
    DTD (SYSTEM, PUBLIC), a parameter entity, an external entity, an entity holding markup or
    another entity, element or attribute declarations; and when expanding the entities where they
    are used would make the document larger than ``max_bytes``."""
    m = _DOCTYPE.search(text)
    if not m:
        return {}
    head = _DOCTYPE_HEAD.match(text, m.start())
    if not head:  # a lowercase <!doctype, an <!ENTITY outside a DOCTYPE, an external ID's oddities
        raise ConversionError(f"{_REFUSED} (akn reads no DTDs)", line=_line(text, m.start()))
    at = head.end()
    if text.startswith("[", at):
        at += 1
        entities: dict[str, str] = {}
        while True:
            d = _DECLARATIONS.match(text, at)
            if not d:
                break
            if d.group(1):
                entities.setdefault(d.group(1), d.group(2) if d.group(2) is not None else d.group(3))
            at = d.end()
        close = re.compile(r"\s*\]\s*>").match(text, at)
        if not close:
            rest = text[at:].lstrip()
            what = ("a parameter entity" if re.match(r"<!ENTITY\s+%", rest) else
                    "an external entity" if re.match(r"<!ENTITY\s+\S+\s+(SYSTEM|PUBLIC)", rest) else
                    "an entity holding markup or other entities" if rest.startswith("<!ENTITY") else
                    "something other than plain-text entities")
            raise ConversionError(f"{_REFUSED}; this one declares {what}", line=_line(text, len(text) - len(rest)))
        at = close.end()
    elif text.startswith(">", at):
        entities, at = {}, at + 1
    else:
        raise ConversionError(f"{_REFUSED}; this one names an external DTD (akn reads no DTDs)",
                              line=_line(text, m.start()))
    later = _DOCTYPE.search(text, at)
    if later:
        raise ConversionError(f"{_REFUSED}; a second DOCTYPE or an entity declared outside it",
                              line=_line(text, later.start()))
    grown = sum(len(value) * text.count(f"&{name};", at) for name, value in entities.items())
    if len(text) + grown > max_bytes:
        raise ConversionError(f"XML entities would expand the input beyond the limit on untrusted XML "
                              f"({max_bytes / 1048576:.0f} MB)", line=_line(text, m.start()))
    return entities


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
    entities = plain_text_entities(text, max_bytes)
    # the declaration's encoding no longer applies to the decoded text; same line count kept
    text = _DECLARATION.sub(lambda d: "\n" * d.group(0).count("\n"), text, count=1)
    try:
        # a raised size bound is trust: libxml2's bounds on texts over 10 MB go too (depth is checked below)
        root = etree.fromstring(text.encode("utf-8"), _parser(huge_tree=max_bytes > MAX_BYTES, entities=bool(entities)))
    except etree.XMLSyntaxError as e:
        message = re.sub(r",? line \d+, column \d+$", "", str(e.msg or e))
        raise ConversionError(f"not well-formed XML: {message}", line=e.lineno or 1) from None
    _check_depth(root)
    # entities and processing instructions: every node whose tag is not a name, comments aside
    if next(root.iter(etree.Entity, etree.ProcessingInstruction), None) is not None:
        raise ConversionError("XML holds an entity akn cannot expand", line=1)  # never expected: defence in depth
    return root


#: an element at the depth bound, found by libxml2: without one nothing can nest deeper
_AT_MAX_DEPTH = "boolean(" + "/".join(["*"] * (MAX_DEPTH - 1)) + ")"


def _check_depth(root: etree._Element) -> None:
    if not root.xpath(_AT_MAX_DEPTH):  # the usual case, checked in C rather than by walking every node
        return
    stack = [(root, 1)]
    while stack:
        el, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise ConversionError(f"XML nests deeper than {MAX_DEPTH} elements", line=el.sourceline or 1)
        stack.extend((child, depth + 1) for child in el)
