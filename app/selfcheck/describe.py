"""Answers and outcomes in words, for the result page, the API and the request document (no Flask)."""

from app.selfcheck import content, router
from app.selfcheck.questionnaire import ORDER


def answer_sentences(answers: dict, lang: str) -> list[str]:
    """The answers on the current path as plain sentences, in question order.

    `self`: first person ("Ik kan 1 uur achter elkaar werken."); `helper`: about the person
    ("De persoon kan ..."). Answers off the path are left out.
    """
    counted = router.on_path_answers(answers)
    return [content.answer_sentence(q, counted[q], lang, counted) for q in ORDER if q in counted]


def outcome_title(code: str, lang: str, role: str = "self", answers: dict | None = None) -> str:
    """The outcome in one plain sentence (raises KeyError for an unknown code)."""
    answers = answers or {"role": role}
    return content.outcome_texts(code, lang, answers, role=role)["title"]


def reason_texts(outcome, answers: dict, lang: str) -> list[dict]:
    counted = router.on_path_answers(answers)
    return [
        {"code": r.code, "text": content.answer_sentence(r.question, r.answer, lang, counted)}
        for r in outcome.reasons
    ]


def is_complete(answers: dict) -> bool:
    return router.is_complete(answers)
