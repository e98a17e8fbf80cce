"""Wording of the self-check per language, from content/<lang>/selfcheck.yaml (no Flask).

A text in the file is either one string (both roles) or a mapping {self: ..., helper: ...}.
Helper texts may say {person} / {Person}: "de persoon", or "de leerling" when the person is at
school, so a mentor doing the check with a pupil reads "Kan de leerling ...?".
"""

from functools import cache
from pathlib import Path

import yaml

CONTENT_DIR = Path(__file__).resolve().parent.parent.parent / "content"
LANGUAGES = ("nl", "en")


@cache
def load(lang: str) -> dict:
    if lang not in LANGUAGES:
        lang = "nl"
    with (CONTENT_DIR / lang / "selfcheck.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


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


def question_texts(question_id: str, lang: str, answers: dict, role: str | None = None) -> dict:
    """Everything a question page shows, for this role (defaults to the role answered)."""
    data = load(lang)
    q = data["questions"][question_id]
    role = role or answers.get("role") or "self"
    common = data.get("common_options", {})
    options = {**common, **q.get("options", {})}
    return {
        "question": resolve(q["question"], role, lang, answers),
        "hint": resolve(q.get("hint"), role, lang, answers),
        "why": resolve_list(q.get("why"), role, lang, answers),
        "examples": resolve_list(q.get("examples"), role, lang, answers),
        "short": resolve(q.get("short", q["question"]), role, lang, answers),
        "options": {value: resolve(label, role, lang, answers) for value, label in options.items()},
    }


def answer_sentence(question_id: str, value: str, lang: str, answers: dict, role: str | None = None) -> str:
    role = role or answers.get("role") or "self"
    sentences = load(lang)["questions"][question_id]["answers"]
    return resolve(sentences[value], role, lang, answers)


def outcome_texts(code: str, lang: str, answers: dict, role: str | None = None) -> dict:
    role = role or answers.get("role") or "self"
    data = load(lang)["outcomes"][code]
    return {
        "title": resolve(data["title"], role, lang, answers),
        "summary": resolve(data.get("summary"), role, lang, answers),
        "steps": resolve_list(data.get("steps"), role, lang, answers),
        "when": resolve_list(data.get("when"), role, lang, answers),
        "help": resolve_list(data.get("help"), role, lang, answers),
    }
