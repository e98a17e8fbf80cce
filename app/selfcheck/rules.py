"""The outcome rules of the self-check, as pure Python (no Flask).

`evaluate(answers)` applies the rules of ../shared/spec/selfcheck.md in order; the first rule
that matches wins. Every outcome carries reasons: the answers that led there, each with a stable
code `<question_id>_<value>` (for example `work_one_hour_no`). The words for a reason are in
content/<lang>/selfcheck.yaml (see describe.py).

A missing answer never defaults: evaluating an incomplete check raises IncompleteAnswers.

Each rule carries the law it follows (`legal_basis`, the spec's table "The law behind each
outcome"); where no article decides a rule the list is empty. RULES_VERSION is the date on which
this rule set was last checked against those law texts.

This module depends on the questionnaire data only, never on the router: the flow (router.py,
walk.py) depends on the rules, not the other way round.
"""

from dataclasses import dataclass
from typing import NamedTuple

from app.selfcheck.questionnaire import CAPACITY, DONT_KNOW, NEEDS, walk_answers

# The day this rule set was last checked against the law texts below (ISO date).
RULES_VERSION = "2026-12-01"


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
class LegalBasis:
    """One article a rule follows: the law's title, the article as cited, and where to read it."""

    title: str
    article: str
    url: str

    def as_dict(self) -> dict:
        return {"title": self.title, "article": self.article, "url": self.url}


PARTICIPATIEWET = "Participatiewet"
PARTICIPATIEWET_URL = "https://wetten.overheid.nl/BWBR0015703/2025-02-04#Artikel10b"
BESLUIT = "Besluit advisering beschut werk"
BESLUIT_URL = "https://wetten.overheid.nl/BWBR0035947/2022-07-01#Artikel3"

NO_ARTICLE: tuple[LegalBasis, ...] = ()
POSITIVE_ADVICE = (LegalBasis(PARTICIPATIEWET, "artikel 10b lid 1", PARTICIPATIEWET_URL),)
WITHIN_12_MONTHS = (LegalBasis(BESLUIT, "artikel 3 lid 3 onder b en lid 6", BESLUIT_URL),)
WSW_INDICATION = (LegalBasis(BESLUIT, "artikel 3 lid 3 onder a, lid 4 en lid 5", BESLUIT_URL),)
WORK_CAPACITY = (LegalBasis(BESLUIT, "artikel 3 lid 1", BESLUIT_URL),)
NEEDS_CRITERIA = (LegalBasis(BESLUIT, "artikel 3 lid 1 onder a en b, en lid 2", BESLUIT_URL),)
ONLY_SHELTERED = (LegalBasis(PARTICIPATIEWET, "artikel 10b lid 1", PARTICIPATIEWET_URL),)


@dataclass(frozen=True)
class Outcome:
    code: str
    reasons: tuple[Reason, ...]
    rule: int
    legal_basis: tuple[LegalBasis, ...] = NO_ARTICLE

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


class Rule(NamedTuple):
    number: int  # the rule's number in the spec
    match: object  # answers on the path -> (outcome code, reasons) or None
    legal_basis: tuple[LegalBasis, ...]


RULES: tuple[Rule, ...] = (
    # 1 and 2: a product choice of this check (no article: "na school", not "the law says 16").
    Rule(1, _when("too_early", lambda a: a.get("age") == "under_16", "age"), NO_ARTICLE),
    Rule(2, _when("not_applicable", lambda a: a.get("age") == "aow_age", "age"), NO_ARTICLE),
    Rule(3, _when("already_wsw", lambda a: a.get("situation") == "wsw_job", "situation"), NO_ARTICLE),
    Rule(
        4,
        _when("has_positive_advice", lambda a: a.get("previous_advice") == "positive", "previous_advice"),
        POSITIVE_ADVICE,
    ),
    Rule(
        5,
        _when(
            "wait_12_months",
            lambda a: a.get("previous_advice") == "negative" and a.get("new_facts") == "no",
            "previous_advice",
            "new_facts",
        ),
        WITHIN_12_MONTHS,
    ),
    Rule(
        6,
        _when(
            "beschut_werk_likely",
            lambda a: a.get("wsw_indication") == "yes" and a.get("wsw_supported_work") == "not_possible",
            "wsw_indication",
            "wsw_supported_work",
        ),
        WSW_INDICATION,
    ),
    Rule(
        7,
        _when("no_work_capacity_now", lambda a: any(a.get(c) == "no" for c in CAPACITY), *CAPACITY, only=("no",)),
        WORK_CAPACITY,
    ),
    Rule(
        8,
        _when(
            "uncertain",
            lambda a: sum(a.get(c) == DONT_KNOW for c in CAPACITY) >= 2,
            *CAPACITY,
            only=(DONT_KNOW,),
        ),
        WORK_CAPACITY,
    ),
    Rule(9, _rule_9, NEEDS_CRITERIA),
    Rule(10, _needs_rule("banenafspraak_likely", "yes"), NEEDS_CRITERIA),
    Rule(11, _needs_rule("uncertain", DONT_KNOW), NEEDS_CRITERIA),
    Rule(
        12,
        _when(
            "uncertain",
            lambda a: not _needs_yes(a) and any(a.get(n) == DONT_KNOW for n in NEEDS),
            *NEEDS,
            only=(DONT_KNOW,),
        ),
        NEEDS_CRITERIA,
    ),
    Rule(13, _all_needs_no_rule("regular_work", "yes"), ONLY_SHELTERED),
    Rule(14, _all_needs_no_rule("banenafspraak_likely", "no"), ONLY_SHELTERED),
    Rule(15, _all_needs_no_rule("uncertain", DONT_KNOW), ONLY_SHELTERED),
)


def decide(counted: dict) -> Outcome:
    """The outcome for the answers on a complete path (the walk gives them; see evaluate())."""
    for rule in RULES:
        result = rule.match(counted)
        if result is not None:
            code, reasons = result
            return Outcome(code=code, reasons=reasons, rule=rule.number, legal_basis=rule.legal_basis)
    # Unreachable for a complete path: every complete path matches a rule (tests prove it).
    raise AssertionError("no rule matched a complete path")


def evaluate(answers: dict) -> Outcome:
    """The outcome for a complete check. Answers that are not on the path are ignored."""
    _path, counted, missing = walk_answers(answers)
    if missing is not None:
        raise IncompleteAnswers(missing)
    return decide(counted)
