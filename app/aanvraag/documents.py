"""The two request documents: one HTML template each, shared by the print view and the PDF."""

from datetime import timedelta

from flask import render_template
from flask_babel import force_locale, format_date
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from app.aanvraag import drafts, summary
from app.documents.pdf import render_pdf

KINDS = ("voorbereiding", "brief-gemeente")
TEMPLATES = {"voorbereiding": "documents/voorbereiding.html", "brief-gemeente": "documents/brief_gemeente.html"}
TITLES = {
    "voorbereiding": _l("Voorbereiding aanvraag advies beschut werk"),
    "brief-gemeente": _l("Brief aan de gemeente: verzoek om beschut werk"),
}

RECEIPT_DAYS = 5
ADVICE_WEEKS = 8


def selfcheck_state(lang: str) -> dict:
    """The self-check answers as sentences and the outcome title, or done=False."""
    not_done = {"done": False, "sentences": [], "rows": [], "outcome": None}
    try:
        from app.selfcheck import describe, router, rules, session_store
        from app.selfcheck.questionnaire import ORDER
    except ImportError:  # the self-check area is not installed
        return not_done
    answers = session_store.get_answers()
    if not answers or not describe.is_complete(answers):
        return not_done
    outcome = rules.evaluate(answers)
    sentences = describe.answer_sentences(answers, lang)
    counted = router.on_path_answers(answers)
    questions = [q for q in ORDER if q in counted]
    rows = [{"question": q, "sentence": s} for q, s in zip(questions, sentences, strict=False)]
    return {
        "done": True,
        "sentences": sentences,
        "rows": rows if len(questions) == len(sentences) else [],
        "outcome": describe.outcome_title(outcome.code, lang, role=answers.get("role", "self"), answers=answers),
    }


def known_from_selfcheck() -> dict:
    """Request fields the self-check already answered: the kind of school."""
    try:
        from app.selfcheck import session_store
    except ImportError:
        return {}
    school = session_store.get_answers().get("school_type")
    return {"school_type": school} if school in ("pro", "vso", "entree", "other") else {}


def timeline() -> dict:
    """Dates for "what happens next", counted from today, in the current language."""
    today = drafts.today()
    return {
        "today": format_date(today, format="long"),
        "receipt": format_date(today + timedelta(days=RECEIPT_DAYS), format="long"),
        "advice": format_date(today + timedelta(weeks=ADVICE_WEEKS), format="long"),
    }


def local_moment(moment) -> dict | None:
    """A moment as a Dutch-time date and time in the current language, e.g. for the expiry."""
    if moment is None:
        return None
    from zoneinfo import ZoneInfo

    from babel.dates import format_date as babel_date
    from babel.dates import format_time as babel_time
    from flask_babel import get_locale

    local = moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    locale = get_locale()
    return {"date": babel_date(local.date(), format="long", locale=locale),
            "time": babel_time(local.time(), format="HH:mm", locale=locale)}


def context(kind: str, fields: dict, lang: str) -> dict:
    """Everything a document template needs, in the document's language (call inside force_locale)."""
    return {
        "doc_title": str(TITLES[kind]),
        "doc_lang": lang,
        "fields": fields,
        "sections": summary.sections(fields),
        "full_name": summary.full_name(fields),
        "selfcheck": selfcheck_state(lang),
        "dates": timeline(),
    }


def body_html(kind: str, fields: dict, lang: str) -> Markup:
    """The document's content (an <article lang=...>), for the print view inside the site layout."""
    with force_locale(lang):
        return Markup(render_template(TEMPLATES[kind], standalone=False, **context(kind, fields, lang)))  # noqa: S704


def standalone_html(kind: str, fields: dict, lang: str) -> str:
    """A complete HTML document with <html lang> and <title>, for the PDF."""
    with force_locale(lang):
        return render_template(TEMPLATES[kind], standalone=True, **context(kind, fields, lang))


def pdf(kind: str, fields: dict, lang: str) -> bytes:
    return render_pdf(standalone_html(kind, fields, lang))
