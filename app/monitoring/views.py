"""Figures for professionals (/professionals/cijfers and its CSV) and "Was deze pagina nuttig?"."""

import csv
import io
import logging
import re
from datetime import date
from functools import partial
from urllib.parse import urlencode

from flask import Blueprint, Response, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import format_date, format_number
from flask_babel import gettext as _
from sqlalchemy.exc import SQLAlchemyError
from werkzeug.exceptions import HTTPException

from app.extensions import limiter
from app.i18n import current_language
from app.monitoring import figures, labels
from app.monitoring.charts import Bar, Group, bar_chart
from app.monitoring.feedback import endpoint_has_feedback_block, feedback_block
from app.monitoring.forms import FeedbackForm
from app.monitoring.queries import monthly_counts
from app.storage.db import session
from app.storage.models import FeedbackEntry

log = logging.getLogger(__name__)

bp = Blueprint("monitoring", __name__)

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
PAGE_PATH = re.compile(r"^/[A-Za-z0-9/_.\-]*$")  # the site's paths are plain ASCII slugs


def _shown(count: int, why: str | None = None) -> str:
    """A cell as text; `why` is figures.hidden's reason when the cell is not published."""
    if why == figures.COMPLEMENT:
        return _("niet getoond")
    value = None if why else figures.shown(count)
    return _("minder dan 10") if value is None else format_number(value)


def _value(count: int, why: str | None = None) -> int | None:
    """A cell as a bar's value: None when it is not published."""
    return None if why else figures.shown(count)


def _month_name(month: str) -> str:
    year, number = (int(part) for part in month.split("-"))
    return format_date(date(year, number, 1), "MMMM y")


def _single_series(chart_id: str, title: str, rows: list[tuple[str, int, str | None]]) -> dict:
    """rows: (label, count, why it is hidden or None)."""
    groups = [Group(name, [Bar(_value(count, why), _shown(count, why))]) for name, count, why in rows]
    description = _("Staafdiagram. Dezelfde cijfers staan in de tabel naast het diagram.")
    return {
        "id": chart_id,
        "title": title,
        "chart": bar_chart(chart_id, title, description, groups),
        "rows": [(name, _shown(count, why)) for name, count, why in rows],
    }


