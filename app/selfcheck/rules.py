"""The outcome rules of the self-check, as pure Python (no Flask).

`evaluate(answers)` applies the rules of ../shared/spec/selfcheck.md in order; the first rule
that matches wins. Every outcome carries reasons: the answers that led there, each with a stable
code `<question_id>_<value>` (for example `work_one_hour_no`). The words for a reason are in
content/<lang>/selfcheck.yaml (see describe.py).

A missing answer never defaults: evaluating an incomplete check raises IncompleteAnswers.
"""

from dataclasses import dataclass

from app.selfcheck import router
from app.selfcheck.questionnaire import CAPACITY, DONT_KNOW, NEEDS


class IncompleteAnswers(ValueError):
    """The answers do not yet reach the end of the path."""

    def __init__(self, next_question: str):
        super().__init__(f"no answer yet to {next_question}")
        self.next_question = next_question


@dataclass(frozen=True)
class Reason:
    question: str
    answer: str

    @property
    def code(self) -> str:
        return f"{self.question}_{self.answer}"


@dataclass(frozen=True)
class Outcome:
    code: str
    reasons: tuple[Reason, ...]
    rule: int

    @property
    def reason_codes(self) -> list[str]:
        return [r.code for r in self.reasons]


def _reasons(a: dict, *questions: str, only: tuple[str, ...] | None = None) -> tuple[Reason, ...]:
    return tuple(Reason(q, a[q]) for q in questions if q in a and (only is None or a[q] in only))


def _needs_yes(a):
    return any(a.get(n) == "yes" for n in NEEDS)


def _rule_9(a):
    if not (_needs_yes(a) and a.get("regular_employer_possible") == "no"):
        return None
    reasons = _reasons(a, *NEEDS, only=("yes",)) + _reasons(a, "regular_employer_possible")
    if a.get("wsw_supported_work") == "possible":
        return "uncertain", reasons + _reasons(a, "wsw_supported_work")
    return "beschut_werk_likely", reasons


def _needs_rule(outcome: str, employer_answer: str):
    def rule(a):
        if _needs_yes(a) and a.get("regular_employer_possible") == employer_answer:
            return outcome, _reasons(a, *NEEDS, only=("yes",)) + _reasons(a, "regular_employer_possible")
        return None

    return rule


def _all_needs_no_rule(outcome: str, wage_answer: str):
    def rule(a):
        if all(a.get(n) == "no" for n in NEEDS) and a.get("earn_minimum_wage") == wage_answer:
            return outcome, _reasons(a, *NEEDS) + _reasons(a, "earn_minimum_wage")
        return None

    return rule


def _when(outcome: str, test, *reason_questions: str, only=None):
    def rule(a):
        return (outcome, _reasons(a, *reason_questions, only=only)) if test(a) else None

    return rule


# (rule number from the spec, rule): a rule returns (outcome code, reasons) or None.
RULES = (
    (1, _when("too_early", lambda a: a.get("age") == "under_16", "age")),
    (2, _when("not_applicable", lambda a: a.get("age") == "aow_age", "age")),
    (3, _when("already_wsw", lambda a: a.get("situation") == "wsw_job", "situation")),
    (4, _when("has_positive_advice", lambda a: a.get("previous_advice") == "positive", "previous_advice")),
    (
        5,
        _when(
            "wait_12_months",
            lambda a: a.get("previous_advice") == "negative" and a.get("new_facts") == "no",
            "previous_advice",
            "new_facts",
        ),
    ),
    (
        6,
        _when(
            "beschut_werk_likely",
            lambda a: a.get("wsw_indication") == "yes" and a.get("wsw_supported_work") == "not_possible",
            "wsw_indication",
            "wsw_supported_work",
        ),
    ),
    (7, _when("no_work_capacity_now", lambda a: any(a.get(c) == "no" for c in CAPACITY), *CAPACITY, only=("no",))),
    (
        8,
        _when(
            "uncertain",
            lambda a: sum(a.get(c) == DONT_KNOW for c in CAPACITY) >= 2,
            *CAPACITY,
            only=(DONT_KNOW,),
        ),
    ),
    (9, _rule_9),
    (10, _needs_rule("banenafspraak_likely", "yes")),
    (11, _needs_rule("uncertain", DONT_KNOW)),
    (
        12,
        _when(
            "uncertain",
            lambda a: not _needs_yes(a) and any(a.get(n) == DONT_KNOW for n in NEEDS),
            *NEEDS,
            only=(DONT_KNOW,),
        ),
    ),
    (13, _all_needs_no_rule("regular_work", "yes")),
    (14, _all_needs_no_rule("banenafspraak_likely", "no")),
    (15, _all_needs_no_rule("uncertain", DONT_KNOW)),
)


def evaluate(answers: dict) -> Outcome:
    """The outcome for a complete check. Answers that are not on the path are ignored."""
    missing = router.next_question(answers)
    if missing is not None:
        raise IncompleteAnswers(missing)
    counted = router.on_path_answers(answers)
    for number, rule in RULES:
        result = rule(counted)
        if result is not None:
            code, reasons = result
            return Outcome(code=code, reasons=reasons, rule=number)
    # Unreachable for a complete path: every complete path matches a rule (tests prove it).
    raise AssertionError("no rule matched a complete path")
