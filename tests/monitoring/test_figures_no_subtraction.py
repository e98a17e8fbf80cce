"""Issue 14 point 9: no hidden count on the figures page or in the CSV can be worked out by
subtraction. Months of data with small counts; for every month every group of cells that adds up
to a total (languages, roles, outcomes, stop points) is read from the page and from the CSV as a
visitor sees it, and every subtraction is tried: a group with exactly one unknown cell gives it."""

import random

import pytest

from app.monitoring import figures, labels
from app.selfcheck.questionnaire import OUTCOMES
from app.storage.db import session
from app.storage.events import (
    SELFCHECK_FINISHED,
    SELFCHECK_OUTCOME,
    SELFCHECK_QUESTION,
    SELFCHECK_ROLE,
    SELFCHECK_STARTED,
)
from app.storage.models import MonthlyTotal
from tests.monitoring.helpers import csv_of
from tests.support.html import parse, text_of

pytestmark = pytest.mark.database
MONTHS = [f"2025-{number:02d}" for number in range(1, 9)]
CAPTIONS = {
    "language": "Zelftests gestart en afgerond, per taal",
    "roles": "Voor wie de zelftest werd gedaan",
    "outcomes": "Uitkomsten van afgeronde zelftests",
    "stops": "Hoeveel zelftests elke stap beantwoordden",
}


def month_of_data(rng: random.Random) -> dict[tuple[str, str], int]:
    """One month that adds up as real use does, with many counts just below and above 10."""
    by_language = {"nl": rng.randint(8, 40), "en": rng.randint(0, 14)}
    started = sum(by_language.values())
    helpers = rng.randint(0, min(started, 14))
    events = {(SELFCHECK_STARTED, lang): n for lang, n in by_language.items()}
    events[(SELFCHECK_ROLE, "self")], events[(SELFCHECK_ROLE, "helper")] = started - helpers, helpers
    remaining = started
    for step in figures.SPINE[:-1]:
        events[(SELFCHECK_QUESTION, step)] = remaining
        remaining -= min(remaining, rng.choice([0, 0, 1, 2, 3, 9, 11]))
    first = rng.randint(0, remaining)
    events[(SELFCHECK_QUESTION, figures.LAST_QUESTIONS[0])] = first
    events[(SELFCHECK_QUESTION, figures.LAST_QUESTIONS[1])] = remaining - first
    finished = {lang: min(n, rng.randint(0, n)) for lang, n in by_language.items()}
    total = sum(finished.values())
    for lang, n in finished.items():
        events[(SELFCHECK_FINISHED, lang)] = n
    for code in OUTCOMES[:-1]:
        n = rng.randint(0, total)
        events[(SELFCHECK_OUTCOME, code)] = n
        total -= n
    events[(SELFCHECK_OUTCOME, OUTCOMES[-1])] = total
    return {key: n for key, n in events.items() if n}


def number(text: str | None) -> int | None:
    """A cell as a visitor reads it: its number, or None when it is not shown."""
    return int(text.replace(".", "")) if text and text.replace(".", "").isdigit() else None


def tables(html: str) -> dict[tuple[str, str], list[str]]:
    """{(caption, row label): the row's other cells} of every table on the page."""
    found = {}
    for table in parse(html).iter("table"):
        caption = table.find("caption")
        for row in table.iter("tr"):
            cells = [text_of(cell) for cell in row if cell.tag in ("th", "td")]
            if caption is not None and cells:
                found[(text_of(caption), cells[0])] = cells[1:]
    return found


