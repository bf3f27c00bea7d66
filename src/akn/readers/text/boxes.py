"""Pre-pass for text extracted box by box (pdfminer.six's ``extract_text``): reading order restored.

pdfminer groups a page's characters into text boxes and prints them one after another, each
closed by a blank line, each line keeping the PDF's trailing space, each page closed by a form
feed. Boxes come out of reading order where the page's layout misleads the grouping: a wrapped
title, or a paragraph, is cut into boxes with blank lines between them; paragraph numbers set in
their own column come out as a run of boxes ("6.", "7.") before their texts; the words of a
justified first line ("Stresses", "that", "the") become boxes of their own in any order, or land
after the paragraph they belong to. The rules here read only that box layout and put back what it
shows; text whose words the extraction scrambled beyond reading keeps its words and a warning.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...languages import Language
from ...notices import Notice
from .blocks import ITEM_NUM, PARA_NUM, ending, looks_preambular, meeting_line, more_words_than, opens_structure
from .footnotes import RULE
from .furniture import PAGE_NUMBER, SYMBOL_LINE, is_job_or_barcode
from .lines import Line
from .structure import initial_phrase


def is_boxed(raw: str) -> bool:
    """Whether a text is printed box by box: pages closed by form feeds, a blank line after a good
    share of lines (each box's end), and nearly every text line ending in the PDF's trailing space
    (extractors that rebuild lines, such as pdftotext, strip it)."""
    if "\f" not in raw:
        return False
    lines = raw.split("\n")
    texts = [l for l in lines if l.strip()]
    if len(texts) < 20:
        return False
    blanks = len(lines) - len(texts)
    return blanks >= 0.1 * len(lines) and sum(l.endswith(" ") for l in texts) >= 0.8 * len(texts)


@dataclass
class Box:
    """A run of text lines the extractor printed as one text box."""

    lines: list[Line]
    after: list[Line] = field(default_factory=list)  # the blank lines that followed it, kept with it

    @property
    def text(self) -> str:
        return " ".join(l.text.strip() for l in self.lines)


Item = Box | Line  # a box, or a page break


def page_starts(raw: str) -> set[int]:
    """The numbers of the lines that open a page (with a form feed), which later passes no longer see."""
    return {no for no, line in enumerate(raw.split("\n"), start=1) if line.startswith("\f")}


def restore_reading_order(lines: list[Line], lang: Language, pages: set[int]) -> tuple[list[Line], list[Notice]]:
    """The lines with the boxes a box-by-box extraction set out of reading order put back;
    ``pages``: the lines that open a page (:func:`page_starts`)."""
    items = _boxes(lines, pages)
    notes: list[Notice] = []
    items = _join_title(_join_part_headings(items), lang)
    items = _join_wrapped_headings(items)
    items = _free_labels(_pair_number_runs(items))
    items = _number_boxes(items, notes)
    items = _move_detached_openers(items, lang)
    items = _tuck_fragments(items, lang, notes)
    for item in items:
        if isinstance(item, Box):
            _mark_box_lines(item, lang)
    return _lines(items), notes


def _mark_box_lines(box: Box, lang: Language) -> None:
    """pdfminer opens a box at every paragraph, so a line inside a box goes on its paragraph even
    when it opens like one ("Indigenous Peoples, …" after "agricultural producers,"); a number,
    label or closing line inside a box still opens its own."""
    for line in box.lines[1:]:
        text = line.text.strip()
        line.in_box = not (opens_structure(text) or meeting_line(text, lang) or lang.date_re.fullmatch(text.strip(" .")))


_PART_NUMBER = re.compile(r"[IVXL]{1,6}")


def _join_part_headings(items: list[Item]) -> list[Item]:
    """A part's number alone on a line ("II") and its heading under it, in the same box or the
    next, are printed as one line ("II Implementation of …"), as extractors that keep the lines
    together give them: a heading is capitalised, a few lines long, with no closing punctuation."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        item = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        if isinstance(item, Box) and _PART_NUMBER.fullmatch(item.lines[0].text.strip()):
            below = len(item.lines) == 1 and isinstance(nxt, Box) and len(nxt.lines) <= 4
            heading = nxt.lines if below else item.lines[1:]  # type: ignore[union-attr]
            text = " ".join(l.text.strip() for l in heading)
            if heading and text[:1].isupper() and not ending(text) and not opens_structure(text):
                out.append(Box([Line(item.lines[0].no, f"{item.lines[0].text.strip()} {text}")],
                               (nxt.after if below else item.after)))  # type: ignore[union-attr]
                k += 2 if below else 1
                continue
        out.append(item)
        k += 1
    return out


def _boxes(lines: list[Line], pages: set[int]) -> list[Item]:
    items: list[Item] = []
    current: list[Line] = []
    lead: list[Line] = []  # blank lines before the first box
    for line in lines:
        if line.no in pages and line.kind != "break":
            if current:
                items.append(Box(current))
                current = []
            items.append(Line(line.no, "", "break"))
        if line.kind == "text":
            current.append(line)
            continue
        if current:
            items.append(Box(current))
            current = []
        last = next((it for it in reversed(items) if isinstance(it, Box)), None)
        (last.after if last is not None else lead).append(line)
    if current:
        items.append(Box(current))
    return [*lead, *items]


def _lines(items: list[Item]) -> list[Line]:
    """The lines again, each box followed by the blank lines that followed it (the distances
    later passes measure, such as from a page number to its running header, stay as printed)."""
    out: list[Line] = []
    for item in items:
        if isinstance(item, Box):
            out += item.lines
            out += item.after or [Line(item.lines[-1].no, "", "blank")]
        elif item.kind != "break":
            out.append(item)
    return out


def _join_wrapped_headings(items: list[Item]) -> list[Item]:
    """A numbered heading ("II. Implementation of … for Landlocked") wrapped onto a second box
    ("Developing Countries for the Decade 2024–2034") right before the paragraph it heads: the
    first ends without punctuation, the second is a short line without any, and a numbered
    paragraph or item follows. One heading, printed as one line."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        item = items[k]
        nxt = items[k + 1] if k + 1 < len(items) else None
        after = items[k + 2] if k + 2 < len(items) else None
        if (isinstance(item, Box) and _NUMBERED_HEADING.match(item.text) and not ending(item.text)
                and _heading_box(nxt) and not _NUMBERED_HEADING.match(nxt.text)  # type: ignore[union-attr]
                and isinstance(after, Box) and opens_structure(after.lines[0].text.strip())):
            joined = Line(item.lines[0].no, f"{item.text} {nxt.text}")  # type: ignore[union-attr]
            out.append(Box([joined], nxt.after))  # type: ignore[union-attr]
            k += 2
            continue
        out.append(item)
        k += 1
    return out


_NUMBERED_HEADING = re.compile(r"^(?:[IVXL]{1,6}|[A-H])\.\s+[A-Z]")
_NUMBER_LINE = re.compile(r"^\s*\d{1,4}/\d{1,4}\.(?:\s|$)")


def _join_title(items: list[Item], lang: Language) -> list[Item]:
    """The resolution's title runs from its number ("80/13.") to the enacting formula; wrapped,
    it may come out as several boxes: they are one title, printed as one line."""
    start = next((k for k, it in enumerate(items) if isinstance(it, Box) and _NUMBER_LINE.match(it.lines[0].text)), None)
    if start is None:
        return items
    for end in range(start + 1, min(len(items), start + 8)):
        item = items[end]
        if not isinstance(item, Box):
            return items  # a page break: not the title's run
        if lang.match_formula(item.lines[0].text):
            title = [l for box in items[start:end] for l in box.lines]  # type: ignore[union-attr]
            if end - start == 1 or len(title) > 8:
                return items
            joined = Line(title[0].no, " ".join(l.text.strip() for l in title))
            return [*items[:start], Box([joined], items[end - 1].after), *items[end:]]  # type: ignore[union-attr]
    return items


_LABEL_ONLY = re.compile(r"^(?:(\d{1,3})\.|\(([a-z]{1,2})\))$")


def _label(item: Item) -> tuple[str, str] | None:
    """("para", "6") for a box holding only "6.", ("item", "b") for one holding only "(b)"."""
    if not isinstance(item, Box) or len(item.lines) != 1:
        return None
    m = _LABEL_ONLY.match(item.lines[0].text.strip())
    if m is None:
        return None
    return ("para", m.group(1)) if m.group(1) else ("item", m.group(2))


def _follows(a: tuple[str, str], b: tuple[str, str]) -> bool:
    if a[0] != b[0]:
        return False
    if a[0] == "para":
        return int(b[1]) == int(a[1]) + 1
    return len(a[1]) == len(b[1]) == 1 and ord(b[1]) == ord(a[1]) + 1


def _pair_number_runs(items: list[Item]) -> list[Item]:
    """Numbers set in a column of their own come out as a run of boxes ("6.", "7.") before the
    texts they number: each goes before the next box that opens a paragraph, in order — the
    first box after the run, then each box opening in capitals after one that ended a clause."""
    k = 0
    while k < len(items):
        run = [k]
        while run[-1] + 1 < len(items) and (a := _label(items[run[-1]])) and (b := _label(items[run[-1] + 1])) \
                and _follows(a, b):
            run.append(run[-1] + 1)
        if len(run) < 2:
            k += 1
            continue
        openers: list[int] = []
        j = run[-1] + 1
        previous: Box | None = None
        while j < len(items) and len(openers) < len(run):
            item = items[j]
            if not isinstance(item, Box) or _label(item) or opens_structure(item.text):
                break
            if previous is None or (item.text[:1].isupper() and ending(previous.text) in (".", ";", ":")):
                openers.append(j)
            previous = item
            j += 1
        if len(openers) < len(run):
            k = run[-1] + 1
            continue
        labels = {opener: items[n] for opener, n in zip(openers, run)}
        rebuilt = [*items[:k]]
        for n in range(run[-1] + 1, len(items)):
            if n in labels:
                rebuilt.append(labels[n])
            rebuilt.append(items[n])
        items = rebuilt
        k = openers[-1] + 1
    return items


def _free_labels(items: list[Item]) -> list[Item]:
    """Lower-case words between a paragraph's number and the box that opens its text in capitals
    ("8." / "to guide borrowing and" / "Acknowledges the role …"), in the number's box ("8." /
    "civil") or in boxes of their own: a piece cut out of that paragraph's line, not its opening;
    they go after the opening box, where cut-out pieces are looked for."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        item = items[k]
        if isinstance(item, Box) and _label(Box(item.lines[:1])) and all(_fragment(Box([l])) for l in item.lines[1:]):
            j = k + 1
            while j < len(items) and _fragment(items[j]):
                j += 1
            opening = items[j] if j < len(items) else None
            pieces = ([Box(item.lines[1:], item.after)] if len(item.lines) > 1 else []) + items[k + 1:j]
            if pieces and isinstance(opening, Box) and opening.text[:1].isupper() and not _label(opening):
                out += [Box(item.lines[:1], item.after if len(item.lines) == 1 else []), opening, *pieces]
                k = j + 1
                continue
        out.append(item)
        k += 1
    return out


