"""The router: pure functions of the answers (no Flask).

- path(answers): the questions on the current path, in order, up to and including the first
  question that still needs an answer (or to the end when the check is complete);
- next_question(answers): that first unanswered question, or None when complete;
- previous_step(question_id, answers): where the back link of a question page goes;
- can_access(question_id, answers): may this question page be opened now? (no URL skipping);
- after_answer(question_id, answers, changing): where "Ga verder" leads.

Answers to questions that are not on the path are kept (so nothing is lost when a person goes
back and changes their mind) but they are never used: `on_path_answers()` drops them.
"""

from functools import lru_cache

from app.selfcheck.questionnaire import ORDER, QUESTIONS, condition_holds, is_valid_answer

CHECK_ANSWERS = "check_answers"

# Used only to estimate "Vraag N van M" for the questions not answered yet: the longest common
# route (someone who can work and needs help). It never decides anything.
PROJECTION = {
    "role": "self",
    "age": "16_or_older",
    "situation": "none",
    "previous_advice": "no",
    "new_facts": "yes",
    "wsw_indication": "no",
    "wsw_supported_work": "possible",
    "can_do_task": "yes",
    "basic_work_skills": "yes",
    "work_one_hour": "yes",
    "work_four_hours": "yes",
    "needs_supervision": "yes",
    "needs_guidance": "yes",
    "needs_adaptations": "yes",
    "regular_employer_possible": "no",
    "school_type": "pro",
    "earn_minimum_wage": "no",
}


def _walk(answers: dict, fill: dict | None = None) -> tuple[list[str], dict[str, str], str | None]:
    """Return (path, answers on the path, first unanswered question or None)."""
    path: list[str] = []
    known: dict[str, str] = {}
    for q in QUESTIONS:
        if not condition_holds(q.asked_when, known):
            continue
        path.append(q.id)
        value = answers.get(q.id)
        if not is_valid_answer(q.id, value):
            if fill is None:
                return path, known, q.id
            value = fill[q.id]
        known[q.id] = value
    return path, known, None


def path(answers: dict) -> list[str]:
    return _walk(answers)[0]


def answered_path(answers: dict) -> list[str]:
    """The questions on the path that have an answer."""
    return list(on_path_answers(answers))


def next_question(answers: dict) -> str | None:
    return _walk(answers)[2]


def is_complete(answers: dict) -> bool:
    """True when every question on the path has a valid answer."""
    return next_question(answers) is None


def on_path_answers(answers: dict) -> dict[str, str]:
    """The answers that count: on the path and valid, in question order."""
    return _walk(answers)[1]


def ignored_answers(answers: dict) -> list[str]:
    """Question ids that were answered but are not on the path (in question order)."""
    counted = on_path_answers(answers)
    return [q for q in ORDER if q in answers and q not in counted]


def projected_length(answers: dict) -> int:
    """M in "Vraag N van M": the path length if the missing answers follow the common route."""
    # Only valid answers count in the walk, so they are the whole key.
    return _projected_length(frozenset((q, v) for q, v in answers.items() if is_valid_answer(q, v)))


@lru_cache(maxsize=4096)
def _projected_length(valid_answers: frozenset) -> int:
    # Walking every question with the projection is most of the routing work on a question
    # page, and many people share the same answers so far: computed once per set of answers.
    return len(_walk(dict(valid_answers), fill=PROJECTION)[0])


# position(), can_access() and previous_step() take the path as `current` when the caller has
# it already: a question page needs all three, and walking the questions once is enough.


def position(question_id: str, answers: dict, current: list[str] | None = None) -> tuple[int, int]:
    """(N, M) for "Vraag N van M"."""
    current = path(answers) if current is None else current
    number = current.index(question_id) + 1 if question_id in current else len(current)
    return number, max(projected_length(answers), number)


def can_access(question_id: str, answers: dict, current: list[str] | None = None) -> bool:
    """A question page may be opened when it is on the path (answered, or the next one)."""
    return question_id in (path(answers) if current is None else current)


def previous_step(question_id: str, answers: dict, current: list[str] | None = None) -> str | None:
    """The question before this one on the path; None for the first question (start page)."""
    current = path(answers) if current is None else current
    if question_id not in current:
        return None
    index = current.index(question_id)
    return current[index - 1] if index > 0 else None


def after_answer(question_id: str, answers: dict, changing: bool = False) -> str:
    """Where "Ga verder" leads after answering question_id (answers include the new answer).

    Normal walk: the next question on the path, else check-answers.
    After a Change: the first later question whose answer is now missing, else check-answers.
    """
    missing = next_question(answers)
    if changing:
        return missing or CHECK_ANSWERS
    current = path(answers)
    if question_id in current:
        index = current.index(question_id)
        if index + 1 < len(current):
            return current[index + 1]
        return CHECK_ANSWERS if missing is None else missing
    return missing or CHECK_ANSWERS
