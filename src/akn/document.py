"""One resolution read, as a publishing system uses it: its metadata as attributes, its warnings,
and every output format one method call away.

A :class:`Document` wraps the model (:mod:`akn.model`) a reader built; the metadata attributes
are derived from it each time they are read, so they always agree with what the writers write.
``to_json`` gives the metadata and the outline in the form ``docs/document.schema.json`` states.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AknError, ConversionError
from .model import (
    Footnote, Inline, Italic, MastheadLine, Paragraph, Ref, Resolution, Section, inline_runs, iter_footnotes,
    plain_text, walk_paragraphs,
)
from .naming import ACTORS, assign_eids, language_tag, preambular_name, work_name
from .notices import Notice

if TYPE_CHECKING:  # the reader and jinja2 load when a document is read or rendered, not on import
    from .readers.text import Dropped
    from .validation import Report
    from .writers.html import LinkResolver, Templates

#: the ``format`` field of :meth:`Document.to_json`, bumped when the schema changes incompatibly
JSON_FORMAT = "akn-document/1"


@dataclass
class Document:
    """A resolution or decision, read from any format ``akn`` reads.

    ``model`` is the document itself (:class:`akn.model.Resolution`); ``warnings`` what the
    reader guessed or repaired (:class:`akn.notices.Notice`); ``dropped`` the text it left out on
    purpose (page furniture, site text); ``source`` the file it came from, when known.
    """

    model: Resolution
    warnings: list[Notice] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    source: str | None = None

    # ------------------------------------------------------------------------ metadata

    @property
    def symbol(self) -> str | None:
        """The document symbol: ``A/RES/76/187``, ``S/RES/2208 (2015)``."""
        return self.model.meta.symbol

    @property
    def organ(self) -> str:
        """The adopting organ's code: ``GA``, ``SC``, ``ECOSOC`` or ``HRC``."""
        return self.model.meta.body

    @property
    def organ_name(self) -> str | None:
        """The adopting organ's name: ``General Assembly``."""
        return ACTORS[self.organ][1] if self.organ in ACTORS else None

    @property
    def kind(self) -> str:
        """``resolution`` or ``decision``."""
        return self.model.meta.kind

    @property
    def number(self) -> str | None:
        """The resolution number as printed before the title (``76/187``), else the symbol's."""
        from .naming import number_from_symbol

        return self.model.number or number_from_symbol(self.symbol or "")

    @property
    def title(self) -> str | None:
        """The title as plain text (footnotes left out); None when the text prints none."""
        return " ".join(plain_text(self.model.title).split()) or None

    @property
    def session(self) -> str | None:
        """The session line as printed: ``Seventy-sixth session``."""
        return next((self._line(line) for line in self.model.masthead if line.role == "session"), None)

    @property
    def session_number(self) -> str | None:
        """The session's number: ``76`` (an ECOSOC session, its year)."""
        from .writers.akn import session_number

        return session_number(self.session) if self.session else None

    @property
    def agenda_items(self) -> list[str]:
        """The agenda item numbers the masthead prints: ``["108"]``, ``["16", "119"]``."""
        found: list[str] = []
        for line in self.model.masthead:
            if line.role == "agenda_item":
                found += re.findall(r"\d+(?:\s*\([a-z]+\))?", self._line(line))
        return found

    @property
    def adoption_date(self) -> str | None:
        """The adoption date, ISO ``YYYY-MM-DD``."""
        return self.model.meta.adoption_date

    @property
    def issue_date(self) -> str | None:
        """The issue date printed under the symbol (``Distr.: General 11 January 2022``), ISO."""
        return self.model.meta.issue_date

    @property
    def language(self) -> str:
        """The language, ISO 639-2 alpha-3: ``eng``, ``fra``, ``spa``."""
        return self.model.meta.language

    @property
    def language_tag(self) -> str:
        """The language as an HTML ``lang`` / ``xml:lang`` tag: ``en``."""
        return language_tag(self.language)

    @property
    def work_iri(self) -> str | None:
        """The FRBR Work IRI: ``/akn/un/statement/deliberation/un-ga/2021-12-16/76-187``."""
        name = work_name(self.model)
        return name.work if name else None

    @property
    def expression_iri(self) -> str | None:
        """The FRBR Expression IRI: the Work IRI and ``/eng@``."""
        name = work_name(self.model)
        return name.expression(self.language) if name else None

    @property
    def manifestation_iri(self) -> str | None:
        """The FRBR Manifestation IRI of the AKN XML: the Expression IRI and ``/.xml``."""
        name = work_name(self.model)
        return name.manifestation(self.language) if name else None

    @property
    def preamble_count(self) -> int:
        """How many preambular paragraphs."""
        return len(self.model.preamble)

    @property
    def paragraph_count(self) -> int:
        """How many operative paragraphs (annexes not counted)."""
        return sum(1 for _ in walk_paragraphs(self.model.body))

    @property
    def footnote_count(self) -> int:
        """How many footnotes, annexes included."""
        return sum(1 for run in inline_runs(self.model) for _ in iter_footnotes(run))

    @property
    def annex_count(self) -> int:
        """How many annexes."""
        return len(self.model.annexes)

    @property
    def citations(self) -> list[str]:
        """The AKN IRIs of the resolutions and documents cited, each once, in reading order."""
        seen: dict[str, None] = {}

        def refs(run: list[Inline]) -> None:
            for node in run:
                if isinstance(node, Ref):
                    seen.setdefault(node.href)
                if isinstance(node, (Italic, Ref, Footnote)):
                    refs(node.children)

        for run in inline_runs(self.model):
            refs(run)
        return list(seen)

    def warnings_by_code(self) -> dict[str, list[Notice]]:
        """The warnings grouped by code, codes in the order they first occur."""
        grouped: dict[str, list[Notice]] = {}
        for w in self.warnings:
            grouped.setdefault(w.code, []).append(w)
        return grouped

    # ------------------------------------------------------------------------- outputs

    def to_akn(self, *, validate: bool = True) -> str:
        """The AKN 3.0 XML (AKN4UN profile); checked as ``akn validate --profile house`` checks
        (the OASIS schema, AKN4UN and house rules) unless ``validate`` is False, raising
        :class:`akn.ValidationError`. A rule the output breaks because of what the text says (a
        paragraph number missing) does not raise: :meth:`validate` reports it."""
        from .api import render

        return render(self.model, "akn", validate=validate)

    def validate(self, profile: str = "akn4un", *, strict: bool = False) -> Report:
        """The :class:`akn.Report` of this document's AKN (as :meth:`to_akn` writes it) at ``profile``
        ("xsd", "akn4un", "house"), as ``akn.validate(doc)`` gives it; findings carry a ``code``
        like the reader's :attr:`warnings`."""
        from .validation import validate

        return validate(self, profile, strict=strict)

    def to_html(self, *, fragment: bool = False, templates: Templates | None = None,
                link: LinkResolver | None = None, css: str | None = None) -> str:
        """HTML: a whole page (styles inline, or linked from the URL ``css``), or with ``fragment``
        the document's ``<article>`` alone, for a page of yours to embed (styles: :func:`akn.stylesheet`).

        ``templates`` is a folder (or a Jinja loader) whose templates replace ours of the same name,
        or extend ``akn/<name>`` to replace single blocks (docs/api.md). ``link`` says where
        references point: a URL template such as ``"https://undocs.org/{symbol}"`` (fields
        ``{iri}``, ``{symbol}``, ``{actor}``, ``{date}``, ``{number}``) or a function from the cited
        AKN IRI to a URL (or None for no link); without it a reference keeps its AKN IRI.
        """
        from .writers.html import write_html

        return write_html(self.model, css=css, fragment=fragment, templates=templates, link=link)

    def to_text(self) -> str:
        """The canonical editable text (docs/text-format.md); ``akn.read`` reads it back."""
        from .api import render

        return render(self.model, "text")

    def to_dict(self) -> dict[str, Any]:
        """The metadata, counts, outline and warnings as plain data (see :meth:`to_json`)."""
        return {
            "format": JSON_FORMAT,
            "source": self.source,
            "symbol": self.symbol,
            "organ": self.organ,
            "organ_name": self.organ_name,
            "kind": self.kind,
            "number": self.number,
            "title": self.title,
            "session": self.session,
            "session_number": self.session_number,
            "agenda_items": self.agenda_items,
            "adoption_date": self.adoption_date,
            "issue_date": self.issue_date,
            "language": self.language,
            "work_iri": self.work_iri,
            "expression_iri": self.expression_iri,
            "manifestation_iri": self.manifestation_iri,
            "counts": {"preamble": self.preamble_count, "paragraphs": self.paragraph_count,
                       "footnotes": self.footnote_count, "annexes": self.annex_count},
            "votes": [{"in_favour": v.in_favour, "against": v.against, "abstentions": v.abstentions,
                       "text": v.text} for v in self.model.votes],
            "citations": self.citations,
            "outline": self.outline(),
            "warnings": [{"code": w.code, "message": w.message, "line": w.line, "unit": w.unit}
                         for w in self.warnings],
        }

    def to_json(self, *, indent: int | None = 2) -> str:
        """:meth:`to_dict` as JSON, valid against ``docs/document.schema.json``; the same
        document always gives the same bytes."""
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent) + "\n"

    def outline(self) -> dict[str, Any]:
        """The document's parts with the eIds both the AKN and the HTML carry (``#para_7``):
        preambular paragraphs, operative sections and paragraphs, annexes."""
        eids = assign_eids(self.model)

        def parts(body) -> list[dict[str, Any]]:
            out: list[dict[str, Any]] = []
            for part in body:
                if isinstance(part, Section):
                    section = {"type": "section", "eid": eids.of(part), "num": part.num,
                               "heading": " ".join(plain_text(part.heading).split())}
                    if part.preamble:
                        section["preamble"] = preamble(part.preamble)
                    out.append({**section, "parts": parts(part.children)})
                elif isinstance(part, Paragraph):
                    paragraph = {"type": "paragraph", "eid": eids.of(part), "num": part.num, "items": len(part.items)}
                    if part.tables:
                        paragraph["tables"] = [eids.of(t) for t in part.tables]
                    out.append(paragraph)
            return out

        def preamble(paragraphs) -> list[dict[str, str]]:
            return [{"eid": eids.of(p), "name": preambular_name(p)} for p in paragraphs]

        return {
            "preamble": preamble(self.model.preamble),
            "body": parts(self.model.body),
            "annexes": [{"eid": eids.of(a), "heading": a.heading,
                         "title": " ".join(plain_text(a.title).split()) or None, "parts": parts(a.body)}
                        for a in self.model.annexes],
        }

    @staticmethod
    def _line(line: MastheadLine) -> str:
        return " ".join(plain_text(line.children).split())

    def __repr__(self) -> str:
        return f"<Document {self.symbol or '?'} {self.language} {self.adoption_date or '?'}: {self.title or ''}>"


