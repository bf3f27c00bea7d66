"""What validation returns: plain, picklable dataclasses (they cross process boundaries with ``-j``)."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..notices import Notice

#: rule ids of problems that mean the file could not be read as XML at all (exit code 2)
UNREADABLE = frozenset({"IO", "XML"})


@dataclass(frozen=True)
class Problem:
    """One validation problem: where it is, which rule of which level it breaks, what to do about it.

    ``severity`` is "error" or "warning" for the profile asked for; only errors make a document
    invalid. Fields are plain ``str``/``int`` so a problem pickles (lxml's error logs do not)."""

    line: int
    xpath: str
    message: str
    rule: str = "XSD"
    severity: str = "error"
    level: str = "xsd"  # "xsd", "akn4un" or "house" (see akn.validation.levels)

    @property
    def path(self) -> str:
        """The XPath under its older name."""
        return self.xpath

    @property
    def code(self) -> str:
        """The rule's id, as :class:`akn.Notice` names its kind: a program counts or filters by it."""
        return self.rule

    def to_notice(self) -> Notice:
        """This finding as the warning ``akn convert`` gives when its own output breaks a rule because
        of what the input says: the code is the rule's id; the line is the AKN's, so it is in the message."""
        return Notice(self.rule, f"line {self.line} of the AKN: `akn validate --profile house` will reject it: "
                                 f"{self.rule}: {self.message}")

    def __str__(self) -> str:
        return f"line {self.line}: {self.message} ({self.xpath})" if self.xpath else f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Report:
    """The problems of one document (``file`` names it, if it came from one), in document order."""

    file: str | None = None
    problems: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed)."""
        return not any(p.severity == "error" for p in self.problems)

    @property
    def valid(self) -> bool:
        return self.ok

    @property
    def unreadable(self) -> bool:
        """The file could not be read as XML (missing, not well-formed, refused by the safe parser)."""
        return any(p.rule in UNREADABLE for p in self.problems)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "warning")

    def by_code(self) -> dict[str, list[Problem]]:
        """The problems grouped by code (rule id), codes in the order they first occur, as
        :meth:`akn.Document.warnings_by_code` groups a reader's warnings."""
        grouped: dict[str, list[Problem]] = {}
        for p in self.problems:
            grouped.setdefault(p.code, []).append(p)
        return grouped


#: the older name of a report of one file
FileReport = Report
