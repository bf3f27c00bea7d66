"""akn: United Nations resolutions into Akoma Ntoso (AKN4UN), HTML and text.

    >>> import akn
    >>> xml = akn.convert(open("A_RES_76_187.md").read(), symbol=None)   # doctest: +SKIP

Heavy modules (lxml's schema, jinja2) load only when a function needs them.
"""
from __future__ import annotations

from .api import convert
from .errors import AknError, ConversionError, MetadataError, ValidationError

__all__ = ["convert", "AknError", "ConversionError", "MetadataError", "ValidationError"]
__version__ = "0.1.0"
