"""The exceptions the library raises; each carries where the problem is."""
from __future__ import annotations


class AknError(Exception):
    """Base of every error ``akn`` reports to a caller: a message and, when known, a line."""

    def __init__(self, message: str, line: int | None = None, source: str | None = None,
                 page: int | None = None):
        super().__init__(message)
        self.message = message
        self.line = line
        self.source = source
        self.page = page  # for a PDF, the page instead of a line

    def where(self) -> str:
        """``file:line: `` (or ``file: page N: ``) prefix for one-line error reports."""
        parts = [p for p in (self.source, str(self.line) if self.line else None) if p]
        prefix = ":".join(parts) + ": " if parts else ""
        return prefix + (f"page {self.page}: " if self.page else "")

    def __str__(self) -> str:
        return f"{self.where()}{self.message}"


class ConversionError(AknError):
    """The input cannot be read as a resolution (empty, binary, not a resolution, truncated)."""


class MetadataError(ConversionError):
    """Required metadata is missing from the text; the message names the option that supplies it."""


class ValidationError(AknError):
    """The output does not validate against the AKN schema or the AKN4UN profile rules."""

    def __init__(self, message: str, problems: list | None = None, line: int | None = None,
                 source: str | None = None):
        super().__init__(message, line=line, source=source)
        self.problems = problems or []
