"""The two request documents as a pure function of (kind, confirmed draft, language).

They read no session and no request: the fields, the self-check snapshot and the date all come
from the confirmed draft, so a document never changes behind the person's back (doing the
self-check again asks the person to confirm again instead). One template per kind serves the
print view (`body_html`) and the PDF (`pdf`). Needs only an application context (templates and
translations); the templates are rendered without the site's context processors for that reason.
"""

from datetime import date, timedelta

from flask import current_app
from flask_babel import force_locale, format_date
from flask_babel import lazy_gettext as _l
from markupsafe import Markup

from app.aanvraag import fields as declared
from app.aanvraag.draft import Draft
from app.aanvraag.selfcheck_link import described
from app.documents.pdf import render_pdf
from app.languages import LANGUAGES

KINDS = ("voorbereiding", "brief-gemeente")
TEMPLATES = {"voorbereiding": "documents/voorbereiding.html", "brief-gemeente": "documents/brief_gemeente.html"}
TITLES = {
    "voorbereiding": _l("Voorbereiding aanvraag advies beschut werk"),
    "brief-gemeente": _l("Brief aan de gemeente: verzoek om beschut werk"),
}
RECEIPT_DAYS = 5
ADVICE_WEEKS = 8


class NotConfirmed(ValueError):
    """A document was asked for a draft that was not confirmed."""


def timeline(today: date) -> dict:
    """Dates for "what happens next", counted from `today`, in the current language."""
    return {
        "today": format_date(today, format="long"),
        "receipt": format_date(today + timedelta(days=RECEIPT_DAYS), format="long"),
        "advice": format_date(today + timedelta(weeks=ADVICE_WEEKS), format="long"),
    }


def context(kind: str, draft: Draft, lang: str) -> dict:
    """Everything a document template needs, in the document's language (call inside force_locale)."""
    if kind not in KINDS or lang not in LANGUAGES:
        raise ValueError(f"unknown document {kind!r} in {lang!r}")
    if not draft.confirmed or draft.confirmed_on is None:
        raise NotConfirmed(kind)
    return {
        "doc_title": str(TITLES[kind]),
        "doc_lang": lang,
        "doc_kind": kind,
        "fields": draft.fields,
        "sections": declared.sections(draft.fields),
        "full_name": declared.full_name(draft.fields),
        "selfcheck": described(draft.selfcheck, lang, role="self"),
        "selfcheck_code": draft.selfcheck.outcome if draft.selfcheck else None,
        "dates": timeline(draft.confirmed_on),
    }


def _render(kind: str, draft: Draft, lang: str, standalone: bool) -> str:
    with force_locale(lang):
        template = current_app.jinja_env.get_template(TEMPLATES[kind])
        return template.render(standalone=standalone, **context(kind, draft, lang))


def body_html(kind: str, draft: Draft, lang: str) -> Markup:
    """The document's content (an <article lang=...>), for the print view inside the site layout."""
    return Markup(_render(kind, draft, lang, standalone=False))  # noqa: S704 - a Jinja template, autoescaped


def standalone_html(kind: str, draft: Draft, lang: str) -> str:
    """A complete HTML document with <html lang> and <title>, for the PDF."""
    return _render(kind, draft, lang, standalone=True)


def pdf(kind: str, draft: Draft, lang: str) -> bytes:
    return render_pdf(standalone_html(kind, draft, lang))
