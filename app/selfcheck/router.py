"""The router: where a person may go and where "Ga verder" leads (pure Python, no Flask).

Everything here reads the current walk (walk.py): the path, the first unanswered question and the
answers that count are computed once per set of answers.

- path(answers): the questions on the current path, in order, up to and including the first
  question that still needs an answer (or to the end when the check is complete);
- next_question(answers): that first unanswered question, or None when complete;
- previous_step(question_id, answers): where the back link of a question page goes;
- can_access(question_id, answers): may this question page be opened now? (no URL skipping);
- after_answer(question_id, answers, changing): where "Ga verder" leads.

Answers to questions that are not on the path are kept (so nothing is lost when a person goes
back and changes their mind) but they are never used: `on_path_answers()` drops them.
"""

from app.selfcheck.walk import Walk

CHECK_ANSWERS = "check_answers"


def _walk(answers) -> Walk:
    return answers if isinstance(answers, Walk) else Walk.of(answers)


def path(answers) -> list[str]:
    return list(_walk(answers).path)


def answered_path(answers) -> list[str]:
    """The questions on the path that have an answer."""
    return list(_walk(answers).counted)


def next_question(answers) -> str | None:
    return _walk(answers).next_question


def is_complete(answers) -> bool:
    """True when every question on the path has a valid answer."""
    return _walk(answers).complete


def on_path_answers(answers) -> dict[str, str]:
    """The answers that count: on the path and valid, in question order."""
    return dict(_walk(answers).counted)


def ignored_answers(answers) -> list[str]:
    """Question ids that were answered but are not on the path (in question order)."""
    return _walk(answers).ignored


def number(question_id: str, answers) -> int:
    """N in "Vraag N": the question's place on the current path (no total: it would change)."""
    return _walk(answers).number(question_id)


def can_access(question_id: str, answers) -> bool:
    """A question page may be opened when it is on the path (answered, or the next one)."""
    return _walk(answers).can_open(question_id)


def previous_step(question_id: str, answers) -> str | None:
    """The question before this one on the path; None for the first question (start page)."""
    return _walk(answers).previous(question_id)


def after_answer(question_id: str, answers, changing: bool = False) -> str:
    """Where "Ga verder" leads after answering question_id (answers include the new answer).

    Normal walk: the next question on the path, else check-answers.
    After a Change: the first later question whose answer is now missing, else check-answers.
    """
    walk = _walk(answers)
    missing = walk.next_question
    if changing:
        return missing or CHECK_ANSWERS
    if question_id in walk.path:
        index = walk.path.index(question_id)
        if index + 1 < len(walk.path):
            return walk.path[index + 1]
        return CHECK_ANSWERS if missing is None else missing
    return missing or CHECK_ANSWERS
