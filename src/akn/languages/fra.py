"""French."""
from __future__ import annotations

TABLE = dict(
    code="fra",
    name="français",
    organs={
        "GA": ("Assemblée générale",),
        "SC": ("Conseil de sécurité",),
        "ECOSOC": ("Conseil économique et social",),
        "HRC": ("Conseil des droits de l'homme", "Conseil des droits de l’homme"),
    },
    formulas={
        "GA": ("L'Assemblée générale", "L’Assemblée générale"),
        "SC": ("Le Conseil de sécurité",),
        "ECOSOC": ("Le Conseil économique et social",),
        "HRC": ("Le Conseil des droits de l'homme", "Le Conseil des droits de l’homme"),
    },
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"),
    masthead={
        "distribution": r"^Distr\.?\s*:?\s*(générale|limitée|restreinte)\b",
        "session": r"^[A-ZÉ][\w\-é]+\s+session\b|^\d+e\s+session\b|^Session\s+de\s+(?:19|20)\d\d\b",
        "agenda_item": r"^Points?\s+\d+\s+de\s+l.ordre\s+du\s+jour",
        "status": r"^\(?(?:Résolution|Décision)s?\s+adoptée?s?\s+par\b",
        "committee": r"^\[.*\]$",
        "adoption": r"^Adoptée?\s+(?:par|à)\b",
    },
    closing={
        "meeting": r"^\d+(?:e|re|ème)\s+séance(?:\s+plénière)?(?:\s+\(reprise\))?\b",
        "adopted": r"^Adoptée?\s+(?:par\s+le\s+[A-Z][\w ]+?\s+)?à\s+(?:sa\s+)?(?P<meeting>\d+e\s+séance(?:\s+plénière)?)",
        "heading": r"^Résolution\s+(?P<number>\d+\s*\(\d{4}\))(?:\s+du\s+(?P<date>.+?))?\s*$",
    },
    decision_opening=r"^À\s+sa\s+\d+e\s+séance(?:\s+plénière)?\b",
    phrase_extenders=frozenset(
        "également en outre aussi de nouveau vivement profondément gravement "
        "note acte compte considération avec satisfaction préoccupation regret".split()
    ),
    preamble_openers=frozenset(
        "consciente convaincue préoccupée profondément gravement alarmée notant guidée "
        "considérant rappelant réaffirmant reconnaissant soulignant accueillant saluant "
        "sachant résolue déterminée ayant tenant prenant exprimant".split()
    ),
    annex=r"^(?P<heading>Annexe(?:s)?(?:\s+(?:[IVXLC]+|\d{1,2})(?=\s|$))?)\.?(?:\s+(?P<title>\S.*))?$",
    opener_suffixes=("ant", "ée", "ées", "ue", "ues", "ente", "ment"),
    masthead_cuts=(r"\bDistr\.\s*:?", r"\b[A-ZÉ][\w\-]+\s+session\b", r"\bPoints?\s+\d", r"\b(?:A|S|E)/(?:RES|DEC)/\d"),
    agenda_designation=r"\bPoints?\s+\d+(?:\s?\([a-z]{1,3}\))?(?:(?:,|\s+et)\s+\d+(?:\s?\([a-z]{1,3}\))?)*\s+de\s+l.ordre\s+du\s+jour",
    date_of=r"\s+(?:du|en\s+date\s+du)\s+",
    adverb_endings=("ment",),
    auxiliaries=frozenset("ayant étant".split()),
    vote=r"\bpar\s+(?P<yes>\d+)\s+voix\s+contre\s+(?P<no>\d+|zéro)(?:\s*\([^()]*\))?(?:,\s*|\s+)(?:avec|et)\s+(?P<abst>\d+|aucune)\s+abstentions?",
    small_words=frozenset("de la le les des du et à en pour sur son sa ses par avec".split()),
)
