"""Retention: usage events older than 25 months become monthly totals; old feedback is deleted.

Safe to run twice, and safe when two runs overlap: the events are deleted and read in one
statement (DELETE ... RETURNING) inside one transaction, so every event is summed exactly once.
If anything fails, the transaction rolls back and nothing is lost.
"""

import calendar
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.storage.models import FeedbackEntry, MonthlyTotal, UsageEvent

RETENTION_MONTHS = 25


def cutoff_date(today: date, months: int = RETENTION_MONTHS) -> date:
    """The day `months` months before today; anything from before that day is older than that."""
    index = today.year * 12 + (today.month - 1) - months
    year, month = divmod(index, 12)
    month += 1
    day = min(today.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


@dataclass
class RetentionResult:
    cutoff: date
    events_summed: int
    totals_written: int
    feedback_deleted: int


def apply_retention(db: Session, today: date | None = None) -> RetentionResult:
    cutoff = cutoff_date(today or date.today())
    try:
        old_events = delete(UsageEvent).where(UsageEvent.day < cutoff)
        deleted = db.execute(old_events.returning(UsageEvent.day, UsageEvent.name, UsageEvent.value)).all()
        sums: dict[tuple[str, str, str], int] = defaultdict(int)
        for day, name, value in deleted:
            sums[(day.strftime("%Y-%m"), name, value or "")] += 1
        for (month, name, value), count in sorted(sums.items()):
            existing = db.scalar(
                select(MonthlyTotal)
                .where(MonthlyTotal.month == month, MonthlyTotal.name == name, MonthlyTotal.value == value)
                .with_for_update()
            )
            if existing is None:
                db.add(MonthlyTotal(month=month, name=name, value=value, count=count))
            else:
                existing.count += count
        feedback = db.execute(delete(FeedbackEntry).where(FeedbackEntry.day < cutoff))
        db.commit()
    except Exception:
        db.rollback()
        raise
    return RetentionResult(cutoff, len(deleted), len(sums), feedback.rowcount or 0)