def _number_boxes(items: list[Item], notes: list[Notice]) -> list[Item]:
    """Paragraph numbers out of their place, put back where the numbering shows them to belong:
    the next number printed inside the box of the paragraph it numbers ("Invites …," / "38." /
    "international"), or alone in a box without its full stop ("6", then "Also reaffirms …")."""
    last = 0
    rule = False  # a footnote rule since the last page break: numbers alone there are markers
    for k, item in enumerate(items):
        if not isinstance(item, Box):
            rule = False
            continue
        first = item.lines[0].text.strip()
        rule = rule or bool(RULE.match(first))
        m = PARA_NUM.match(first)
        if m:
            last = int(m.group(1))
            continue
        nxt = items[k + 1] if k + 1 < len(items) else None
        if (not rule and last and first == str(last + 1) and len(item.lines) == 1 and isinstance(nxt, Box)
                and nxt.text[:1].isupper() and ending(nxt.text) in (".", ";", ":")):
            item.lines[0] = Line(item.lines[0].no, f"{first}.")
            notes.append(Notice("number-repaired", f"paragraph number {first} is printed without its full stop",
                                item.lines[0].no))
            last += 1
            continue
        if not first[:1].isupper() or len(item.lines) < 2:
            continue
        inner = next((n for n, l in enumerate(item.lines[1:], 1) if l.text.strip() == f"{last + 1}."), None)
        if inner is not None:
            number = item.lines.pop(inner)
            item.lines[0] = Line(item.lines[0].no, f"{number.text.strip()} {first}")
            last += 1
    return items