def page_groups(html: str) -> list[tuple[int | None, list[int | None]]]:
    """(total, parts) as the page shows them, for every group that adds up."""
    rows = tables(html)

    def cell(caption, label, column=0):
        return number(rows[(CAPTIONS[caption], label)][column])

    def label(mapping, code):
        return str(mapping[code])

    languages = [label(labels.LANGUAGES, code) for code in figures.LANGUAGES]
    groups = [(cell("language", "Totaal", column), [cell("language", name, column) for name in languages])
              for column in (0, 1)]
    roles = [cell("roles", label(labels.ROLES, code)) for code in figures.ROLES]
    groups.append((cell("language", "Totaal", 0), roles))
    outcomes = [cell("outcomes", labels.outcome_name(code, "nl")) for code in OUTCOMES]
    groups.append((cell("language", "Totaal", 1), outcomes))
    steps = [labels.question_name(step, "nl") for step in figures.SPINE]
    groups.append((cell("stops", steps[0]), [cell("language", "Totaal", 0)]))  # role is answered by all
    for step, following in zip(steps, steps[1:], strict=False):
        groups.append((cell("stops", step), [cell("stops", following), cell("stops", step, 1)]))
    return groups


def csv_groups(values: dict[str, int]) -> list[tuple[int | None, list[int | None]]]:
    def parts(prefix, codes):
        return [values.get(f"{prefix}:{code}") for code in codes]

    groups = [
        (values.get("started"), parts("started", figures.LANGUAGES)),
        (values.get("finished"), parts("finished", figures.LANGUAGES)),
        (values.get("started"), parts("role", figures.ROLES)),
        (values.get("answered:role"), parts("role", figures.ROLES)),
        (values.get("started"), [values.get("answered:role")]),
        (values.get("finished"), parts("outcome", OUTCOMES)),
    ]
    spine = figures.SPINE[:-1]
    for step, following in zip(spine, spine[1:], strict=False):
        groups.append((values.get(f"answered:{step}"),
                       [values.get(f"answered:{following}"), values.get(f"stopped_after:{step}")]))
    last = [values.get(f"answered:{q}") for q in figures.LAST_QUESTIONS]
    groups.append((values.get(f"answered:{spine[-1]}"), [*last, values.get(f"stopped_after:{spine[-1]}")]))
    return groups


def recoverable(groups) -> list[tuple[int | None, list[int | None]]]:
    """The groups where one subtraction (or sum) gives a hidden cell: exactly one is unknown."""
    return [(total, parts) for total, parts in groups if [total, *parts].count(None) == 1]


def test_no_hidden_count_can_be_worked_out_by_subtraction(app, client):
    rng = random.Random(14)
    primary_leaks = 0
    truth = {}
    with app.app_context():
        db = session()
        for month in MONTHS:
            events = month_of_data(rng)
            db.add_all(MonthlyTotal(month=month, name=name, value=value, count=count)
                       for (name, value), count in events.items())
            truth[month] = figures.month_measures(events)
        db.commit()
    for measures in truth.values():
        # Without the secondary cells (counts below 10 only) these months would leak.
        small_only = {name: (value if value >= figures.THRESHOLD else None) for name, value in measures.items()}
        primary_leaks += len(recoverable(csv_groups({k: v for k, v in small_only.items() if v is not None})))

    rows = csv_of(client)[1:]
    for month in MONTHS:
        published = {measure: int(value) for each, measure, value in rows if each == month}
        assert published, f"{month}: nothing in the CSV"
        leaks = recoverable(csv_groups(published))
        assert not leaks, f"CSV {month}: a hidden count follows from {leaks}"
        html = client.get(f"/professionals/cijfers?maand={month}").get_data(as_text=True)
        leaks = recoverable(page_groups(html))
        assert not leaks, f"page {month}: a hidden count follows from {leaks}"
        # Page and CSV together: a cell shown in either is known.
        shown_on_page = [value for total, parts in page_groups(html) for value in (total, *parts)]
        assert all(value is None or value >= figures.THRESHOLD for value in shown_on_page)
        for measure, value in published.items():
            assert value == truth[month][measure] and value >= figures.THRESHOLD, measure  # exact, never small
    assert primary_leaks > 0, "the data does not test the rule: nothing would leak without it"
