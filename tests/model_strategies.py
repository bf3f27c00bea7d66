"""Hypothesis strategies for random resolutions, built as models in the form the readers give.

That form: adjacent text joined, no empty text, no block starting or ending in a space; an
issue-date line holds one date, and the metadata's issue date is the first one printed (else
none, or a date other than the adoption date); a printed number comes with a title; votes are those the text
states (random text states none). Text mixes letters, digits glued to words, markup characters
of both formats (``* [ ] # < & \\``) and any printable unicode.
"""
from __future__ import annotations

from hypothesis import strategies as st

from akn.model import (
    Annex, Cell, DateRef, Event, Footnote, Italic, Item, MastheadLine, Metadata, Paragraph, PreambularParagraph, Ref, Table,
    Resolution, Section, Text, joined,
)

_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp", "Zs"))
_WORD = st.one_of(
    st.text(_CHARS, min_size=1, max_size=8),
    st.sampled_from(["*", "[", "]", "#", "<", "&", "\\", "1.", "(a)", "¶", "[^1]", "](x)", "word1", "2030",
                     "Welcoming", "organ:", "<!--", "*/", "date:", "\u00a0"]),
)
_WORDS = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)
_DATE = st.dates().map(lambda d: d.isoformat())
_MARKER = st.one_of(st.integers(1, 99).map(str), st.sampled_from(["*", "**", "a", "†"]))
_HREF = st.one_of(
    st.builds(lambda a, b: f"/akn/un/statement/deliberation/un-ga/{a}-{b}", st.integers(1, 80), st.integers(1, 300)),
    st.text("abcXYZ0189-_./()~:", min_size=1, max_size=12).map(lambda s: "/akn/" + s),  # ")" tests escaping
    st.sampled_from(["date:2020-01-01", "event:", "event:x(1)"]),  # IRIs that look like the format's targets
)


def _block(nodes: list) -> list:
    """A run as a block holds it: no space at either end."""
    nodes = joined(nodes)
    if nodes and isinstance(nodes[0], Text):
        nodes[0] = Text(nodes[0].text.lstrip())
    if nodes and isinstance(nodes[-1], Text):
        nodes[-1] = Text(nodes[-1].text.rstrip())
    return joined(nodes)


_TEXT = st.builds(lambda s, lead, trail: Text(lead + s + trail), _WORDS, st.sampled_from(["", " "]),
                  st.sampled_from(["", " "]))
_LEAF = st.one_of(
    _TEXT,
    st.builds(DateRef, _DATE, _WORDS),
    st.builds(Event, _WORDS),
)
_SIMPLE = st.one_of(
    _LEAF,
    st.builds(lambda t: Italic([t]), _TEXT),
    st.builds(lambda h, t: Ref(h, [t]), _HREF, _TEXT),
)


def _run(notes: bool = True, min_size: int = 1):
    note = st.builds(lambda m, body: Footnote(m, _block(body)), _MARKER, st.lists(_SIMPLE, max_size=3))
    part = st.one_of(_SIMPLE, note) if notes else _SIMPLE
    return st.lists(part, min_size=min_size, max_size=4).map(_block)


_ROMAN = st.sampled_from(["I", "II", "III", "IV", "A", "B", "1"])


@st.composite
def _items(draw, depth: int):
    out = []
    for label in draw(st.lists(st.sampled_from(["a", "b", "c", "i", "ii", "aa"]), min_size=1, max_size=3)):
        sub = draw(_items(depth + 1)) if depth < 2 and draw(st.booleans()) else []
        out.append(Item(label, draw(_run()), sub))
    return out


@st.composite
def _paragraph(draw):
    num = draw(st.one_of(st.none(), st.integers(1, 120).map(str)))
    items = draw(_items(1)) if draw(st.integers(0, 3)) == 0 else []
    tables = [] if items or draw(st.integers(0, 3)) else [draw(_table())]
    return Paragraph(num, draw(_run(min_size=0 if items else 1)), items, tables)


@st.composite
def _table(draw):
    """Rows of one to three cells; a row's cells all head their columns or none does."""
    rows = []
    for header in draw(st.lists(st.booleans(), min_size=1, max_size=3)):
        rows.append([Cell(draw(_run(min_size=0)), header, draw(st.sampled_from([1, 1, 2])), draw(st.sampled_from([1, 1, 3])))
                     for _ in range(draw(st.integers(1, 3)))])
    return Table(rows)


@st.composite
def _parts(draw, depth: int = 0):
    parts = []
    for kind in draw(st.lists(st.sampled_from(["p", "p", "s"] if depth < 2 else ["p"]), min_size=1, max_size=3)):
        if kind == "p":
            parts.append(draw(_paragraph()))
        else:
            children = draw(_parts(depth + 1)) if draw(st.integers(0, 4)) else []
            parts.append(Section(draw(st.one_of(st.none(), _ROMAN)), draw(_run(notes=False, min_size=0)), children))
    return parts


_PLAIN_ROLES = ["organ", "symbol", "distribution", "session", "agenda_item", "agenda_title", "status",
                "committee", "adoption", "other"]


@st.composite
def _masthead(draw):
    lines = []
    for role in draw(st.lists(st.sampled_from(_PLAIN_ROLES + ["issue_date"]), max_size=6)):
        if role == "issue_date":
            lines.append(MastheadLine(role, [DateRef(draw(_DATE), draw(_WORDS))]))
        else:
            lines.append(MastheadLine(role, draw(_run(min_size=0))))
    return lines


@st.composite
def resolutions(draw) -> Resolution:
    adopted = draw(_DATE)
    issued = draw(st.one_of(st.none(), _DATE.filter(lambda d: d != adopted)))
    organ = draw(st.sampled_from(["GA", "SC", "ECOSOC", "HRC"]))
    kind = draw(st.sampled_from(["resolution", "decision"]))
    symbol = f"{ {'GA': 'A', 'SC': 'S', 'ECOSOC': 'E', 'HRC': 'A/HRC'}[organ]}/{'RES' if kind == 'resolution' else 'DEC'}/" \
             f"{draw(st.integers(1, 80))}/{draw(st.integers(1, 400))}"
    title = draw(st.one_of(st.just([]), _run()))
    number = symbol.split("/", 2)[2].split("/", 1)[1] if title and draw(st.booleans()) else None
    annexes = [Annex(draw(_WORDS), draw(st.one_of(st.just([]), _run(notes=False))), draw(_parts()))
               for _ in range(draw(st.integers(0, 1)))]
    masthead = draw(_masthead())
    printed = [line.children[0].date for line in masthead if line.role == "issue_date"]
    return Resolution(
        meta=Metadata(symbol=symbol, body=organ, kind=kind, language=draw(st.sampled_from(["eng", "fra", "spa"])),
                      adoption_date=adopted, issue_date=printed[0] if printed else issued),
        masthead=masthead, number=number, title=title, formula=draw(_run(notes=False)),
        preamble=[PreambularParagraph(r) for r in draw(st.lists(_run(), max_size=3))],
        body=draw(_parts()), closing=draw(st.lists(_run(notes=False), max_size=3)), annexes=annexes,
    )