def _fragment(item: Item) -> bool:
    """A box of a few words in lower case: a piece of a justified line the extractor cut out."""
    return (isinstance(item, Box) and len(item.lines) == 1 and (item.text[:1].islower() or item.text[:1] == "(")
            and not ITEM_NUM.match(item.text) and not more_words_than(item.text, 7)
            and ending(item.text) not in (".", ";", ":"))


def _lone_opener(item: Item, lang: Language) -> bool:
    """A box holding only a paragraph's opening verb phrase ("Stresses", "Also calls upon")."""
    if not (isinstance(item, Box) and len(item.lines) == 1):
        return False
    text = item.text
    plain = text.replace("-", "")  # "Re-emphasizes"
    return (text[:1].isupper() and text[1:2].islower() and not more_words_than(text, 3) and not ending(text)
            and initial_phrase(plain, lang) == plain)


def _move_detached_openers(items: list[Item], lang: Language) -> list[Item]:
    """"3." / "that" / "Stresses" / "the" / "implementation …": the words of a justified first
    line as boxes, its opening phrase among them; after a number (or a clause's end) the phrase
    goes first, the lower-case pieces after it in the order printed."""
    k = 1
    while k < len(items):
        before = items[k - 1]
        if (_label(before) or (isinstance(before, Box) and ending(before.text) in (",", ";", ".", ":"))
                or _after_running_header(items, k)):
            j = k
            while j < len(items) and j - k < 3 and _fragment(items[j]):
                j += 1
            after = items[j + 1] if j + 1 < len(items) else None
            if (j > k and j < len(items) and _lone_opener(items[j], lang)
                    and isinstance(after, Box) and after.text[:1].islower()):  # its text goes on after it
                items = [*items[:k], items[j], *items[k:j], *items[j + 1:]]
                k = j + 1
                continue
        k += 1
    return items


