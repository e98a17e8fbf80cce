"""The self-check pages: start, one question per page, check-answers, result, print view.

Views stay thin: each builds the current walk once (walk.py: path, answers that count, outcome)
and hands it to its template; the router decides where "Ga verder" leads, the session store keeps
the answers, content.py gives the words.
"""

import logging
import re
from datetime import date
from functools import lru_cache

from flask import Blueprint, abort, redirect, render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _
from markupsafe import Markup, escape

from app.extensions import csrf
from app.i18n import current_language
from app.page_cache import kept_render
from app.selfcheck import content, describe, result_texts, router, session_store
from app.selfcheck.forms import ConfirmForm, question_form
from app.selfcheck.questionnaire import BY_ID, DONT_KNOW
from app.selfcheck.walk import Walk
from app.storage import events

log = logging.getLogger(__name__)

bp = Blueprint("selfcheck", __name__, url_prefix="/zelftest")

CHANGE_PARAM = "wijzig"


def _record(name: str, value: str) -> None:
    """Count an anonymous event; never let it break the person's page."""
    try:
        events.record_event(name, value)
    except Exception as error:  # noqa: BLE001 - statistics must never cost the person their answer
        log.warning("usage event %s skipped (%s)", name, type(error).__name__)


def _target_url(step: str | None, changing: bool = False) -> str:
    if step is None:
        return url_for("selfcheck.start")
    if step == router.CHECK_ANSWERS:
        return url_for("selfcheck.check_answers")
    args = {CHANGE_PARAM: "1"} if changing else {}
    return url_for("selfcheck.question", question_id=step, **args)


def _resume_url(walk: Walk) -> str:
    return _target_url(walk.next_question or router.CHECK_ANSWERS)


def current_walk() -> Walk:
    """The walk of the answers in this person's session (build it once per request)."""
    return Walk.of(session_store.get_answers())


def _record_answer_events(question_id: str, value: str) -> None:
    if not session_store.get_flag("started"):
        session_store.set_flag("started")
        _record(events.SELFCHECK_STARTED, current_language())
    if question_id not in session_store.seen_questions():
        session_store.mark_seen(question_id)
        if question_id == "role":
            _record(events.SELFCHECK_ROLE, value)
        _record(events.SELFCHECK_QUESTION, question_id)


@bp.get("")
def start():
    walk = current_walk()
    return render_template(
        "selfcheck/start.html",
        walk=walk,
        has_answers=bool(walk.answers),
        resume_url=_resume_url(walk) if walk.answers else None,
        first_url=url_for("selfcheck.question", question_id="role"),
        form=ConfirmForm(),
    )


def _question_page(question_id: str, walk: Walk, selected: str | None, error: str | None, changing: bool):
    lang = current_language()
    texts = content.question_texts(question_id, lang, walk.counted)
    part, parts = walk.part(question_id)
    previous = walk.previous(question_id)
    back_url = url_for("selfcheck.check_answers") if changing else _target_url(previous)
    options = [(value, texts["options"][value]) for value in BY_ID[question_id].options]
    # No form object: the template only needs csrf_token(), and building a WTForms form (and
    # its token) on every GET was a tenth of the page's time.
    return render_template(
        "selfcheck/question.html",
        question_id=question_id,
        texts=texts,
        options=[o for o in options if o[0] != DONT_KNOW],
        dont_know=next((o for o in options if o[0] == DONT_KNOW), None),
        selected=selected,
        error=error,
        walk=walk,
        number=walk.number(question_id),
        part=part,
        parts=parts,
        part_name=content.section_name(BY_ID[question_id].section, lang, walk.role),
        back_url=back_url,
        action=_target_url(question_id, changing),
    )


@bp.route("/vraag/<question_id>", methods=["GET", "POST"])
@csrf.exempt  # the form validates its own token, so an expired token re-shows this page with the answer
def question(question_id: str):
    if question_id not in BY_ID:
        abort(404)
    walk = current_walk()
    if not walk.can_open(question_id):
        return redirect(_resume_url(walk))
    changing = request.args.get(CHANGE_PARAM) == "1"

    if request.method == "GET":
        # The page is a function of the question, the answers and the address: rendered once
        # per those and kept (app/page_cache.py), the visitor's CSRF token put back in. A
        # "change" link (?wijzig=1) has a query string, so it is always rendered afresh.
        return kept_render(
            ("selfcheck.question", question_id, tuple(sorted(walk.answers.items()))),
            lambda: _question_page(question_id, walk, walk.answers.get(question_id), None, changing),
        )

    form = question_form(question_id)
    posted = request.form.get(question_id)
    selected = posted if posted in BY_ID[question_id].options else None
    if form.validate():
        value = form[question_id].data
        answers = {**walk.answers, question_id: value}
        session_store.save_answers(answers)
        _record_answer_events(question_id, value)
        return redirect(_target_url(router.after_answer(question_id, Walk.of(answers), changing), changing))

    if selected is None:
        error = _("Kies een antwoord.") if not posted else _("Kies een van de antwoorden hieronder.")
    else:
        # Only the CSRF token failed (expired session, other window): keep the choice.
        error = _("Je antwoord is nog niet bewaard. Druk nog een keer op ‘Ga verder’.")
    page = _question_page(question_id, walk, selected, error, changing)
    return page, 400


