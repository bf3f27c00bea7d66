"""The AKN4UN naming convention in one place: actors, FRBR IRIs, cited-document IRIs and eIds.

Profile decisions D2-D4 and D15 (see docs/profile.md). Readers use it to resolve citations,
writers to name what they write; neither needs to know the other.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: organ code -> (actor used in IRIs and as TLC end point, display name)
ACTORS: dict[str, tuple[str, str]] = {
    "GA": ("un-ga", "General Assembly"),
    "SC": ("un-sc", "Security Council"),
    "ECOSOC": ("un-ecosoc", "Economic and Social Council"),
    "HRC": ("un-hrc", "Human Rights Council"),
}
ACTOR_BODIES = {actor: body for body, (actor, _) in ACTORS.items()}

#: symbol prefix -> organ code
SYMBOL_ORGANS = {"A": "GA", "S": "SC", "E": "ECOSOC", "A/HRC": "HRC"}

#: the date part of a cited work's IRI when the citation prints no date (profile, D15)
UNDATED = "0000"


@dataclass(frozen=True)
class WorkName:
    """The parts of a Work IRI: /akn/un/statement/deliberation/{actor}/{date}/{number}."""

    actor: str
    date: str
    number: str  # already in IRI form: "76-187"

    @property
    def work(self) -> str:
        return f"/akn/un/statement/deliberation/{self.actor}/{self.date}/{self.number}"

    def expression(self, lang: str) -> str:
        return f"{self.work}/{lang}@"

    def manifestation(self, lang: str, fmt: str = "xml") -> str:
        return f"{self.expression(lang)}/.{fmt}"

    def this(self, level: str, lang: str, component: str = "main", fmt: str = "xml") -> str:
        """FRBRthis at a level ("work", "expression", "manifestation"): the IRI plus the component."""
        if level == "work":
            return f"{self.work}/!{component}"
        if level == "expression":
            return f"{self.expression(lang)}/!{component}"
        return f"{self.expression(lang)}/!{component}.{fmt}"


def iri_number(number: str) -> str:
    """The number as it stands in an IRI (D3): ``76/187`` -> ``76-187``; ``2208 (2015)`` -> ``2208``."""
    number = re.sub(r"\s*\(\d{4}\)$", "", number.strip())
    return number.replace("/", "-").replace(" ", "_")


def number_from_symbol(symbol: str) -> str | None:
    """The resolution number a symbol carries: A/RES/76/187 -> 76/187, S/RES/2208 (2015) -> 2208 (2015)."""
    m = re.match(r"^(?:A/HRC|A|S|E)/(?:RES|DEC)/(.+)$", symbol.strip())
    return m.group(1) if m else None


def organ_from_symbol(symbol: str) -> str | None:
    """The organ code a symbol names: ``A/RES/..`` -> GA, ``S/RES/..`` -> SC."""
    for prefix in sorted(SYMBOL_ORGANS, key=len, reverse=True):
        if symbol.startswith(prefix + "/"):
            return SYMBOL_ORGANS[prefix]
    return None


def kind_from_symbol(symbol: str) -> str | None:
    """``resolution`` or ``decision`` from the symbol's RES/DEC part."""
    if "/DEC/" in symbol:
        return "decision"
    if "/RES/" in symbol:
        return "resolution"
    return None


def symbol_from_filename(stem: str) -> str | None:
    """A symbol spelled in a file name: ``A_RES_80_7`` -> A/RES/80/7, ``S-RES-2208-2015`` -> S/RES/2208 (2015)."""
    parts = [p for p in re.split(r"[-_ .]+", stem) if p]
    upper = [p.upper() for p in parts]
    if upper[:2] == ["A", "HRC"] and len(parts) >= 5 and upper[2] in ("RES", "DEC"):
        return f"A/HRC/{upper[2]}/{parts[3]}/{parts[4]}"
    if len(parts) < 3 or upper[1] not in ("RES", "DEC") and upper[:2] != ["A", "HRC"]:
        return None
    if upper[0] == "S" and len(parts) >= 4 and re.fullmatch(r"\d+", parts[2]) and re.fullmatch(r"\d{4}", parts[3]):
        return f"S/{upper[1]}/{parts[2]} ({parts[3]})"
    if upper[0] in ("A", "E") and len(parts) >= 4 and all(re.fullmatch(r"\d+|[IVXLC]+", p) for p in parts[2:4]):
        return f"{upper[0]}/{upper[1]}/{parts[2]}/{parts[3]}"
    return None


def cited_resolution_iri(actor: str, number: str, date: str | None) -> str:
    """IRI of a cited resolution (D15); an undated citation uses :data:`UNDATED`, never a guess."""
    m = re.match(r"^(\d+)\s*\((\d{4})\)$", number.strip())
    if m and date is None:  # Security Council style: the year is printed with the number
        date = m.group(2)
    return f"/akn/un/statement/deliberation/{actor}/{date or UNDATED}/{iri_number(number)}"


def document_symbol_iri(symbol: str) -> str:
    """IRI for a cited document symbol such as A/76/463: a UN document of unknown date."""
    organ = organ_from_symbol(symbol)
    actor = ACTORS[organ][0] if organ else "un"
    return f"/akn/un/doc/document/{actor}/{UNDATED}/{iri_number(symbol)}"


# -------------------------------------------------------------------------------------- eIds


def eid_num(num: str) -> str:
    """The level number of an eId: final punctuation and brackets stripped, case kept ("7." -> "7")."""
    return re.sub(r"[^0-9A-Za-z\-]", "", num.replace(".", "-")).strip("-")


def lower_camel(phrase: str) -> str:
    """``Reaffirming also`` -> ``reaffirmingAlso``: the preambular container name (D8)."""
    words = re.findall(r"[^\W\d_]+", phrase)
    if not words:
        return "preambularParagraph"
    return words[0].lower() + "".join(w[:1].upper() + w[1:].lower() for w in words[1:])
