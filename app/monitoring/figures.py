"""From anonymous counts to published figures. Pure Python: no Flask, no database.

Input: counts per (month, event name, event value), the sum of live usage events and of the
monthly totals that retention left behind. Output: measures per month, e.g.
``{"started": 120, "outcome:beschut_werk_likely": 12, ...}``; the figures page and the CSV file
are both built from these measures, so they always agree.

Privacy: a measure below THRESHOLD is never published as a number. The page says
"minder dan 10" / "fewer than 10", the CSV file leaves the row out. Secondary suppression, as
statistics offices do it: where cells add up to a published total (languages, roles, outcomes, the
stop points), one hidden cell could be worked out by subtraction, so the next-smallest cell of that
group is hidden too ("niet getoond"), or the total when every part is hidden already (`hidden`).
"""

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from app.languages import LANGUAGES
from app.selfcheck.questionnaire import ORDER, OUTCOMES
from app.storage.events import (
    REQUEST_DOCUMENT,
    SELFCHECK_FINISHED,
    SELFCHECK_OUTCOME,
    SELFCHECK_QUESTION,
    SELFCHECK_ROLE,
    SELFCHECK_STARTED,
    SHEET_DOWNLOAD,
)

THRESHOLD = 10

Counts = Mapping[tuple[str, str, str], int]  # (month "YYYY-MM", event name, event value) -> count

EVENT_NAMES = (
    SELFCHECK_STARTED,
    SELFCHECK_QUESTION,
    SELFCHECK_ROLE,
    SELFCHECK_FINISHED,
    SELFCHECK_OUTCOME,
    REQUEST_DOCUMENT,
    SHEET_DOWNLOAD,
)

# The codes of the self-check (shared/spec/selfcheck.md): the page lists each one, also when it is 0.
# OUTCOMES and QUESTIONS come from the questionnaire itself, so a new one shows up here by itself.
ROLES = ("self", "helper")
QUESTIONS = ORDER
REQUEST_DOCUMENTS = ("voorbereiding", "brief-gemeente")

# Where people stop. Every self-check that goes on after a step answers the next step of this
# spine: the questions that are asked of everyone who gets that far. The follow-up questions
# (school_type, new_facts, wsw_indication, wsw_supported_work) are asked only after some answers
# (wsw_indication is not asked of PrO and VSO pupils: spec/selfcheck.md); the last step
# is one of two questions. "Stopped after a step" = answered that step, not the next one.
# (A self-check counts as started when its first question is answered, so "started" and "role"
# are the same number and the spine begins at the first question.)
LAST_STEP = "last_question"
SPINE = (
    "role",
    "age",
    "situation",
    "previous_advice",
    "can_do_task",
    "basic_work_skills",
    "work_one_hour",
    "work_four_hours",
    "needs_supervision",
    "needs_guidance",
    "needs_adaptations",
    LAST_STEP,
)
LAST_QUESTIONS = ("regular_employer_possible", "earn_minimum_wage")

# A value becomes part of a measure name only when it is a plain code.
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


def is_code(value: str) -> bool:
    return bool(_CODE.match(value))


def shown(count: int | None) -> int | None:
    """The count as it may be published: None when it is below the threshold."""
    return count if count is not None and count >= THRESHOLD else None


_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def month_range(first: str, last: str) -> list[str]:
    """Every month from first to last ("YYYY-MM"), so a chart over time has no silent gaps."""
    year, month = (int(part) for part in first.split("-"))
    end = tuple(int(part) for part in last.split("-"))
    months = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def by_month(counts: Counts) -> dict[str, dict[tuple[str, str], int]]:
    months: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    for (month, name, value), count in counts.items():
        if not _MONTH.match(month or ""):
            continue
        months[month][(name, value)] += count
    return {month: dict(values) for month, values in months.items()}


def month_measures(events: Mapping[tuple[str, str], int]) -> dict[str, int]:
    """All measures of one month from its event counts {(name, value): count}."""
    measures: dict[str, int] = defaultdict(int)
    prefixes = {
        SELFCHECK_STARTED: "started",
        SELFCHECK_FINISHED: "finished",
        SELFCHECK_OUTCOME: "outcome",
        SELFCHECK_ROLE: "role",
        SELFCHECK_QUESTION: "answered",
        REQUEST_DOCUMENT: "request_document",
        SHEET_DOWNLOAD: "sheet_download",
    }
    for (name, value), count in events.items():
        prefix = prefixes.get(name)
        if prefix is None:
            continue
        if name in (SELFCHECK_STARTED, SELFCHECK_FINISHED):
            measures[prefix] += count
        if is_code(value):
            measures[f"{prefix}:{value}"] += count
    for code in LANGUAGES:
        measures.setdefault(f"started:{code}", 0)
        measures.setdefault(f"finished:{code}", 0)
    for key in ("started", "finished"):
        measures.setdefault(key, 0)
    for code in OUTCOMES:
        measures.setdefault(f"outcome:{code}", 0)
    for code in ROLES:
        measures.setdefault(f"role:{code}", 0)
    for code in QUESTIONS:
        measures.setdefault(f"answered:{code}", 0)
    for code in REQUEST_DOCUMENTS:
        measures.setdefault(f"request_document:{code}", 0)
    for step, count in stop_points(measures).items():
        measures[f"stopped_after:{step}"] = count
    return dict(measures)


