"""The questionnaire as data: question ids, options and when each question is asked.

The ids, option values and conditions are the contract of ../shared/spec/selfcheck.md.
Wording lives in content/<lang>/selfcheck.yaml (per role: `self` and `helper`).

A condition is plain data so that the JSON API can publish it:
- None: always asked;
- {"answer": question_id, "in": [values]}: that question is on the path and its answer is one of the values;
- {"all": [conditions]} / {"any": [conditions]}.
"""

from dataclasses import dataclass, field

DONT_KNOW = "dont_know"
YES_NO_DONT_KNOW = ("yes", "no", DONT_KNOW)

CAPACITY = ("can_do_task", "basic_work_skills", "work_one_hour", "work_four_hours")
NEEDS = ("needs_supervision", "needs_guidance", "needs_adaptations")


@dataclass(frozen=True)
class Question:
    id: str
    options: tuple[str, ...]
    asked_when: dict | None = None
    section: str = "situation"
    extra: dict = field(default_factory=dict)

    @property
    def has_dont_know(self) -> bool:
        return DONT_KNOW in self.options


def _in(question_id: str, *values: str) -> dict:
    return {"answer": question_id, "in": list(values)}


def _advice_open() -> dict:
    """No earlier advice that settles it: the questions after the advice go on."""
    return {"any": [_in("previous_advice", "no", DONT_KNOW), _in("new_facts", "yes", DONT_KNOW)]}


def _not_pro_or_vso() -> dict:
    # No Wsw-indicatie has been given since 1 January 2015, so nobody of PrO or VSO age can have
    # one: those pupils are not asked. Written without a "not" so the API's condition language
    # stays the same: previous_advice is only asked when situation is known and not wsw_job.
    return {
        "any": [
            _in("situation", "regular_job", "dagbesteding", "none"),
            _in("school_type", "entree", "other", DONT_KNOW),
        ]
    }


def _capacity_reached() -> dict:
    return {
        "any": [
            _in("wsw_indication", "no", DONT_KNOW),
            _in("wsw_supported_work", "possible", DONT_KNOW),
            {"all": [_advice_open(), _in("school_type", "pro", "vso")]},
        ]
    }


QUESTIONS: tuple[Question, ...] = (
    Question("role", ("self", "helper"), None, "start"),
    Question("age", ("under_16", "16_or_older", "aow_age"), None, "start"),
    Question("situation", ("school", "wsw_job", "regular_job", "dagbesteding", "none"), _in("age", "16_or_older")),
    Question("school_type", ("pro", "vso", "entree", "other", DONT_KNOW), _in("situation", "school")),
    Question(
        "previous_advice",
        ("no", "positive", "negative", DONT_KNOW),
        _in("situation", "school", "regular_job", "dagbesteding", "none"),
    ),
    Question("new_facts", YES_NO_DONT_KNOW, _in("previous_advice", "negative")),
    Question(
        "wsw_indication",
        YES_NO_DONT_KNOW,
        {"all": [_advice_open(), _not_pro_or_vso()]},
    ),
    Question("wsw_supported_work", ("possible", "not_possible", DONT_KNOW), _in("wsw_indication", "yes")),
    *(Question(q, YES_NO_DONT_KNOW, _capacity_reached(), "capacity") for q in CAPACITY),
    *(
        Question(q, YES_NO_DONT_KNOW, {"all": [_in(c, "yes", DONT_KNOW) for c in CAPACITY]}, "needs")
        for q in NEEDS
    ),
    Question(
        "regular_employer_possible",
        YES_NO_DONT_KNOW,
        {"any": [_in(n, "yes", DONT_KNOW) for n in NEEDS]},
        "needs",
    ),
    Question("earn_minimum_wage", YES_NO_DONT_KNOW, {"all": [_in(n, "no") for n in NEEDS]}, "needs"),
)

BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
ORDER: tuple[str, ...] = tuple(q.id for q in QUESTIONS)

OUTCOMES: tuple[str, ...] = (
    "beschut_werk_likely",
    "uncertain",
    "banenafspraak_likely",
    "no_work_capacity_now",
    "regular_work",
    "too_early",
    "not_applicable",
    "already_wsw",
    "has_positive_advice",
    "wait_12_months",
)


def question(question_id: str) -> Question:
    return BY_ID[question_id]


def is_valid_answer(question_id: str, value) -> bool:
    return question_id in BY_ID and isinstance(value, str) and value in BY_ID[question_id].options


# The parts of the check, in order, for "Deel 2 van 4": a total that never changes during a walk
# (the number of questions does, with the answers). Names per language in selfcheck.yaml.
SECTIONS: tuple[str, ...] = ("start", "situation", "capacity", "needs")


def section_number(question_id: str) -> int:
    """1-based place of the question's part among SECTIONS."""
    return SECTIONS.index(BY_ID[question_id].section) + 1


def walk_answers(answers: dict) -> tuple[list[str], dict[str, str], str | None]:
    """Follow the asked_when conditions: (path, answers on the path, first unanswered question or None).

    The path runs up to and including the first question without a valid answer. Part of the
    questionnaire data (not of the router), so the rules can find the answers that count
    without depending on the flow.
    """
    path: list[str] = []
    known: dict[str, str] = {}
    for q in QUESTIONS:
        if not condition_holds(q.asked_when, known):
            continue
        path.append(q.id)
        value = answers.get(q.id)
        if not is_valid_answer(q.id, value):
            return path, known, q.id
        known[q.id] = value
    return path, known, None


def condition_holds(condition: dict | None, known: dict[str, str]) -> bool:
    """Evaluate a routing condition against the answers on the path so far."""
    if condition is None:
        return True
    if "all" in condition:
        return all(condition_holds(c, known) for c in condition["all"])
    if "any" in condition:
        return any(condition_holds(c, known) for c in condition["any"])
    return known.get(condition["answer"]) in condition["in"]
