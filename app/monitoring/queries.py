"""Reading the anonymous counts: live usage events and the monthly totals that retention keeps."""

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.monitoring.figures import EVENT_NAMES
from app.storage.models import MonthlyTotal, UsageEvent


def _month_expression(dialect: str):
    if dialect == "sqlite":
        return func.strftime("%Y-%m", UsageEvent.day)
    if dialect == "postgresql":
        return func.to_char(UsageEvent.day, "YYYY-MM")
    return None


def monthly_counts(db: Session) -> dict[tuple[str, str, str], int]:
    """{(month, name, value): count} over UsageEvent and MonthlyTotal together.

    The database groups per month, so the result stays small however many events there are.
    """
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    month = _month_expression(db.get_bind().dialect.name)
    if month is not None:
        query = (
            select(month, UsageEvent.name, UsageEvent.value, func.count())
            .where(UsageEvent.name.in_(EVENT_NAMES))
            .group_by(month, UsageEvent.name, UsageEvent.value)
        )
        for month_value, name, value, count in db.execute(query):
            counts[(month_value, name, value or "")] += count
    else:  # any other database: group per day, then per month here
        query = (
            select(UsageEvent.day, UsageEvent.name, UsageEvent.value, func.count())
            .where(UsageEvent.name.in_(EVENT_NAMES))
            .group_by(UsageEvent.day, UsageEvent.name, UsageEvent.value)
        )
        for day, name, value, count in db.execute(query):
            counts[(day.strftime("%Y-%m"), name, value or "")] += count
    totals = select(MonthlyTotal.month, MonthlyTotal.name, MonthlyTotal.value, MonthlyTotal.count).where(
        MonthlyTotal.name.in_(EVENT_NAMES)
    )
    for month_value, name, value, count in db.execute(totals):
        counts[(month_value, name, value or "")] += count
    return dict(counts)
