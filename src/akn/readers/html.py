"""HTML reader: a resolution saved as a web page -> the text the text reader reads.

A page is not AKN and its markup says little about a resolution's structure, so it is turned into
text the way a browser shows it (one block a paragraph, a blank line between blocks) with the
inline markup the text reader understands: ``<sup>3</sup>`` as a superscript marker, ``<i>``/``<em>``
as ``*emphasis*``, ``<b>``/``<strong>`` as ``**emphasis**``. Site navigation stays text: the text
reader drops what stands around the resolution, as for any web copy. Scripts and styles go.
"""
from __future__ import annotations

import re

from ..errors import ConversionError
from .text.footnotes import raised_text
from .text.lines import decode
from .text.web import EMPHASIS_MARKS

#: elements that open a new line (a paragraph, a heading, a list item, a table row)
_BLOCKS = frozenset(
    "address article aside blockquote body dd div dl dt figcaption footer form h1 h2 h3 h4 h5 h6 header "
    "hr li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
_CELLS = frozenset({"td", "th"})
_DROPPED = frozenset({"script", "style", "noscript", "template", "head", "svg", "button", "select"})
_LONE_LABEL = re.compile(r"(?m)^(\d{1,4}\.|\([a-z]{1,4}\)|[IVXL]{1,6}\.|[A-H]\.)\n+(?=\S)")
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.IGNORECASE | re.DOTALL)


def looks_like_html(source: str | bytes) -> bool:
    """Whether an input is a web page: it opens with ``<!DOCTYPE html>`` or ``<html`` (after an XML
    declaration or comments, if any)."""
    head = source[:2048]
    if isinstance(head, bytes):
        head = head.decode("utf-8", errors="ignore")
    return bool(_HTML_START.match(_XML_DECLARATION.sub("", head.lstrip("\ufeff"), count=1)))