def _after_running_header(items: list[Item], k: int) -> bool:
    """Whether ``items[k]`` opens a page's text: after the page break, only the running header's
    symbol and title (one box each, in either order) precede it. The page break ended the previous
    page's line, so a detached opener here opens its paragraph as after a clause's end."""
    for n in (1, 2):
        head = items[k - n:k]
        if (k - n >= 1 and not isinstance(items[k - n - 1], Box)
                and all(isinstance(b, Box) and len(b.lines) == 1 and not ending(b.text) for b in head)
                and any(SYMBOL_LINE.match(b.text) for b in head)):  # type: ignore[union-attr]
            return True
    return False


def _tuck_fragments(items: list[Item], lang: Language, notes: list[Notice]) -> list[Item]:
    """Lower-case pieces of a justified line ("institutions, civil", "international") printed
    apart, between the end of one paragraph and the opening of the next (or a heading): they go
    back into whichever of the two has the line that lacks them (:func:`_gap`), so both keep their
    own opening and ending; their order within that line is lost, and said so."""
    lengths = sorted(len(l.text.strip()) for it in items if isinstance(it, Box) for l in it.lines)
    width = lengths[int(len(lengths) * 0.9)] if lengths else 0
    k = 1
    while k < len(items):
        prev = items[k - 1]
        # in the preamble (after a comma) the pieces may open with a capitalised word
        # ("Indigenous Peoples" / "in"); elsewhere that may be a heading
        start = k
        while start < len(items) and ending(prev.text if isinstance(prev, Box) else ".") == "," \
                and _capitalised_piece(items[start]):
            start += 1
        if not (isinstance(prev, Box) and start < len(items) and _fragment(items[start])):
            k += 1
            continue
        j = start
        while j < len(items) and (_fragment(items[j]) or _capitalised_piece(items[j])):
            j += 1  # a capitalised word among the pieces ("Indigenous") is one of them
        nxt = items[j] if j < len(items) else None
        ended = ending(prev.text) in (",", ";", ".", ":")
        if not (ended or (_heading_box(prev) and not looks_preambular(prev.text, lang)
                          and isinstance(nxt, Box) and PARA_NUM.match(nxt.text))):
            k = j + 1  # after an unfinished sentence, lower case goes on with it
            continue
        chains = []
        if ended:
            chains.append(_paragraph_boxes(items, k - 1))
        if isinstance(nxt, Box) and (PARA_NUM.match(nxt.text) or looks_preambular(nxt.text, lang)):
            chains.append(_following_boxes(items, j))
        if not chains or not (_page_end(nxt) or isinstance(nxt, Box) and (
                opens_structure(nxt.lines[0].text.strip()) or looks_preambular(nxt.text, lang)
                or _PART_NUMBER.fullmatch(nxt.text.split(" ", 1)[0]) or _heading_box(nxt))):
            k = j + 1
            continue
        pieces = [l for box in items[k:j] for l in box.lines]  # type: ignore[union-attr]
        missing = sum(len(l.text.strip()) + 1 for l in pieces)
        gaps = [gap for chain in chains if (gap := _gap(chain, missing, width))]
        if not gaps:
            k = j + 1
            continue
        _, box, n = max(gaps, key=lambda gap: gap[0])
        box.lines[n:n] = pieces
        notes.append(Notice("words-out-of-order",
                            f"the extraction printed words of a paragraph's line apart from it "
                            f"({' '.join(l.text.strip() for l in pieces)!r}); put back at the gap in that line, "
                            f"their order there not known", box.lines[0].no))
        items = [*items[:k], *items[j:]]
    return items


