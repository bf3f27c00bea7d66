"""HTML writer: the model -> one HTML page that reads like the printed UN document.

The markup lives in Jinja templates (the repository's top-level ``templates/`` folder, shipped
inside the package as ``akn/templates``) so the page can be redesigned without touching Python.
This module only prepares what the templates need: eIds shared with the AKN writer (so
``res.html#para_25`` and ``eId="para_25"`` name the same paragraph), the masthead laid out in
the printed places, and the notes in reading order. Autoescaping is on: nothing from the text
can become markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import jinja2

from ..model import (
    DateRef, Event, Footnote, Inline, Italic, MastheadLine, Ref, Resolution, Section, Text, iter_footnotes,
    plain_text,
)
from ..naming import (
    ACTORS, Eids, WorkName, assign_eids, iri_number, language_tag, number_from_symbol, preambular_name,
)

#: masthead roles printed in the top band: left column (organ) and right column (symbol, distribution)
TOP_LEFT = ("other", "organ")
TOP_RIGHT = ("symbol", "distribution", "issue_date")
#: the blocks under the top band, in printed order; roles not listed go with "session"
BLOCKS = {"session": "session", "agenda_item": "session", "agenda_title": "session",
          "status": "status", "committee": "status", "adoption": "adoption", "heading": "heading"}

#: words the page itself prints, per language (eng is the fallback)
LABELS = {
    "eng": {"notes": "Notes", "note": "Note", "back": "Back to the text of note"},
    "fra": {"notes": "Notes", "note": "Note", "back": "Retour au texte de la note"},
    "spa": {"notes": "Notas", "note": "Nota", "back": "Volver al texto de la nota"},
}

#: hrefs a reference may carry as a link: AKN IRIs, in-page anchors and web addresses
_SAFE_HREF = re.compile(r"^(?:/(?!/)|#|https?://)", re.IGNORECASE)


def template_dir() -> Path:
    """Where the templates are: inside the installed package, else the source tree's ``templates/``."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


@cache
def environment() -> jinja2.Environment:
    """The Jinja environment: autoescaping everywhere, undefined names are errors."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_dir())),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    for name, kind in (("text", Text), ("italic", Italic), ("ref", Ref), ("dateref", DateRef),
                       ("event", Event), ("footnote", Footnote), ("section", Section)):
        env.tests[name] = lambda node, kind=kind: isinstance(node, kind)
    env.filters["safe_href"] = lambda href: href if _SAFE_HREF.match(href or "") else None
    env.filters["plain"] = plain_text
    env.filters["container_name"] = preambular_name
    return env


@dataclass
class Masthead:
    """Masthead lines placed as printed: the top band's two columns, then blocks of lines."""

    left: list[MastheadLine]
    right: list[MastheadLine]
    blocks: list[tuple[str, list[MastheadLine]]]  # (name, lines) in printed order
    heading_as_title: MastheadLine | None  # an SC "Resolution 502 (1982)" line when there is no title


def layout_masthead(res: Resolution) -> Masthead:
    """Group the printed lines; the symbol comes from the metadata when the text does not print it."""
    left = [line for line in res.masthead if line.role in TOP_LEFT]
    right = [line for line in res.masthead if line.role in TOP_RIGHT]
    if res.meta.symbol and not any(line.role == "symbol" for line in right):
        right.insert(0, MastheadLine("symbol", [Text(res.meta.symbol)]))
    heading = None if res.title else next((line for line in res.masthead if line.role == "heading"), None)
    blocks: list[tuple[str, list[MastheadLine]]] = []
    for line in res.masthead:
        if line.role in TOP_LEFT or line.role in TOP_RIGHT or line is heading:
            continue
        name = BLOCKS.get(line.role, "session")
        if blocks and blocks[-1][0] == name:
            blocks[-1][1].append(line)
        else:
            blocks.append((name, [line]))
    return Masthead(left, right, blocks, heading)


def notes_in_reading_order(res: Resolution, eids: Eids) -> list[Footnote]:
    """Every footnote that has an eId, in the order a reader meets its marker."""
    runs: list[list[Inline]] = [line.children for line in res.masthead]
    runs += [res.title, res.formula] + [p.children for p in res.preamble]

    def body_runs(parts) -> None:
        for part in parts:
            if isinstance(part, Section):
                runs.append(part.heading)
                body_runs(part.children)
            else:
                runs.append(part.children)
                item_runs(part.items)

    def item_runs(items) -> None:
        for item in items:
            runs.append(item.children)
            item_runs(item.items)

    body_runs(res.body)
    runs += res.closing
    for annex in res.annexes:
        runs.append(annex.title)
        body_runs(annex.body)
    return [note for run in runs for note in iter_footnotes(run) if eids.of(note)]


def expression_uri(res: Resolution) -> str | None:
    """The document's AKN Expression IRI, as the AKN writer names it; None when it cannot be named."""
    number = res.number or number_from_symbol(res.meta.symbol or "")
    if not (number and res.meta.adoption_date and res.meta.body in ACTORS):
        return None
    name = WorkName(ACTORS[res.meta.body][0], res.meta.adoption_date, iri_number(number))
    return name.expression(res.meta.language)


def page_title(res: Resolution) -> str:
    """The browser tab's title: symbol and title, whichever exist."""
    parts = [res.meta.symbol or res.number or "", plain_text(res.title).strip()]
    return ": ".join(p for p in parts if p) or res.meta.kind.capitalize()


def write_html(res: Resolution, css: str | None = None) -> str:
    """The resolution as one HTML page; styles inline unless ``css`` (a stylesheet URL) is given."""
    eids = assign_eids(res)
    template = environment().get_template("resolution.html.j2")
    html = template.render(
        res=res,
        eids=eids,
        masthead=layout_masthead(res),
        notes=notes_in_reading_order(res, eids),
        lang=language_tag(res.meta.language),
        labels=LABELS.get(res.meta.language, LABELS["eng"]),
        title=page_title(res),
        expression_uri=expression_uri(res),
        css_url=css,
    )
    return html if html.endswith("\n") else html + "\n"
