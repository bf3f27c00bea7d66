"""HTML writer: the model -> one HTML page that reads like the printed UN document, or the
document's markup alone for a page of a publishing system to embed (a fragment).

The markup lives in Jinja templates (the repository's top-level ``templates/`` folder, shipped
inside the package as ``akn/templates``) so the page can be redesigned without touching Python.
This module only prepares what the templates need: eIds shared with the AKN writer (so
``res.html#para_25`` and ``eId="para_25"`` name the same paragraph), the masthead laid out in
the printed places, and the notes in reading order. Autoescaping is on: nothing from the text
can become markup. A caller's templates folder (or Jinja loader) stands before ours, so a template of
the same name replaces ours, and one that extends ``akn/<name>`` replaces only the blocks it
redefines. A link resolver says where each cited resolution or document links to.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Union
from urllib.parse import quote

import jinja2

from ..errors import ConversionError

from ..model import (
    DateRef, Event, Footnote, Italic, MastheadLine, Ref, Resolution, Section, Text, inline_runs, iter_footnotes,
    plain_text,
)
from ..naming import Eids, assign_eids, cited_name, language_tag, preambular_name, work_name

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

#: where a cited document links to: a URL template such as ``https://undocs.org/{symbol}`` (fields
#: iri, symbol, actor, date, number), or a function from the AKN IRI to a URL (None: no link)
LinkResolver = Union[str, Callable[[str], Union[str, None]]]
#: a templates folder, or any Jinja loader
Templates = Union[str, Path, jinja2.BaseLoader]

TEMPLATE_FIELDS = ("iri", "symbol", "actor", "date", "number")


def template_dir() -> Path:
    """Where the templates are: inside the installed package, else the source tree's ``templates/``."""
    packaged = Path(__file__).resolve().parent.parent / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "templates"


def environment(templates: Templates | None = None) -> jinja2.Environment:
    """The Jinja environment: autoescaping everywhere, undefined names are errors. ``templates``
    (a folder or a loader) stands before ours; ours stay reachable as ``akn/<name>``."""
    if templates is None:
        return _environment(None)
    if not isinstance(templates, jinja2.BaseLoader):
        folder = Path(templates)
        if not folder.is_dir():
            raise ConversionError(f"templates folder {folder} does not exist")
        templates = str(folder.resolve())
    return _environment(templates)


@lru_cache(maxsize=32)
def _environment(templates: str | jinja2.BaseLoader | None) -> jinja2.Environment:
    ours = jinja2.FileSystemLoader(str(template_dir()))
    loader: jinja2.BaseLoader = ours
    if templates is not None:
        theirs = jinja2.FileSystemLoader(templates) if isinstance(templates, str) else templates
        loader = jinja2.ChoiceLoader([theirs, jinja2.PrefixLoader({"akn": ours}), ours])
    env = jinja2.Environment(
        loader=loader,
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    for name, kind in (("text", Text), ("italic", Italic), ("ref", Ref), ("dateref", DateRef),
                       ("event", Event), ("footnote", Footnote), ("section", Section)):
        env.tests[name] = lambda node, kind=kind: isinstance(node, kind)
    env.filters["safe_href"] = safe_href
    env.filters["plain"] = plain_text
    env.filters["container_name"] = preambular_name
    return env


def safe_href(href: str | None) -> str | None:
    """``href`` if a page may link it (an AKN IRI, an anchor, a web address), else None."""
    return href if href and _SAFE_HREF.match(href) else None


def stylesheet() -> str:
    """The styles the whole page inlines, for a page that embeds fragments to serve itself."""
    return (template_dir() / "resolution.css").read_text(encoding="utf-8")


def link_resolver(link: LinkResolver | None) -> Callable[[Ref], str | None]:
    """The href of each reference: its AKN IRI (no resolver), a URL template filled in with the
    cited document's parts, or what a function makes of the IRI. A template needing a part the
    IRI lacks (an undated citation's date) gives no link; an unsafe result gives none either."""
    if link is None:
        return lambda ref: safe_href(ref.href)
    if callable(link):
        return lambda ref: safe_href(link(ref.href))
    check_link_template(link)

    def from_template(ref: Ref) -> str | None:
        name = cited_name(ref.href)
        if name is None:
            return safe_href(ref.href) if ref.href.startswith("#") else None
        symbol = name.symbol()
        fields = {"iri": ref.href, "actor": name.actor, "date": name.date, "number": name.number,
                  "symbol": quote(symbol, safe="/()") if symbol else None}
        try:
            url = link.format_map({k: v for k, v in fields.items() if v is not None})
        except KeyError:
            return None
        return safe_href(url)

    return from_template


def check_link_template(template: str) -> None:
    """Refuse a link template naming a field we do not fill in, or that is not a format string."""
    import string

    try:
        names = {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}
    except ValueError as e:
        raise ConversionError(f"link template {template!r} is not a valid template ({e})") from None
    unknown = sorted(n for n in names if n not in TEMPLATE_FIELDS)
    if unknown:
        raise ConversionError(f"link template {template!r} names {{{unknown[0]}}}; "
                              f"it can use {', '.join('{' + f + '}' for f in TEMPLATE_FIELDS)}")


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
    return [note for run in inline_runs(res) for note in iter_footnotes(run) if eids.of(note)]


def expression_uri(res: Resolution) -> str | None:
    """The document's AKN Expression IRI, as the AKN writer names it; None when it cannot be named."""
    name = work_name(res)
    return name.expression(res.meta.language) if name and res.meta.adoption_date else None


def page_title(res: Resolution) -> str:
    """The browser tab's title: symbol and title, whichever exist."""
    parts = [res.meta.symbol or res.number or "", plain_text(res.title).strip()]
    return ": ".join(p for p in parts if p) or res.meta.kind.capitalize()


def write_html(res: Resolution, css: str | None = None, *, fragment: bool = False,
               templates: Templates | None = None, link: LinkResolver | None = None) -> str:
    """The resolution as one HTML page, styles inline unless ``css`` (a stylesheet URL) is given;
    ``fragment`` gives the document's markup alone (``<article>``, no page and no styles, see
    :func:`stylesheet`). ``templates`` override ours; ``link`` says where references link to."""
    eids = assign_eids(res)
    env = environment(templates)
    resolve = link_resolver(link)
    try:
        template = env.get_template("document.html.j2" if fragment else "resolution.html.j2")
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
            link=resolve,
        )
    except jinja2.TemplateError as e:
        where = f"{e.filename or e.name}:{e.lineno}: " if getattr(e, "lineno", None) else ""
        raise ConversionError(f"HTML template error: {where}{e.message or e}") from None
    return html if html.endswith("\n") else html + "\n"
