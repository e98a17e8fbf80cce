"""Issue 14.9: page feedback from a window of days can be deleted without a database console."""

from datetime import date

import pytest
from sqlalchemy import select

from app.storage.db import session
from app.storage.models import FeedbackEntry


def days_left(app) -> list[tuple[str, str]]:
    with app.app_context():
        rows = session().execute(select(FeedbackEntry.day, FeedbackEntry.page).order_by(FeedbackEntry.day))
        return [(day.isoformat(), page) for day, page in rows]


@pytest.fixture
def stored(app):
    with app.app_context():
        db = session()
        for day, page in [(1, "/voor-jou"), (2, "/voor-jou"), (2, "/privacy"), (3, "/voor-jou"), (4, "/")]:
            db.add(FeedbackEntry(day=date(2026, 11, day), page=page, language="nl", useful=False, comment="spam"))
        db.commit()
    return app


@pytest.mark.database
def test_without_yes_it_only_counts(stored):
    result = stored.test_cli_runner().invoke(args=["feedback-delete", "--from", "2026-11-02", "--to", "2026-11-03"])
    assert result.exit_code == 0, result.output
    assert "3 entries" in result.output and "--yes" in result.output
    assert len(days_left(stored)) == 5


@pytest.mark.database
def test_it_deletes_the_window_and_nothing_else(stored):
    args = ["feedback-delete", "--from", "2026-11-02", "--to", "2026-11-03", "--yes"]
    result = stored.test_cli_runner().invoke(args=args)
    assert result.exit_code == 0, result.output
    assert "3 entries" in result.output
    assert days_left(stored) == [("2026-11-01", "/voor-jou"), ("2026-11-04", "/")]


@pytest.mark.database
def test_one_page_only(stored):
    args = ["feedback-delete", "--from", "2026-11-01", "--to", "2026-11-30", "--page", "/voor-jou", "--yes"]
    assert stored.test_cli_runner().invoke(args=args).exit_code == 0
    assert days_left(stored) == [("2026-11-02", "/privacy"), ("2026-11-04", "/")]


def test_a_window_backwards_is_refused(app):
    result = app.test_cli_runner().invoke(args=["feedback-delete", "--from", "2026-11-03", "--to", "2026-11-01"])
    assert result.exit_code != 0