def _month_sections(measures: dict[str, int]) -> tuple[list[dict], list[tuple[str, str]]]:
    secret = figures.hidden(measures)
    started, finished = _("Gestart"), _("Afgerond")
    languages = [("", _("Totaal"))] + [(f":{code}", labels.label(labels.LANGUAGES, code)) for code in figures.LANGUAGES]
    language_groups = []
    language_rows = []
    for suffix, name in languages:
        start_count, finish_count = measures.get("started" + suffix, 0), measures.get("finished" + suffix, 0)
        start_why, finish_why = secret.get("started" + suffix), secret.get("finished" + suffix)
        language_groups.append(
            Group(name, [
                Bar(_value(start_count, start_why), f"{started}: {_shown(start_count, start_why)}"),
                Bar(_value(finish_count, finish_why), f"{finished}: {_shown(finish_count, finish_why)}"),
            ])
        )
        language_rows.append((name, _shown(start_count, start_why), _shown(finish_count, finish_why)))
    title = _("Zelftests gestart en afgerond, per taal")
    language_section = {
        "id": "grafiek-taal",
        "title": title,
        "chart": bar_chart(
            "grafiek-taal", title, _("Staafdiagram. Dezelfde cijfers staan in de tabel naast het diagram."),
            language_groups,
        ),
        "columns": [_("Taal"), started, finished],
        "rows": language_rows,
    }

    lang = current_language()
    roles = _coded_series("grafiek-rol", _("Voor wie de zelftest werd gedaan"), measures, "role",
                          partial(labels.label, labels.ROLES), figures.ROLES, _("Rol"), secret)
    outcomes = _coded_series("grafiek-uitkomst", _("Uitkomsten van afgeronde zelftests"), measures, "outcome",
                             lambda code: labels.outcome_name(code, lang), figures.OUTCOMES, _("Uitkomst"), secret)

    steps = figures.SPINE
    stops = figures.stop_points(measures)
    reached_rows = [(labels.question_name(step, lang), figures.reached(measures, step),
                     secret.get(figures.REACHED + step)) for step in steps]
    stopping = _single_series("grafiek-stoppen", _("Hoeveel zelftests elke stap beantwoordden"), reached_rows)
    stopping["columns"] = [_("Stap"), _("Beantwoord"), _("Niet verder na deze stap")]
    stopping["stacked"] = True  # three columns of long labels: the table goes below the chart
    stopping["rows"] = [
        (labels.question_name(step, lang), _shown(figures.reached(measures, step), secret.get(figures.REACHED + step)),
         _shown(stops[step], secret.get(f"stopped_after:{step}")) if step in stops else _("niet van toepassing"))
        for step in steps
    ]
    follow_up = [
        (labels.question_name(code, lang), _shown(measures.get(f"answered:{code}", 0), secret.get(f"answered:{code}")))
        for code in ("school_type", "new_facts", "wsw_indication", "wsw_supported_work", *figures.LAST_QUESTIONS)
    ]

    documents = _coded_series("grafiek-documenten", _("Aanvraagdocumenten gemaakt"), measures, "request_document",
                              partial(labels.label, labels.REQUEST_DOCUMENTS), figures.REQUEST_DOCUMENTS, _("Document"),
                              secret)

    sheet_rows = [(code, count, secret.get(f"sheet_download:{code}"))
                  for code, count in figures.values_with_prefix(measures, "sheet_download")]
    sheets = _single_series("grafiek-downloads", _("Downloads van informatiebladen"), sheet_rows)
    sheets["columns"] = [_("Informatieblad en taal"), _("Aantal")]

    return [language_section, roles, outcomes, stopping, documents, sheets], follow_up


def _coded_series(chart_id, title, measures, prefix, name, codes, column, secret) -> dict:
    """A one-series chart of the counts per code (role, outcome, document), every code listed."""
    rows = [(name(code), count, secret.get(f"{prefix}:{code}"))
            for code, count in figures.values_with_prefix(measures, prefix, codes)]
    series = _single_series(chart_id, title, rows)
    series["columns"] = [column, _("Aantal")]
    return series


@bp.get("/professionals/cijfers")
@feedback_block
def figures_page():
    try:
        measures_by_month = figures.all_measures(monthly_counts(session()))
    except SQLAlchemyError as error:
        log.warning("figures unavailable: database error (%s)", type(error).__name__)
        return render_template("monitoring/unavailable.html"), 503

    current = date.today().strftime("%Y-%m")
    months = figures.month_range(min([*measures_by_month, current]), max([*measures_by_month, current]))
    default = max(measures_by_month) if measures_by_month else current
    requested = request.args.get("maand")
    error = None
    month = default
    if requested is not None:
        if MONTH.match(requested) and requested in months:
            month = requested
        else:
            error = _("Kies een maand uit de lijst.")
    measures = measures_by_month.get(month) or figures.month_measures({})
    sections, follow_up = _month_sections(measures)

    overview_title = _("Zelftests per maand")
    overview_groups, overview_rows = [], []
    for each in months:
        each_measures = measures_by_month.get(each) or figures.month_measures({})
        each_secret = figures.hidden(each_measures)
        started, finished = each_measures["started"], each_measures["finished"]
        start_why, finish_why = each_secret.get("started"), each_secret.get("finished")
        overview_groups.append(
            Group(_month_name(each), [
                Bar(_value(started, start_why), f"{_('Gestart')}: {_shown(started, start_why)}"),
                Bar(_value(finished, finish_why), f"{_('Afgerond')}: {_shown(finished, finish_why)}"),
            ])
        )
        overview_rows.append((_month_name(each), _shown(started, start_why), _shown(finished, finish_why)))
    overview = {
        "id": "grafiek-maanden",
        "title": overview_title,
        "chart": bar_chart(
            "grafiek-maanden", overview_title,
            _("Staafdiagram. Dezelfde cijfers staan in de tabel naast het diagram."), overview_groups,
        ),
        "columns": [_("Maand"), _("Gestart"), _("Afgerond")],
        "rows": overview_rows,
    }
    status = 400 if error else 200
    return render_template(
        "monitoring/figures.html",
        months=[(each, _month_name(each)) for each in reversed(months)],
        month=month,
        month_name=_month_name(month),
        has_data=month in measures_by_month,
        overview=overview,
        sections=sections,
        follow_up=follow_up,
        error=error,
    ), status


