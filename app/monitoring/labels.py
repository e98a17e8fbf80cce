"""Readable names for the codes on the figures page (the codes themselves stay in the CSV).

Questions and outcomes are named by the self-check's own content files (content/<lang>/
selfcheck.yaml: a question's `short`, an outcome's `name`), so the figures use the same words as
the self-check and a new question or outcome needs no copy here.
"""

from flask_babel import lazy_gettext as _l

from app.selfcheck import content

ROLES = {"self": _l("Voor zichzelf"), "helper": _l("Als helper (ouder, mentor, begeleider)")}

LANGUAGES = {"nl": _l("Nederlands"), "en": _l("Engels")}

# Not a question: the figures count the last of two questions as one step.
STEPS = {"last_question": _l("Laatste vraag")}

REQUEST_DOCUMENTS = {
    "voorbereiding": _l("Voorbereiding van de aanvraag bij UWV"),
    "brief-gemeente": _l("Brief aan de gemeente"),
}


def label(mapping: dict, code: str) -> str:
    return str(mapping[code]) if code in mapping else code


def question_name(code: str, lang: str) -> str:
    """A question's short name in this language; a step that is no question by its own name."""
    if code in content.load(lang)["questions"]:
        return content.question_texts(code, lang, {}, role="self")["short"]
    return label(STEPS, code)


def outcome_name(code: str, lang: str) -> str:
    outcome = content.load(lang)["outcomes"].get(code)
    return outcome["name"] if outcome else code
