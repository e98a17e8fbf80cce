"""The retention command (idempotent, figures unchanged) and the feedback export."""

import csv
import io
import re
from datetime import date

import pytest
from sqlalchemy import func, select

from app.monitoring.retention import apply_retention, cutoff_date
from app.storage.db import session
from app.storage.events import SELFCHECK_OUTCOME, SELFCHECK_STARTED
from app.storage.models import FeedbackEntry, MonthlyTotal, UsageEvent
from tests.monitoring.helpers import add_events, add_total, csv_of

pytestmark = pytest.mark.database

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(("today", "cutoff"), [
    (date(2026, 11, 28), date(2024, 10, 28)),
    (date(2026, 1, 15), date(2023, 12, 15)),
    (date(2026, 3, 31), date(2024, 2, 29)),  # no 31 February: the last day of that month
])
def test_the_cutoff_is_25_months_back(today, cutoff):
    assert cutoff_date(today) == cutoff


def usage(app):
    with app.app_context():
        db = session()
        events = db.execute(
            select(UsageEvent.day, UsageEvent.name, UsageEvent.value, func.count())
            .group_by(UsageEvent.day, UsageEvent.name, UsageEvent.value)
            .order_by(UsageEvent.day)
        ).all()
        totals = db.execute(
            select(MonthlyTotal.month, MonthlyTotal.name, MonthlyTotal.value, MonthlyTotal.count)
            .order_by(MonthlyTotal.month, MonthlyTotal.name, MonthlyTotal.value)
        ).all()
    return [tuple(e) for e in events], [tuple(t) for t in totals]


def seed(app):
    add_events(app, SELFCHECK_OUTCOME, "uncertain", 7, date(2024, 9, 3))
    add_events(app, SELFCHECK_OUTCOME, "uncertain", 5, date(2024, 9, 30))
    add_events(app, SELFCHECK_STARTED, "nl", 11, date(2024, 10, 27))
    add_events(app, SELFCHECK_STARTED, "nl", 10, date(2024, 10, 28))  # exactly 25 months: kept
    add_events(app, SELFCHECK_STARTED, "en", 12, date(2026, 11, 1))


def test_old_events_become_monthly_totals_and_are_deleted(app):
    seed(app)
    with app.app_context():
        result = apply_retention(session(), TODAY)
    assert (result.events_summed, result.totals_written) == (23, 2)
    events, totals = usage(app)
    assert totals == [("2024-09", SELFCHECK_OUTCOME, "uncertain", 12), ("2024-10", SELFCHECK_STARTED, "nl", 11)]
    assert events == [
        (date(2024, 10, 28), SELFCHECK_STARTED, "nl", 10),
        (date(2026, 11, 1), SELFCHECK_STARTED, "en", 12),
    ]


def test_running_it_twice_changes_nothing_the_second_time(app):
    seed(app)
    with app.app_context():
        apply_retention(session(), TODAY)
    first = usage(app)
    with app.app_context():
        again = apply_retention(session(), TODAY)
    assert (again.events_summed, again.totals_written) == (0, 0)
    assert usage(app) == first


def test_a_later_run_adds_to_the_total_of_a_month(app):
    seed(app)
    with app.app_context():
        apply_retention(session(), TODAY)
        apply_retention(session(), date(2026, 12, 1))  # now 28-31 October 2024 is old as well
    _events, totals = usage(app)
    assert ("2024-10", SELFCHECK_STARTED, "nl", 21) in totals


def without_token(html: str) -> str:
    """The page without the CSRF token of the feedback form, which is signed with the time."""
    return re.sub(r'name="csrf_token" type="hidden" value="[^"]+"', "", html)


def test_the_published_figures_are_the_same_before_and_after(app, client):
    seed(app)
    add_total(app, "2024-09", SELFCHECK_OUTCOME, "uncertain", 3)  # an earlier run left this
    before = csv_of(client)
    html_before = without_token(client.get("/professionals/cijfers?maand=2024-09").get_data(as_text=True))
    with app.app_context():
        apply_retention(session(), TODAY)
    assert csv_of(client) == before
    assert ["2024-09", "outcome:uncertain", "15"] in before
    assert ["2024-10", "started", "21"] in before
    assert without_token(client.get("/professionals/cijfers?maand=2024-09").get_data(as_text=True)) == html_before


def test_old_feedback_is_deleted(app):
    with app.app_context():
        db = session()
        db.add_all([
            FeedbackEntry(day=date(2024, 1, 1), page="/", language="nl", useful=True, comment=None),
            FeedbackEntry(day=date(2026, 11, 2), page="/", language="nl", useful=False, comment="Kort"),
        ])
        db.commit()
        result = apply_retention(session(), TODAY)
        left = session().scalars(select(FeedbackEntry.comment)).all()
    assert result.feedback_deleted == 1
    assert left == ["Kort"]


def test_the_retention_command_runs_and_says_what_it_did(app):
    seed(app)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["retention", "--today", "2026-11-28"])
    assert result.exit_code == 0, result.output
    assert "cut-off 2024-10-28; 23 events summed into 2 monthly totals and deleted" in result.output
    second = runner.invoke(args=["retention", "--today", "2026-11-28"])
    assert "0 events summed into 0 monthly totals" in second.output


def test_the_retention_command_refuses_a_wrong_date(app):
    result = app.test_cli_runner().invoke(args=["retention", "--today", "28-11-2026"])
    assert result.exit_code != 0
    assert "Invalid value for '--today'" in result.output


def test_feedback_export_is_csv_with_every_entry(app, client, tmp_path):
    with app.app_context():
        db = session()
        db.add_all([
            FeedbackEntry(day=date(2026, 11, 2), page="/voor-jou", language="nl", useful=True, comment='Goed, "kort"'),
            FeedbackEntry(day=date(2026, 11, 3), page="/privacy", language="en", useful=False, comment="=HYPERLINK(1)"),
            FeedbackEntry(day=date(2026, 11, 4), page="/", language="nl", useful=False, comment=None),
        ])
        db.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["feedback-export"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows == [
        ["day", "page", "language", "useful", "comment"],
        ["2026-11-02", "/voor-jou", "nl", "yes", 'Goed, "kort"'],
        ["2026-11-03", "/privacy", "en", "no", "'=HYPERLINK(1)"],  # never a formula in a spreadsheet
        ["2026-11-04", "/", "nl", "no", ""],
    ]
    target = tmp_path / "feedback.csv"
    result = runner.invoke(args=["feedback-export", "--since", "2026-11-03", "-o", str(target)])
    assert result.exit_code == 0
    assert [r[0] for r in csv.reader(target.open(encoding="utf-8"))] == ["day", "2026-11-03", "2026-11-04"]
