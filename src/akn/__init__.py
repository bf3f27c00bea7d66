"""akn: United Nations resolutions into Akoma Ntoso (AKN4UN), HTML and text.

    >>> import akn
    >>> xml = akn.convert(open("A_RES_76_187.md").read(), symbol=None)   # doctest: +SKIP
    >>> akn.validate(xml).ok                                              # doctest: +SKIP
    True

Heavy modules (lxml's schema, jinja2) load only when a function needs them.
"""
from __future__ import annotations

from .api import convert
from .errors import AknError, ConversionError, MetadataError, ValidationError



def validate(source, profile: str = "akn4un", *, strict: bool = False, max_xml_bytes: int | None = None):
    """Validate one AKN document (XML ``bytes``/``str``, or a file path) and return its report:
    ``report.ok``, ``report.problems`` (level, rule, line, xpath, message, severity). ``profile``
    ("xsd", "akn4un", "house") says how far levels are errors; the rest are warnings. See
    :func:`akn.validation.validate`."""
    from .validation import validate as run

    return run(source, profile, strict=strict, max_xml_bytes=max_xml_bytes)


__all__ = ["convert", "validate", "AknError", "ConversionError", "MetadataError", "ValidationError"]
__version__ = "0.1.0"
