"""Readable names for the codes on the figures page (the codes themselves stay in the CSV)."""

from flask_babel import lazy_gettext as _l

OUTCOMES = {
    "beschut_werk_likely": _l("Beschut werk is waarschijnlijk"),
    "uncertain": _l("Niet zeker: bespreek het"),
    "banenafspraak_likely": _l("Gewoon werk met steun (banenafspraak)"),
    "no_work_capacity_now": _l("Nu nog geen arbeidsvermogen"),
    "regular_work": _l("Gewoon werk"),
    "too_early": _l("Te vroeg: jonger dan 16"),
    "not_applicable": _l("Niet van toepassing: AOW-leeftijd"),
    "already_wsw": _l("Werkt al in de Wsw"),
    "has_positive_advice": _l("Heeft al een positief advies"),
    "wait_12_months": _l("Wachten: negatief advies zonder nieuwe feiten"),
}

ROLES = {"self": _l("Voor zichzelf"), "helper": _l("Als helper (ouder, mentor, begeleider)")}

LANGUAGES = {"nl": _l("Nederlands"), "en": _l("Engels")}

QUESTIONS = {
    "role": _l("Voor wie (rol)"),
    "age": _l("Leeftijd"),
    "situation": _l("Situatie nu"),
    "school_type": _l("Soort school"),
    "previous_advice": _l("Eerder advies van UWV"),
    "new_facts": _l("Iets veranderd sinds het advies"),
    "wsw_indication": _l("Wsw-indicatie van voor 2015"),
    "wsw_supported_work": _l("Begeleid werken volgens de Wsw-indicatie"),
    "can_do_task": _l("Een taak doen"),
    "basic_work_skills": _l("Basisvaardigheden voor werk"),
    "work_one_hour": _l("1 uur achter elkaar werken"),
    "work_four_hours": _l("4 uur per dag werken"),
    "needs_supervision": _l("Permanent toezicht nodig"),
    "needs_guidance": _l("Intensieve begeleiding nodig"),
    "needs_adaptations": _l("Aanpassingen van de werkplek nodig"),
    "regular_employer_possible": _l("Kan een gewone werkgever die hulp geven"),
    "earn_minimum_wage": _l("Het minimumloon verdienen"),
    "last_question": _l("Laatste vraag"),
}

REQUEST_DOCUMENTS = {
    "voorbereiding": _l("Voorbereiding van de aanvraag bij UWV"),
    "brief-gemeente": _l("Brief aan de gemeente"),
}


def label(mapping: dict, code: str) -> str:
    return str(mapping[code]) if code in mapping else code
