"""English."""
from __future__ import annotations

TABLE = dict(
    code="eng",
    name="English",
    organs={
        "GA": ("General Assembly",),
        "SC": ("Security Council",),
        "ECOSOC": ("Economic and Social Council",),
        "HRC": ("Human Rights Council",),
    },
    formulas={
        "GA": ("The General Assembly",),
        "SC": ("The Security Council",),
        "ECOSOC": ("The Economic and Social Council",),
        "HRC": ("The Human Rights Council",),
    },
    months=("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"),
    masthead={
        "distribution": r"^Distr\.?\s*:?\s*(General|Limited|Restricted)\b",
        "session": r"^(?:[A-Z][a-z]+(?:-[a-z]+)?|\d+(?:st|nd|rd|th)|(?:19|20)\d\d)\s+(?:special\s+|emergency\s+special\s+)?session\b",
        "agenda_item": r"^Agenda\s+items?\s+\d",
        "status": r"^\(?(?:Resolution|Decision)s?\s+adopted\s+by\s+the\b",
        "committee": r"^\[.*\]$",
        "adoption": r"^Adopted\s+(?:by|at)\b",
    },
    closing={
        "meeting": r"^\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?(?:plenary\s+)?meeting\b",
        "adopted": r"^Adopted\s+(?:by\s+the\s+[A-Z][\w ]+?\s+)?at\s+(?:its\s+|the\s+)?(?P<meeting>\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting)",
        "heading": r"^Resolution\s+(?P<number>\d+\s*\(\d{4}\))(?:\s+of\s+(?P<date>.+?))?\s*$",
    },
    decision_opening=r"^At\s+its\s+\d+(?:st|nd|rd|th)\s+(?:plenary\s+)?meeting\b",
    phrase_extenders=frozenset(
        "also further furthermore moreover again once strongly firmly deeply gravely seriously "
        "in mind note into account consideration with appreciation concern satisfaction regret "
        "deep grave profound alarm upon on".split()
    ),
    preamble_openers=frozenset(
        "aware mindful conscious convinced concerned deeply gravely seriously alarmed noting "
        "bearing guided cognizant desirous determined committed recognizing reaffirming "
        "acknowledging emphasizing stressing underlining affirming welcoming recalling "
        "considering believing expressing taking having further also fully ever still firmly".split()
    ),
    annex=r"^(?P<heading>Annex(?:es)?(?:\s+(?:[IVXLC]+|\d{1,2})(?=\s|$))?)\.?(?:\s+(?P<title>\S.*))?$",
    opener_suffixes=("ing", "ed", "ful", "ous", "ant", "ent"),
    masthead_cuts=(r"\bDistr\.\s*:?", r"\b[A-Z][a-z]+(?:-[a-z]+)?\s+(?:special\s+|emergency\s+special\s+)?session\b", r"\bAgenda items?\s+\d", r"\b(?:A|S|E)/(?:RES|DEC)/\d"),
    agenda_designation=r"\bAgenda items?\s+\d+(?:\s?\([a-z]{1,3}\))?(?:(?:,|\s+and)\s+\d+(?:\s?\([a-z]{1,3}\))?)*",
    date_of=r"\s+of\s+",
    adverb_endings=("ly",),
    auxiliaries=frozenset("having being".split()),
    vote=r"\bby\s+(?:a\s+recorded\s+vote\s+of\s+)?(?P<yes>\d+)(?:\s+votes)?\s+to\s+(?P<no>\d+|none)(?:\s*\([^()]*\))?(?:,\s*|\s+)(?:with|and)\s+(?P<abst>\d+|no)\s+abstentions?",
    small_words=frozenset("of the a an and to in for on its their by with at from".split()),
)
