"""Wording of the self-check per language, from content/<lang>/selfcheck.yaml.

Read through the one content loader (app/content/loader.py: the CONTENT_DIR setting, and an
unknown language is an error). Works without an app too (the project's content/ then).

A text in the file is either one string (both roles) or a mapping {self: ..., helper: ...}.
Helper texts may say {person} / {Person}: "de persoon", or "de leerling" when the person is at
school, so a mentor doing the check with a pupil reads "Kan de leerling ...?".
"""

import re
from functools import lru_cache
from types import MappingProxyType

from app.content.loader import selfcheck_texts


def load(lang: str) -> dict:
    return selfcheck_texts(lang)[1]


def person_words(lang: str, answers: dict) -> tuple[str, str]:
    """("de persoon", "De persoon"), or the pupil form when the person is at school."""
    words = load(lang)["person"]
    word = words["school"] if answers.get("situation") == "school" else words["default"]
    return word, word[:1].upper() + word[1:]


def resolve(value, role: str | None, lang: str, answers: dict) -> str:
    """One text for this role, with {person}/{Person} filled in."""
    if isinstance(value, dict):
        value = value.get(role or "self", value.get("self"))
    if value is None:
        return ""
    text = str(value)
    if "{" in text:
        word, capital = person_words(lang, answers)
        text = text.replace("{person}", word).replace("{Person}", capital)
    return text


def resolve_list(values, role, lang, answers) -> list[str]:
    if isinstance(values, dict):
        values = values.get(role or "self", values.get("self"))
    return [resolve(v, role, lang, answers) for v in (values or [])]


def _texts_key(answers: dict, role: str | None) -> tuple[str, bool]:
    """What of the answers the wording depends on: the role and whether the person is at school."""
    return role or answers.get("role") or "self", answers.get("situation") == "school"


def question_texts(question_id: str, lang: str, answers: dict, role: str | None = None) -> MappingProxyType:
    """Everything a question page shows, for this role (defaults to the role answered).

    Read-only and shared: the wording depends on the answers only through the role and
    "at school", so it is built once per question, language, role and school (was a fifth of
    a question page's view) instead of on every request.
    """
    return _question_texts(selfcheck_texts(lang)[0], question_id, lang, *_texts_key(answers, role))


@lru_cache(maxsize=512)  # bounded: role comes from the API's query string as well
def _question_texts(_folder: str, question_id: str, lang: str, role: str, at_school: bool) -> MappingProxyType:
    answers = {"situation": "school"} if at_school else {}
    data = load(lang)
    q = data["questions"][question_id]
    common = data.get("common_options", {})
    options = {**common, **q.get("options", {})}
    return MappingProxyType({
        "question": resolve(q["question"], role, lang, answers),
        "hint": resolve(q.get("hint"), role, lang, answers),
        "why": tuple(resolve_list(q.get("why"), role, lang, answers)),
        "examples": tuple(resolve_list(q.get("examples"), role, lang, answers)),
        "short": resolve(q.get("short", q["question"]), role, lang, answers),
        "options": MappingProxyType({value: resolve(label, role, lang, answers) for value, label in options.items()}),
    })


def section_name(section: str, lang: str, role: str = "self") -> str:
    """The name of a part of the check ("Kunnen werken"), for "Deel 3 van 4: Kunnen werken"."""
    return resolve(load(lang)["sections"][section], role, lang, {})


def answer_sentence(question_id: str, value: str, lang: str, answers: dict, role: str | None = None) -> str:
    role = role or answers.get("role") or "self"
    sentences = load(lang)["questions"][question_id]["answers"]
    return resolve(sentences[value], role, lang, answers)


def outcome_texts(code: str, lang: str, answers: dict, role: str | None = None) -> MappingProxyType:
    """The result page's wording of an outcome; read-only and built once, like question_texts().

    Texts are Markdown with [[word]] marks (see outcome_words()); `primary` is the page's one main
    action ({"text", and one of "endpoint", "path" or "url"}); `anyway` what the page says about
    asking for advice anyway, `anyway_link` whether it links to preparing the request.
    """
    return _outcome_texts(selfcheck_texts(lang)[0], code, lang, *_texts_key(answers, role))


# Keyed by the content folder too, so an app with another CONTENT_DIR gets its own wording.
@lru_cache(maxsize=512)
def _outcome_texts(_folder: str, code: str, lang: str, role: str, at_school: bool) -> MappingProxyType:
    answers = {"situation": "school"} if at_school else {}
    data = load(lang)["outcomes"][code]
    primary = data["primary"]
    return MappingProxyType({
        "title": resolve(data["title"], role, lang, answers),
        "summary": resolve(data.get("summary"), role, lang, answers),
        "primary": MappingProxyType({
            "text": resolve(primary["text"], role, lang, answers),
            **{key: primary[key] for key in ("endpoint", "path", "url") if key in primary},
        }),
        "steps": tuple(resolve_list(data.get("steps"), role, lang, answers)),
        "when": tuple(resolve_list(data.get("when"), role, lang, answers)),
        "help": tuple(resolve_list(data.get("help"), role, lang, answers)),
        "anyway": resolve(data.get("anyway"), role, lang, answers),
        "anyway_link": bool(data.get("anyway_link")),
    })


def outcome_words(lang: str) -> dict[str, dict]:
    """The hard words a result may mark with [[id]]: id -> {"term", "text"} (neutral, for both roles)."""
    return load(lang)["words"]


_WORD = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]+\)")


def plain(text: str, lang: str) -> str:
    """A content text without its marks: [[id|shown]] -> shown, [text](url) -> text, *word* -> word.

    For the JSON API and for readability checks.
    """
    words = outcome_words(lang)
    text = _WORD.sub(lambda m: m.group(2) or words.get(m.group(1), {}).get("term", m.group(1)), text)
    text = _LINK.sub(r"\1", text)
    return re.sub(r"\*([^*]+)\*", r"\1", text)