def read(source: str | bytes | os.PathLike[str], *, filename: str | None = None, symbol: str | None = None,
         date: str | None = None, lang: str | None = None, max_xml_bytes: int | None = None) -> Document:
    """Read one resolution from its content: PDF bytes, extracted text, a saved web page, AKN XML,
    or the canonical text format. A path (``pathlib.Path``) is read as :func:`load` reads it.

    ``filename`` helps tell the format (``.xml``) and supplies a symbol spelled in it as a last
    resort; ``symbol``, ``date`` (ISO adoption date) and ``lang`` (eng, fra, spa…) supply what the
    text does not say, and win over what it prints (with a warning). ``max_xml_bytes`` raises the
    20 MB bound on AKN input for files you trust. Raises :class:`akn.ConversionError` (its
    subclass :class:`akn.MetadataError` when a symbol or date is missing) with the line or page.
    """
    if isinstance(source, os.PathLike):
        return load(source, symbol=symbol, date=date, lang=lang, max_xml_bytes=max_xml_bytes)
    from .api import read_any

    result = read_any(source, filename=filename, symbol=symbol, date=date, lang=lang, max_xml_bytes=max_xml_bytes)
    return Document(result.resolution, list(result.warnings), list(result.dropped), source=filename)


def load(path: str | os.PathLike[str], *, symbol: str | None = None, date: str | None = None,
         lang: str | None = None, max_xml_bytes: int | None = None) -> Document:
    """Read one resolution from a file, of any format :func:`read` reads; errors name the file."""
    name = os.fspath(path)
    try:
        data = Path(name).read_bytes()
    except OSError as e:
        raise ConversionError(f"cannot read the file ({e.strerror or e})", source=name) from None
    try:
        return read(data, filename=name, symbol=symbol, date=date, lang=lang, max_xml_bytes=max_xml_bytes)
    except AknError as e:
        if e.source is None:
            e.source = name
        raise
