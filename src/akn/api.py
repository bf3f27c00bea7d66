"""The library entry point publishing systems call: the same path as the command line."""
from __future__ import annotations

from pathlib import Path

from .errors import ConversionError, ValidationError
from .notices import Notice

#: output formats and the file extensions that select them
FORMATS = {"akn": (".xml", ".akn"), "html": (".html", ".htm"), "text": (".md", ".txt")}


def format_for_path(path: str | Path) -> str | None:
    """The output format an output file's extension asks for, if any."""
    suffix = Path(str(path)).suffix.lower()
    return next((fmt for fmt, exts in FORMATS.items() if suffix in exts), None)


def convert(text: str | bytes, to: str = "akn", *, validate: bool = True, filename: str | None = None,
            symbol: str | None = None, date: str | None = None, lang: str | None = None,
            warnings: list[Notice] | None = None, css: str | None = None, max_xml_bytes: int | None = None) -> str:
    """Convert one resolution given as its PDF (bytes), extracted text, a saved web page or AKN XML into ``to``
    ("akn", "html", "text").

    ``symbol``, ``date`` (ISO adoption date) and ``lang`` supply metadata the text lacks; ``css``
    is a stylesheet URL the HTML links instead of carrying its styles inline. ``max_xml_bytes``
    raises the 20 MB bound on AKN input (a bound on untrusted input) for files you trust.
    Warnings (:class:`akn.notices.Notice`) are appended to ``warnings`` when a list is given. Raises
    :class:`akn.errors.ConversionError` for input that is not a readable resolution and
    :class:`akn.errors.ValidationError` when the AKN produced does not validate.
    """
    if to not in FORMATS:
        raise ConversionError(f"unknown output format {to!r}: choose from {', '.join(FORMATS)}")
    result = read_any(text, filename=filename, symbol=symbol, date=date, lang=lang, max_xml_bytes=max_xml_bytes)
    if warnings is not None:
        warnings.extend(result.warnings)
    return render(result.resolution, to, validate=validate, css=css, notes=warnings)


def read_any(source: str | bytes, *, filename: str | None = None, symbol: str | None = None,
             date: str | None = None, lang: str | None = None, max_xml_bytes: int | None = None):
    """Read one resolution from any input format the library knows; returns a ``ReadResult``.

    The one place that picks a reader for an input, so the CLI, batches and the library agree:
    a PDF (content opening ``%PDF-``) goes to the PDF reader; AKN XML (a ``.xml``/``.akn`` name, or content whose first non-blank character is ``<``) goes to
    the AKN reader; a web page (``<!DOCTYPE html>``, ``<html>``) is turned into text first; anything
    else goes to the text reader. ``symbol``, ``date`` and ``lang`` only help
    the text reader; an AKN document states its own metadata. ``max_xml_bytes`` (default 20 MB)
    bounds AKN input.
    """
    from .readers.akn import MAX_BYTES, looks_like_xml, read_akn
    from .readers.html import html_to_text, looks_like_html
    from .readers.pdf.document import looks_like_pdf
    from .readers.text import read_text

    if looks_like_pdf(source):
        from .readers.pdf import read_pdf

        return read_pdf(bytes(source), filename=filename, symbol=symbol, date=date, lang=lang)
    named_xml = filename is not None and Path(str(filename)).suffix.lower() in FORMATS["akn"]
    if not named_xml and looks_like_html(source):  # a saved web page: its text is a web copy
        source = html_to_text(source)
    elif named_xml or looks_like_xml(source):
        return read_akn(source, max_xml_bytes or MAX_BYTES)
    return read_text(source, filename=filename, symbol=symbol, date=date, lang=lang)


def render(resolution, to: str, *, validate: bool = True, css: str | None = None, fragment: bool = False,
           templates: str | None = None, link: str | None = None, notes: list[Notice] | None = None) -> str:
    """A model rendered in a format; AKN output is validated (house profile) unless ``validate`` is False.

    HTML is one self-contained page, or one linking the stylesheet URL ``css``, or with
    ``fragment`` the document's markup alone; ``templates`` and ``link`` as for ``Document.to_html``.
    Validation findings that come from what the text says (numbering, markers, dates) are appended
    to ``notes`` as :class:`Notice` objects whose code is the rule's id.
    """
    if to == "akn":
        from .writers.akn import write_akn

        data = write_akn(resolution)
        if validate:  # the same check as `akn validate --profile house`
            from .validation import ABOUT_TEXT, validate_bytes

            errors = [p for p in validate_bytes(data, profile="house", trusted=True) if p.severity == "error"]
            # what the text itself says (a number missing, a date that disagrees) is the input's to fix:
            # the output is written, with a warning that validation will reject it; the rest is akn's bug
            if notes is not None:
                notes.extend(p.to_notice() for p in errors if p.rule in ABOUT_TEXT)
            problems = [p for p in errors if p.rule not in ABOUT_TEXT]
            if problems:
                raise ValidationError(
                    f"the AKN produced does not pass `akn validate --profile house` ({problems[0].rule}): "
                    f"{problems[0]}", problems=problems, line=problems[0].line,
                )
        return data.decode("utf-8")
    if to == "html":
        from .writers.html import write_html

        return write_html(resolution, css=css, fragment=fragment, templates=templates, link=link)
    if to == "text":
        from .writers.text import write_text

        return write_text(resolution)
    raise ConversionError(f"output format {to!r} is not available yet")
