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
