"""Commands for the operator: `flask --app wsgi retention` and `flask --app wsgi feedback-export`."""

import csv
import io
from datetime import date

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import delete, func, select

from app.monitoring.retention import apply_retention
from app.storage.db import session
from app.storage.models import FeedbackEntry

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(text: str) -> str:
    """Keep a spreadsheet from running a comment as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


@click.command("retention")
@click.option(
    "--today", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
    help="Count back from this day instead of today (YYYY-MM-DD).",
)
@with_appcontext
def retention_command(today) -> None:
    """Sum usage events older than 25 months into monthly totals and delete them.

    Also deletes page feedback older than that. Safe to run twice.
    """
    result = apply_retention(session(), today.date() if today else date.today())
    click.echo(
        f"retention: cut-off {result.cutoff.isoformat()}; {result.events_summed} events summed into "
        f"{result.totals_written} monthly totals and deleted; {result.feedback_deleted} feedback entries deleted"
    )


@click.command("feedback-export")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), default=None,
              help="File to write; standard output when left out.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None, help="Only from this day on.")
@with_appcontext
def feedback_export_command(output, since) -> None:
    """Write all page feedback as CSV: day, page, language, useful, comment."""
    query = select(FeedbackEntry).order_by(FeedbackEntry.day, FeedbackEntry.id)
    if since:
        query = query.where(FeedbackEntry.day >= since.date())
    rows = [
        [entry.day.isoformat(), entry.page, entry.language, "yes" if entry.useful else "no",
         _safe_cell(entry.comment or "")]
        for entry in session().scalars(query)
    ]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["day", "page", "language", "useful", "comment"])
    writer.writerows(rows)
    if output is None:
        click.echo(buffer.getvalue(), nl=False)
        return
    with open(output, "w", encoding="utf-8", newline="") as handle:
        handle.write(buffer.getvalue())
    click.echo(f"feedback-export: {len(rows)} entries written to {output}", err=True)


@click.command("feedback-delete")
@click.option("--from", "first", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="First day of the window (YYYY-MM-DD).")
@click.option("--to", "last", type=click.DateTime(formats=["%Y-%m-%d"]), required=True,
              help="Last day of the window, included (YYYY-MM-DD).")
@click.option("--page", default=None, help="Only the answers about this page path, e.g. /voor-jou.")
@click.option("--yes", is_flag=True, help="Delete; without it the command only counts.")
@with_appcontext
def feedback_delete_command(first, last, page, yes) -> None:
    """Delete page feedback from a window of days (a burst of spam), without a database console.

    Feedback is stored per day, so the window is whole days. Without --yes nothing is deleted.
    """
    if last < first:
        raise click.BadParameter("--to is before --from")
    condition = (FeedbackEntry.day >= first.date()) & (FeedbackEntry.day <= last.date())
    if page is not None:
        condition = condition & (FeedbackEntry.page == page)
    db = session()
    matching = db.execute(select(func.count()).select_from(FeedbackEntry).where(condition)).scalar_one()
    window = f"{first.date()} to {last.date()}" + (f" on {page}" if page else "")
    if not yes:
        click.echo(f"feedback-delete: {matching} entries from {window}; add --yes to delete them")
        return
    db.execute(delete(FeedbackEntry).where(condition))
    db.commit()
    click.echo(f"feedback-delete: {matching} entries from {window} deleted")


def init_app(app: Flask) -> None:
    app.cli.add_command(retention_command)
    app.cli.add_command(feedback_export_command)
    app.cli.add_command(feedback_delete_command)