@bp.get("/professionals/cijfers.csv")
def figures_csv():
    try:
        rows = figures.csv_rows(monthly_counts(session()))
    except SQLAlchemyError as error:
        log.warning("figures unavailable: database error (%s)", type(error).__name__)
        return Response("The figures are not available right now.\n", status=503, mimetype="text/plain")
    output = io.StringIO()
    writer = csv.writer(output, lineterminator="\n")
    writer.writerow(["month", "measure", "value"])
    writer.writerows(rows)
    return Response(
        output.getvalue(),
        mimetype="text/csv",
        headers={"Content-Disposition": 'attachment; filename="beschut-werk-cijfers.csv"'},
    )


def valid_page(path: str) -> str | None:
    """The path of a page that asks for feedback, or None: never a redirect to elsewhere."""
    if len(path) > 200 or not PAGE_PATH.match(path) or path.startswith("//"):
        return None
    try:
        rule, _args = current_app.url_map.bind("localhost").match(path, method="GET", return_rule=True)
    except HTTPException:
        return None
    if not endpoint_has_feedback_block(rule.endpoint):
        return None
    # A route with a variable (/voor-jou/<slug>) matches pages that do not exist: store feedback
    # only for a page that is really there, i.e. that answers 200 (content pages come from the
    # page cache, so this costs next to nothing).
    if rule.arguments and not _page_answers(path):
        return None
    return path


def _page_answers(path: str) -> bool:
    with current_app.test_request_context(path, method="GET"):
        try:
            response = current_app.full_dispatch_request()
        except HTTPException:
            return False
        return response.status_code == 200


@bp.route("/reactie", methods=["GET", "POST"])
# One insert per POST; the limit only stops a flood of rows (a class at one school stays well below it).
@limiter.limit("10 per minute; 100 per hour", methods=["POST"])
def feedback():
    # Every page posts to this one address with the page in a hidden field; a GET (the language
    # switch of this page) names the page in the query string.
    source = request.form if request.method == "POST" else request.args
    page = valid_page(source.get("pagina", ""))
    if page is None:
        if request.method == "POST":
            abort(400)
        return redirect(url_for("pages.home"))
    form = FeedbackForm()
    store_failed = False
    if request.method == "POST" and form.validate():
        db = session()
        try:
            db.add(
                FeedbackEntry(
                    day=date.today(),
                    page=page,
                    language=current_language(),
                    useful=form.nuttig.data == "ja",
                    comment=form.opmerking.data or None,
                )
            )
            db.commit()
        except SQLAlchemyError as error:
            db.rollback()
            log.warning("feedback not stored: database error (%s)", type(error).__name__)
            store_failed = True
        else:
            flash("bedankt", "feedback")
            return redirect(request.script_root + page + "#feedback")
    errors = {name: field.errors[0] for name, field in form._fields.items() if field.errors}
    status = 200
    if request.method == "POST":
        status = 503 if store_failed else 400
        # The language switch in the header keeps the query string: let it lead to this form for
        # the same page in the other language (what was typed stays only in this language).
        request.query_string = urlencode({"pagina": page}).encode("latin-1")
    return render_template(
        "feedback/page.html",
        form=form,
        errors=errors,
        store_failed=store_failed,
        page=page,
        page_url=request.script_root + page,
    ), status
