"""akn: United Nations resolutions into Akoma Ntoso (AKN4UN), HTML and text.

    >>> import akn
    >>> doc = akn.load("A_RES_76_187.md")                      # doctest: +SKIP
    >>> doc.symbol, doc.adoption_date, doc.paragraph_count     # doctest: +SKIP
    ('A/RES/76/187', '2021-12-16', 30)
    >>> html = doc.to_html(fragment=True, link="https://undocs.org/{symbol}")   # doctest: +SKIP
    >>> akn.validate(doc).ok                                   # doctest: +SKIP
    True

``read`` and ``load`` give a :class:`Document` (metadata as attributes, ``warnings`` as
:class:`Notice` objects, ``to_akn``/``to_html``/``to_text``/``to_json``); ``convert`` is the
one-call shortcut; ``validate`` checks a document (a :class:`Document`, AKN XML or a file) and
returns a :class:`Report`. See docs/api.md. Names load when first used, so ``import akn`` stays light.
"""
from importlib import import_module as _import_module

__version__ = "0.1.0"

#: public name -> the module that defines it
_EXPORTS = {
    "read": "document",
    "load": "document",
    "Document": "document",
    "convert": "api",
    "Notice": "notices",
    "validate": "validation",
    "Report": "validation",
    "stylesheet": "writers.html",
    "AknError": "errors",
    "ConversionError": "errors",
    "MetadataError": "errors",
    "ValidationError": "errors",
}

__all__ = list(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'akn' has no attribute {name!r}")
    value = getattr(_import_module(f".{module}", __name__), name)
    globals()[name] = value  # found once, then an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])
