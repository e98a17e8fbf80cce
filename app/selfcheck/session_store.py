"""The self-check answers, kept in the person's (signed) session cookie only.

Nothing identifying is stored on the server. The cookie is shared by /zelftest and /en/zelftest,
so switching language halfway keeps every answer.
"""

from flask import session

from app.selfcheck.questionnaire import is_valid_answer

KEY = "selfcheck"


def _state() -> dict:
    state = session.get(KEY)
    return state if isinstance(state, dict) else {}


def _save_state(state: dict) -> None:
    session[KEY] = state
    session.modified = True


def get_answers() -> dict[str, str]:
    """The current answers (only known question ids with valid values)."""
    answers = _state().get("answers")
    if not isinstance(answers, dict):
        return {}
    return {q: v for q, v in answers.items() if is_valid_answer(q, v)}


def save_answers(answers: dict[str, str]) -> None:
    state = _state()
    state["answers"] = {q: v for q, v in answers.items() if is_valid_answer(q, v)}
    _save_state(state)


def clear_answers() -> None:
    """"Opnieuw beginnen": forget the answers and the event bookkeeping of this check."""
    session.pop(KEY, None)
    session.modified = True


def get_flag(name: str) -> bool:
    return bool(_state().get("flags", {}).get(name))


def set_flag(name: str) -> None:
    state = _state()
    flags = dict(state.get("flags", {}))
    flags[name] = True
    state["flags"] = flags
    _save_state(state)


def seen_questions() -> set[str]:
    """Questions answered at least once in this check (for the anonymous question events)."""
    return set(_state().get("seen", []))


def mark_seen(question_id: str) -> None:
    state = _state()
    seen = list(state.get("seen", []))
    if question_id not in seen:
        seen.append(question_id)
    state["seen"] = seen
    _save_state(state)