def _page_end(item: Item | None) -> bool:
    """The end of the page's text: the rule over its footnotes, its number, the page break."""
    if not isinstance(item, Box):
        return True
    first = item.lines[0].text.strip()
    return bool(RULE.match(first) or PAGE_NUMBER.match(first) or is_job_or_barcode(first))


def _capitalised_piece(item: Item) -> bool:
    """A box of a capitalised word or two without closing punctuation ("Indigenous", "Indigenous women,")."""
    return (isinstance(item, Box) and len(item.lines) == 1 and item.text[:1].isupper()
            and not more_words_than(item.text, 2) and ending(item.text) in ("", ",") and not opens_structure(item.text))


def _heading_box(item: Item) -> bool:
    """A box of one capitalised line of a few words with no closing punctuation: a heading."""
    return (isinstance(item, Box) and len(item.lines) == 1 and item.text[:1].isupper()
            and not ending(item.text) and not more_words_than(item.text, 12))


def _gap(chain: list[Box], missing: int, width: int) -> tuple[int, Box, int] | None:
    """Where cut-out pieces go back in a paragraph (its boxes), and how well they fit there: in
    the printed line that lacks them. A justified line cut into pieces comes out as a run of
    short lines, its last piece opening the box of the full lines below; the run whose pieces and
    the missing ones together come nearest a full line's width (without passing it by much) is
    that line, and they go before its last piece (after it, when the run is that one piece)."""
    rows = [(box, n) for box in chain for n in range(len(box.lines))]
    lengths = [len(box.lines[n].text.strip()) for box, n in rows]
    runs: list[list[int]] = []
    for r, length in enumerate(lengths[:-1]):  # never after the paragraph's last line
        if length < 0.6 * width:
            if runs and runs[-1][-1] == r - 1:
                runs[-1].append(r)
            else:
                runs.append([r])
    def filled(run: list[int]) -> int:
        total = sum(lengths[r] + 1 for r in run) + missing
        return total if total <= 1.15 * width else -total
    if not runs:
        return None
    best = max(runs, key=filled)
    box, n = rows[best[-1]] if len(best) > 1 else rows[best[0] + 1]
    if n == 0 and box is not chain[0]:  # at a box's start: at the end of the box before, so that
        box = chain[chain.index(box) - 1]  # no capitalised piece opens a box of its own
        n = len(box.lines)
    return filled(best), box, n


def _following_boxes(items: list[Item], first: int) -> list[Box]:
    """The boxes of the paragraph box ``first`` opens: it and the boxes after it that go on in
    lower case (not pieces cut out of a line, which may belong elsewhere)."""
    chain = [items[first]]
    k = first + 1
    while (k < len(items) and isinstance(items[k], Box) and items[k].text[:1].islower()  # type: ignore[union-attr]
           and not _fragment(items[k])):
        chain.append(items[k])
        k += 1
    return chain  # type: ignore[return-value]


def _paragraph_boxes(items: list[Item], last: int) -> list[Box]:
    """The boxes of the paragraph box ``last`` ends: it and the boxes before it on the page that
    it (or the one after them) goes on in lower case."""
    chain = [items[last]]
    k = last
    while k > 0 and isinstance(items[k - 1], Box) and chain[0].text[:1].islower():  # type: ignore[union-attr]
        k -= 1
        chain.insert(0, items[k])
    return chain  # type: ignore[return-value]