def html_to_text(source: str | bytes) -> str:
    """The page's text, a block a paragraph, with superscripts and emphasis the text reader reads."""
    from lxml import etree, html

    text, _ = decode(source)  # UTF-8, or a legacy page in Windows-1252, whatever its <meta> claims
    text = _XML_DECLARATION.sub("", text, count=1)
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError) as e:
        raise ConversionError(f"the HTML page cannot be read: {e}", line=1) from None
    pieces: list[str] = []
    _walk(root, pieces)
    lines = [" ".join(line.split()) for line in "".join(pieces).split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    if not text:  # libxml2 also leaves out what is nested more than 256 elements deep
        raise ConversionError("the web page shows no text (or nests its elements too deep to read)", line=1)
    # a label in a block of its own beside its text's block ("<span>1.</span><div>Decides …"),
    # shown on one line by the page's style, goes on one line here too
    return _LONE_LABEL.sub(r"\1 ", text) + "\n"


def _walk(el, out: list[str]) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag in _DROPPED:
        out.append(_spaced(el.tail))
        return
    if tag == "br":
        out.append("\n" + _spaced(el.tail))
        return
    if tag == "a" and _is_backlink(el):
        out.append(_spaced(el.tail))  # "↩": a note's link back to its marker
        return
    if tag == "li" and any(_is_backlink(a) for a in el.iter("a")):
        marker = _note_marker(el)
        out.append(f"\n\n[^{marker}]: {_note_text(el, marker)}\n\n{_spaced(el.tail)}")
        return
    if tag == "sup":
        out.append(raised_text("".join(el.itertext())) + _spaced(el.tail))
        return
    if _is_notes_heading(el, tag):
        out.append(_spaced(el.tail))  # "Notes" over the endnotes: the page's, not the resolution's
        return
    block = tag in _BLOCKS
    label = _list_label(el) if tag == "li" else ""
    inner: list[str] = [label, _spaced(el.text)]
    for child in el:
        _walk(child, inner)
    content = "".join(inner)
    mark = EMPHASIS_MARKS.get(tag, "")
    core = content.strip()
    if mark and core and "\n" not in core:  # the marks hug the words, spaces stay outside
        start = content.index(core[0])
        content = f"{content[:start]}{mark}{core}{mark}{content[start + len(core):]}"
    out.append(f"\n\n{content}\n\n" if block else content + ("\t" if tag in _CELLS else ""))
    out.append(_spaced(el.tail))


_ROMANS = "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx".split()


def _list_label(li) -> str:
    """The label an ordered list shows before an item, as the text prints it: the list's numbering
    is the paragraph numbering (``start``, ``type``, an item's ``value``): "3. ", "(a) ", "(ii) ",
    "B. "; nothing in an unordered list, or where the item prints its label itself."""
    parent = li.getparent()
    if parent is None or not isinstance(parent.tag, str) or parent.tag.lower() != "ol":
        return ""
    number = _int(parent.get("start"), 1)
    for sibling in parent:
        if sibling is li:
            break
        if isinstance(sibling.tag, str) and sibling.tag.lower() == "li":
            number = _int(sibling.get("value"), number) + 1
    number = _int(li.get("value"), number)
    kind = parent.get("type", "1")
    if kind in ("a", "A") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        label = f"({letter})" if kind == "a" else f"{letter.upper()}."
    elif kind in ("i", "I") and 1 <= number <= len(_ROMANS):
        label = f"({_ROMANS[number - 1]})" if kind == "i" else f"{_ROMANS[number - 1].upper()}."
    else:
        label = f"{number}."
    printed = " ".join("".join(li.itertext()).split())
    core = label.strip("().")
    return "" if re.match(rf"\(?{re.escape(core)}[.)]\s", printed + " ") else label + " "


def _int(value: str | None, default: int) -> int:
    return int(value) if value and value.strip().isdigit() else default


def _is_notes_heading(el, tag: str) -> bool:
    """A heading over a page's endnotes: in a ``doc-endnotes`` section, or right before a list
    whose items link back to their markers."""
    if tag not in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return False
    parent = el.getparent()
    if parent is not None and parent.get("role") == "doc-endnotes":
        return True
    nxt = el.getnext()
    return (nxt is not None and isinstance(nxt.tag, str) and nxt.tag.lower() in ("ol", "ul")
            and any(_is_backlink(a) for a in nxt.iter("a")))


_BACK_SIGNS = frozenset({"↩", "↩︎", "↩\ufe0e", "^", "↑", "⤴"})


def _is_backlink(a) -> bool:
    """A link from a note back to its marker: marked as such, or only an arrow."""
    href = a.get("href") or ""
    return (a.get("role") == "doc-backlink" or href.startswith(("#fnref", "#ref-", "#cite_ref"))
            or " ".join("".join(a.itertext()).split()) in _BACK_SIGNS)


def _note_marker(li) -> str:
    """A note's marker: as the page states it (``data-marker``), else its number in an ordered
    list, else the number its text opens with."""
    if li.get("data-marker"):
        return li.get("data-marker")
    parent = li.getparent()
    if parent is not None and isinstance(parent.tag, str) and parent.tag.lower() == "ol":
        first = parent.get("start", "1")
        siblings = [c for c in parent if isinstance(c.tag, str) and c.tag.lower() == "li"]
        return str((int(first) if first.isdigit() else 1) + siblings.index(li))
    stated = re.match(r"\s*\[?(\d{1,3}|[*†‡]{1,3})\]?[.)]?\s", "".join(li.itertext()) + " ")
    return stated.group(1) if stated else "*"


def _note_text(li, marker: str) -> str:
    """A note's text, without its printed marker and its link back."""
    inner: list[str] = [_spaced(li.text)]
    for child in li:
        _walk(child, inner)
    text = " ".join("".join(inner).split())
    return re.sub(rf"^\[?{re.escape(marker)}\]?[.)]?\s+", "", text)


def _spaced(text: str | None) -> str:
    """Source text with its line breaks as spaces: in HTML, only elements break lines."""
    return re.sub(r"\s+", " ", text) if text else ""
