"""Spanish."""
from __future__ import annotations

TABLE = dict(
    code="spa",
    name="español",
    organs={
        "GA": ("Asamblea General",),
        "SC": ("Consejo de Seguridad",),
        "ECOSOC": ("Consejo Económico y Social",),
        "HRC": ("Consejo de Derechos Humanos",),
    },
    formulas={
        "GA": ("La Asamblea General",),
        "SC": ("El Consejo de Seguridad",),
        "ECOSOC": ("El Consejo Económico y Social",),
        "HRC": ("El Consejo de Derechos Humanos",),
    },
    months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
            "septiembre", "octubre", "noviembre", "diciembre"),
    masthead={
        "distribution": r"^Distr\.?\s*:?\s*(general|limitada|reservada)\b",
        "session": r"^[A-ZÉ][\w\-áéíóú]+\s+período\s+de\s+sesiones\b|^Período\s+de\s+sesiones\s+de\s+(?:19|20)\d\d\b",
        "agenda_item": r"^Temas?\s+\d+\s+del\s+programa",
        "status": r"^\(?(?:Resolución|Decisión)\s+aprobada\s+por\b",
        "committee": r"^\[.*\]$",
        "adoption": r"^Aprobada\s+(?:por|en)\b",
    },
    closing={
        "meeting": r"^\d+(?:a|ª)\.?\s+sesión(?:\s+plenaria)?(?:\s+\((?:continuación|reanudada)\))?\b",
        "adopted": r"^Aprobada\s+(?:por\s+el\s+[A-Z][\w ]+?\s+)?en\s+(?:su\s+)?(?P<meeting>\d+(?:a|ª)\.?\s+sesión(?:\s+plenaria)?)",
        "heading": r"^Resolución\s+(?P<number>\d+\s*\(\d{4}\))(?:\s+de\s+(?P<date>.+?))?\s*$",
    },
    decision_opening=r"^En\s+su\s+\d+(?:a|ª)\.?\s+sesión(?:\s+plenaria)?\b",
    phrase_extenders=frozenset(
        "también además asimismo nuevamente profundamente gravemente firmemente "
        "nota cuenta consideración con reconocimiento preocupación satisfacción".split()
    ),
    preamble_openers=frozenset(
        "consciente convencida preocupada profundamente gravemente alarmada observando guiada "
        "considerando recordando reafirmando reconociendo destacando acogiendo subrayando "
        "teniendo tomando expresando habiendo decidida resuelta".split()
    ),
    annex=r"^(?P<heading>Anexo(?:s)?(?:\s+(?:[IVXLC]+|\d{1,2})(?=\s|$))?)\.?(?:\s+(?P<title>\S.*))?$",
    opener_suffixes=("ando", "iendo", "ada", "adas", "ida", "idas", "ente", "mente"),
    masthead_cuts=(r"\bDistr\.\s*:?", r"\b[A-Z][\w\-]+\s+período\s+de\s+sesiones\b", r"\bTemas?\s+\d", r"\b(?:A|S|E)/(?:RES|DEC)/\d"),
    agenda_designation=r"\bTemas?\s+\d+(?:\s?\([a-z]{1,3}\))?(?:(?:,|\s+y)\s+\d+(?:\s?\([a-z]{1,3}\))?)*\s+del\s+programa",
    date_of=r"\s+de\s+",
    adverb_endings=("mente",),
    auxiliaries=frozenset("habiendo siendo".split()),
    vote=r"\bpor\s+(?P<yes>\d+)\s+votos\s+contra\s+(?P<no>\d+|ninguno)(?:\s*\([^()]*\))?(?:,\s*|\s+)(?:y|con)\s+(?P<abst>\d+|ninguna)\s+abstenci(?:ón|ones)",
    small_words=frozenset("de la el los las del y a en para por con su sus".split()),
)
