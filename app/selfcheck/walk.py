"""The current walk through the self-check as one value (no Flask).

`Walk.of(answers)` follows the questions once and, when the path is complete, applies the rules
once. A view builds it once per request and hands it to its template; everything on the page
(the question number, the back link, the summary, the outcome, its reasons and legal basis)
reads this value instead of walking the questions again.

Flow depends on rules: this module uses rules.decide(); the rules never import it.
"""

from dataclasses import dataclass
from types import MappingProxyType

from app.selfcheck.questionnaire import ORDER, SECTIONS, is_valid_answer, section_number, walk_answers
from app.selfcheck.rules import RULES_VERSION, IncompleteAnswers, Outcome, decide


@dataclass(frozen=True)
class Walk:
    answers: MappingProxyType  # every valid answer given, also those off the path (kept for a Change back)
    path: tuple[str, ...]  # up to and including the first question without an answer
    counted: MappingProxyType  # the answers that count: on the path, in question order
    next_question: str | None  # the first question on the path without an answer; None when complete
    outcome: Outcome | None  # only when complete

    rules_version = RULES_VERSION

    @classmethod
    def of(cls, answers: dict) -> "Walk":
        valid = {q: v for q, v in answers.items() if is_valid_answer(q, v)}
        path, counted, missing = walk_answers(valid)
        outcome = decide(counted) if missing is None else None
        return cls(MappingProxyType(valid), tuple(path), MappingProxyType(counted), missing, outcome)

    @property
    def complete(self) -> bool:
        return self.next_question is None

    @property
    def role(self) -> str:
        return self.counted.get("role", "self")

    @property
    def at_school(self) -> bool:
        return self.counted.get("situation") == "school"

    @property
    def ignored(self) -> list[str]:
        """Question ids that were answered but are not on the path (in question order)."""
        return [q for q in ORDER if q in self.answers and q not in self.counted]

    def require_outcome(self) -> Outcome:
        if self.outcome is None:
            raise IncompleteAnswers(self.next_question)
        return self.outcome

    def number(self, question_id: str) -> int:
        """N in "Vraag N": the question's place on the current path."""
        return self.path.index(question_id) + 1 if question_id in self.path else len(self.path)

    @staticmethod
    def part(question_id: str) -> tuple[int, int]:
        """("Deel 2 van 4"): the part of the check the question is in, and the fixed number of parts."""
        return section_number(question_id), len(SECTIONS)

    def can_open(self, question_id: str) -> bool:
        """A question page may be opened when it is on the path (answered, or the next one)."""
        return question_id in self.path

    def previous(self, question_id: str) -> str | None:
        """The question before this one on the path; None for the first question (start page)."""
        if question_id not in self.path:
            return None
        index = self.path.index(question_id)
        return self.path[index - 1] if index > 0 else None


def evaluate(answers: dict) -> Outcome:
    """The outcome of a complete check (raises IncompleteAnswers otherwise)."""
    return Walk.of(answers).require_outcome()