def reached(measures: Mapping[str, int], step: str) -> int:
    """How many self-checks got through a step of the spine."""
    if step == LAST_STEP:
        return sum(measures.get(f"answered:{q}", 0) for q in LAST_QUESTIONS)
    return measures.get(f"answered:{step}", 0)


def stop_points(measures: Mapping[str, int]) -> dict[str, int]:
    """Per step of the spine (but the last): answered this step but not the next one.

    Never below 0: a self-check that starts on the last day of a month and goes on the next day
    counts in two months.
    """
    stops = {}
    for step, following in zip(SPINE, SPINE[1:], strict=False):
        stops[step] = max(0, reached(measures, step) - reached(measures, following))
    return stops


SMALL = "small"  # below THRESHOLD
COMPLEMENT = "complement"  # hidden so that a small count cannot be worked out by subtraction
REACHED = "reached:"  # a page-only cell: how many self-checks got through a step of the spine


def _cells(measures: Mapping[str, int]) -> dict[str, int]:
    """Every published cell of a month: the measures and the page's "reached" column."""
    cells = dict(measures)
    for step in SPINE:
        cells[REACHED + step] = reached(measures, step)
    return cells


def _parts(cells: Mapping[str, int], prefix: str) -> list[str]:
    return sorted(name for name in cells if name.startswith(prefix + ":"))


def additive_groups(cells: Mapping[str, int]) -> list[tuple[str, list[str]]]:
    """(total, parts): the cells the page or the CSV shows that add up to a shown total.

    The roles add up to answered:role, which is also "started" (a self-check starts with its first
    answer); a spine step's answered: and reached: cells are the same number: a group of one part.
    """
    groups = [
        ("started", _parts(cells, "started")),
        ("finished", _parts(cells, "finished")),
        ("finished", _parts(cells, "outcome")),
        ("started", _parts(cells, "role")),
        ("answered:role", _parts(cells, "role")),
        (REACHED + LAST_STEP, [f"answered:{question}" for question in LAST_QUESTIONS]),
    ]
    for step, following in zip(SPINE, SPINE[1:], strict=False):
        if step != LAST_STEP:
            groups.append((f"answered:{step}", [REACHED + step]))
        groups.append((REACHED + step, [REACHED + following, f"stopped_after:{step}"]))
    return [(total, parts) for total, parts in groups if parts]


def hidden(measures: Mapping[str, int]) -> dict[str, str]:
    """The cells of a month that are not published, each with why: SMALL or COMPLEMENT.

    Primary: every cell below THRESHOLD. Secondary: while a group of cells that adds up to a
    total has exactly one hidden cell (which subtraction would give), hide its smallest shown
    part as well, or the total when no part is shown. Repeated until no group has one.
    """
    cells = _cells(measures)
    result = {name: SMALL for name, value in cells.items() if value < THRESHOLD}
    groups = additive_groups(cells)
    changed = True
    while changed:
        changed = False
        for total, parts in groups:
            if sum(name in result for name in (total, *parts)) != 1:
                continue
            shown_parts = sorted((cells.get(name, 0), name) for name in parts if name not in result)
            result[shown_parts[0][1] if shown_parts else total] = COMPLEMENT
            changed = True
    return result


def all_measures(counts: Counts) -> dict[str, dict[str, int]]:
    return {month: month_measures(events) for month, events in sorted(by_month(counts).items())}


def csv_rows(counts: Counts) -> list[tuple[str, str, int]]:
    """(month, measure, value) for every published measure (see `hidden`), sorted."""
    rows = []
    for month, measures in all_measures(counts).items():
        not_published = hidden(measures)
        for measure, value in sorted(measures.items()):
            if measure not in not_published:
                rows.append((month, measure, value))
    return rows


def values_with_prefix(measures: Mapping[str, int], prefix: str, known: Iterable[str] = ()) -> list[tuple[str, int]]:
    """(code, count) for a prefix: the known codes first in their order, then any other code, sorted."""
    known = list(known)
    others = sorted(
        key.split(":", 1)[1] for key in measures if key.startswith(prefix + ":") and key.split(":", 1)[1] not in known
    )
    return [(code, measures.get(f"{prefix}:{code}", 0)) for code in [*known, *others]]
