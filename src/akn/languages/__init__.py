"""Language knowledge as data: one table per language, so a new language is a table away.

A table says how a language prints the things the text reader looks for: the enacting formulas,
month names, meeting ordinals, masthead words and the words that open preambular and operative
paragraphs. Nothing in the reader is English-specific beyond what these tables hold.
"""
from __future__ import annotations

import re
from datetime import date
from dataclasses import dataclass, field
from functools import cached_property

from . import eng, fra, spa


@dataclass(frozen=True)
class Language:
    """Everything the text reader needs to know about one language."""

    code: str  # ISO 639-2 alpha-3
    name: str
    organs: dict[str, tuple[str, ...]]  # organ code -> how the text names it ("General Assembly")
    formulas: dict[str, tuple[str, ...]]  # organ code -> enacting formulas without the comma
    months: tuple[str, ...]  # January .. December, lower case
    masthead: dict[str, str]  # role -> regular expression of a masthead line
    closing: dict[str, str]  # "meeting", "adopted", "adopted_heading" -> regular expressions
    decision_opening: str  # regular expression of a decision's chapeau
    phrase_extenders: frozenset[str]  # words that continue an initial italic phrase
    preamble_openers: frozenset[str]  # first words of preambular paragraphs that do not end in -ing/-ed
    annex: str  # regular expression of an annex heading
    opener_suffixes: tuple[str, ...]  # endings of participles and adjectives that open preambles
    masthead_cuts: tuple[str, ...]  # where a reflowed masthead line holds the next printed line
    agenda_designation: str  # "Agenda item 25 (b)": what precedes the agenda title on its line
    date_of: str  # the word between a cited number and its date ("of", "du", "de")
    vote: str  # a stated vote, groups yes/no/abst ("by 10 votes to 1, with 4 abstentions")
    auxiliaries: frozenset[str]  # "Having", "Ayant": the initial phrase takes the next word too
    adverb_endings: tuple[str, ...] = ()  # "Deeply", "Profondément": an opening adverb takes the next word
    small_words: frozenset[str] = field(default_factory=frozenset)

    @cached_property
    def month_number(self) -> dict[str, int]:
        return {m: i + 1 for i, m in enumerate(self.months)}

    @cached_property
    def date_re(self) -> re.Pattern[str]:
        """A printed date: "16 December 2021", "16 décembre 2021", "16 de diciembre de 2021"."""
        months = "|".join(sorted(self.months, key=len, reverse=True))
        # the day opens with a plain digit so that the engine skips every position not at one;
        # "(?<!\w\d)" after it is the word boundary before it, "(?<=[0-3])\d" a second digit
        return re.compile(
            rf"(?P<day>\d(?<!\w\d)(?:(?<=[0-3])\d)?)(?:er|º|o)?\s+(?:de\s+)?(?P<month>{months})\s+(?:de\s+)?(?P<year>\d{{4}})\b",
            re.IGNORECASE,
        )

    def find_votes(self, text: str) -> list[tuple[int | None, int | None, int | None, str]]:
        """Every vote stated in ``text`` as (in favour, against, abstentions, the words)."""
        def figure(value: str) -> int:
            return int(value) if value.isdigit() else 0

        return [(figure(m.group("yes")), figure(m.group("no")), figure(m.group("abst")), m.group(0))
                for m in re.finditer(self.vote, text, re.IGNORECASE)]

    def parse_date(self, text: str) -> str | None:
        """The ISO form of the first date printed in ``text``, or None."""
        m = self.date_re.search(text)
        return self.iso_date(m) if m else None

    def iso_date(self, m: re.Match[str]) -> str | None:
        """The ISO form of a date :attr:`date_re` matched, or None for a day no calendar has."""
        month = self.month_number[m.group("month").lower()]
        try:  # "31 February", "0 December", year 0000: printed, but no day of the calendar
            return date(int(m.group("year")), month, int(m.group("day"))).isoformat()
        except ValueError:
            return None

    @cached_property
    def formula_re(self) -> re.Pattern[str]:
        alternatives = []
        for organ, forms in self.formulas.items():
            alt = "|".join(re.escape(f) for f in forms)
            alternatives.append(f"(?P<{organ}>{alt})")
        return re.compile(r"^\s*(?:" + "|".join(alternatives) + r")\s*[,:]?\s*$", re.IGNORECASE)

    def match_formula(self, line: str) -> str | None:
        """The organ code when ``line`` is an enacting formula of this language."""
        m = self.formula_re.match(line)
        if not m:
            return None
        return next(k for k, v in m.groupdict().items() if v)


LANGUAGES: dict[str, Language] = {
    t["code"]: Language(**t) for t in (eng.TABLE, fra.TABLE, spa.TABLE)
}

#: other spellings people pass for a language (YAML "EN", --lang en)
ALIASES = {"en": "eng", "fr": "fra", "fre": "fra", "es": "spa", "sp": "spa"}


def get_language(code: str) -> Language:
    """The table for a language code; a clear error for a language without a table."""
    key = ALIASES.get(code.strip().lower(), code.strip().lower())
    if key not in LANGUAGES:
        raise KeyError(
            f"unknown language {code!r}: tables exist for {', '.join(sorted(LANGUAGES))}"
        )
    return LANGUAGES[key]


def detect_language(lines: list[str]) -> Language | None:
    """The language whose enacting formula (or decision chapeau) appears in the text."""
    for line in lines:
        for table in LANGUAGES.values():
            if table.match_formula(line) or re.match(table.decision_opening, line.strip()):
                return table
    # a copy run together on long lines: the formula stands inside a line
    for table in LANGUAGES.values():
        forms = [f for fs in table.formulas.values() for f in fs]
        if any(f + "," in line for line in lines if len(line) > 500 for f in forms):
            return table
    return None
