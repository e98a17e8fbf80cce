"""Commands for the operator: `flask --app wsgi retention` and `flask --app wsgi feedback-export`."""

import csv
import io
from datetime import date

import click
from flask import Flask
from flask.cli import with_appcontext
from sqlalchemy import select

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


def init_app(app: Flask) -> None:
    app.cli.add_command(retention_command)
    app.cli.add_command(feedback_export_command)
