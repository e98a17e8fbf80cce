"""Loading the readable case files in tests/selfcheck/cases/."""

from pathlib import Path

import yaml

CASES_DIR = Path(__file__).resolve().parent / "cases"


def load_cases() -> list[tuple[str, dict]]:
    cases = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        with path.open(encoding="utf-8") as handle:
            cases.append((path.stem, yaml.safe_load(handle)))
    return cases


# A complete walk of a PrO pupil who fills in the self-check alone (resume code and router tests).
PRO_PUPIL = {
    "role": "self",
    "age": "16_or_older",
    "situation": "school",
    "school_type": "pro",
    "previous_advice": "no",
    "can_do_task": "yes",
    "basic_work_skills": "yes",
    "work_one_hour": "yes",
    "work_four_hours": "yes",
    "needs_supervision": "yes",
    "needs_guidance": "no",
    "needs_adaptations": "yes",
    "regular_employer_possible": "no",
}


CASES = load_cases()
COMPLETE_CASES = [(name, case) for name, case in CASES if case["expected"]["complete"]]


def case_for_outcome(outcome: str) -> dict:
    """The first complete case file that reaches this outcome (for journeys)."""
    for _name, case in COMPLETE_CASES:
        if case["expected"]["outcome"] == outcome:
            return case
    raise LookupError(outcome)


def case_named(name: str) -> dict:
    return dict(CASES)[name]