def _summary_rows(walk: Walk) -> list[dict]:
    lang = current_language()
    counted = walk.counted
    rows = []
    for question_id, value in counted.items():
        texts = content.question_texts(question_id, lang, counted)
        rows.append(
            {
                "id": question_id,
                "question": texts["question"],
                "answer": texts["options"][value],
                "change_url": _target_url(question_id, changing=True),
            }
        )
    return rows


@bp.route("/controleren", methods=["GET", "POST"])
@csrf.exempt  # validated by ConfirmForm, so an expired token shows this page again, not an error page
def check_answers():
    walk = current_walk()
    if not walk.complete:
        return redirect(_resume_url(walk))
    form = ConfirmForm()
    error = None
    if request.method == "POST":
        if form.validate():
            if not session_store.get_flag("finished"):
                session_store.set_flag("finished")
                _record(events.SELFCHECK_FINISHED, current_language())
                _record(events.SELFCHECK_OUTCOME, walk.outcome.code)
            return redirect(url_for("selfcheck.result"))
        error = _(
            "Je antwoorden zijn bewaard, maar de uitslag is nog niet gemaakt. "
            "Druk nog een keer op ‘Bekijk de uitslag’."
        )
    page = render_template(
        "selfcheck/check_answers.html",
        walk=walk,
        rows=_summary_rows(walk),
        back_url=_target_url(walk.path[-1]),
        form=form,
        error=error,
    )
    return (page, 400) if error else page


def _result_context(walk: Walk) -> dict:
    lang = current_language()
    outcome = walk.outcome
    reasons = describe.reason_texts(outcome, walk, lang)
    return {
        "walk": walk,
        "outcome": outcome,
        "texts": result_texts.result_texts(content.outcome_texts(outcome.code, lang, walk.counted), lang, reasons),
        "reasons": reasons,
        "sentences": describe.answer_sentences(walk, lang),
        "role": walk.role,
        "form": ConfirmForm(),
    }


@bp.get("/uitslag")
def result():
    walk = current_walk()
    if not walk.complete:
        return redirect(_resume_url(walk))
    return kept_render(  # like a question page: a function of the answers (app/page_cache.py)
        ("selfcheck.result", tuple(sorted(walk.answers.items()))),
        lambda: render_template("selfcheck/result.html", **_result_context(walk)),
    )


@bp.get("/uitslag/afdrukken")
def print_result():
    walk = current_walk()
    if not walk.complete:
        return redirect(_resume_url(walk))
    # The printed result says when it was made, where, and with which rules (spec selfcheck.md).
    made_on = format_date(date.today(), "long")
    return render_template("selfcheck/print.html", made_on=made_on, **_result_context(walk))


@bp.get("/opnieuw")
def restart_confirm():
    """"Opnieuw beginnen" asks once more before it clears anything (a page, so no JavaScript is needed)."""
    walk = current_walk()
    if not walk.answers:
        return redirect(url_for("selfcheck.question", question_id="role"))
    back_url = url_for("selfcheck.result") if walk.complete else _resume_url(walk)
    return render_template("selfcheck/restart.html", walk=walk, back_url=back_url, form=ConfirmForm())


@bp.post("/opnieuw")
def restart():
    """Confirmed on the page above: forget every answer and go to the first question."""
    session_store.clear_answers()
    return redirect(url_for("selfcheck.question", question_id="role"))


bp.app_template_filter("for_paper")(result_texts.for_paper)


@bp.app_template_filter("emphasis")
@lru_cache(maxsize=1024, typed=True)  # content texts: a few hundred, the same on every page view
def emphasis(text: str):
    """*word* in content files becomes <em>word</em>; everything else is escaped first."""
    escaped = str(escape(text))
    return Markup(re.sub(r"\*([^*]+)\*", r"<em>\1</em>", escaped))  # noqa: S704 - escaped above


# /zelftest/verder (continue later with a resume code) lives in its own module, on this blueprint.
from app.selfcheck import resume_views  # noqa: E402,F401
