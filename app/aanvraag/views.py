"""The pre-filled request: four pages, check answers, the documents, and deleting the details.

Views stay thin: the order of pages is in flow.py, the checks in forms.py and validation.py, the
encrypted storage in drafts.py and the documents in documents.py.
"""

import re

import click
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict

from app.aanvraag import documents, drafts, flow, forms, summary
from app.extensions import csrf
from app.i18n import current_language
from app.ratelimits import download_limit
from app.selfcheck import session_store
from app.storage.events import REQUEST_DOCUMENT, record_event

bp = Blueprint("aanvraag", __name__, url_prefix="/aanvraag")
# Each form checks its own CSRF token, so a failed check can show the page again with the answers.
csrf.exempt(bp)

DOCUMENT_TITLES = documents.TITLES
STORAGE_ERROR = _l(
    "We konden je antwoorden nu niet bewaren. Er is niets verloren. Probeer het over een paar minuten nog een keer."
)


@bp.app_template_filter("dutch_terms")
def dutch_terms(text) -> Markup:
    """*term* in a translation marks a Dutch official term: shown in italics, read out in Dutch."""
    escaped = str(escape(str(text)))
    return Markup(re.sub(r"\*([^*]+)\*", r'<i lang="nl">\1</i>', escaped))  # noqa: S704 - escaped above


@bp.after_request
def no_store(response):
    # Pages and documents with personal details: never kept by a browser cache or a proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


def _draft() -> dict:
    try:
        return drafts.load()
    except drafts.StorageUnavailable:
        return {}


def _to_step(slug: str | None, **kwargs):
    if slug is None:
        return redirect(url_for("aanvraag.check"), code=303)
    return redirect(url_for("aanvraag.step", slug=slug, **kwargs), code=303)


def _document_language() -> str:
    return "en" if request.args.get("taal") == "en" else "nl"


@bp.get("")
def start():
    draft = _draft()
    return render_template(
        "aanvraag/start.html",
        draft=draft,
        next_slug=flow.first_missing(draft),
        selfcheck=documents.selfcheck_state(current_language()),
    )


@bp.route("/<slug>", methods=["GET", "POST"])
def step(slug: str):
    current = flow.step_by_slug(slug)
    if current is None:
        abort(404)
    draft = _draft()
    # A POST is always taken in: when the answers expired meanwhile, what was just typed is kept
    # and the person is sent to the first page still missing.
    if request.method == "GET" and not flow.can_open(draft, slug):
        return _to_step(flow.first_missing(draft))
    changing = request.args.get("wijzig") == "1"
    fields = draft.get("fields", {})
    status = 200
    errors: list[tuple[str, str]] = []

    if request.method == "POST":
        form = current.form()
        valid = form.validate()
        errors = form.error_list()
        if valid:
            draft.setdefault("fields", {}).update(form.stored())
            done = list(draft.get("done", []))
            if slug not in done:
                done.append(slug)
            draft["done"] = done
            draft["confirmed"] = False
            try:
                drafts.save(draft)
            except drafts.StorageUnavailable:
                errors = [("", str(STORAGE_ERROR))]
                status = 503
            else:
                missing = flow.first_missing(draft)
                if missing is not None and flow.SLUGS.index(missing) < flow.SLUGS.index(slug):
                    return _to_step(missing)
                following = None if changing else flow.next_slug(slug)
                return _to_step(following) if following else redirect(url_for("aanvraag.check"), code=303)
        else:
            status = 400 if form.csrf_token.errors else 200
    else:
        if slug in draft.get("done", []):
            form = current.form(formdata=MultiDict(fields))
        else:
            # What the self-check already knows is filled in, not asked again (WCAG 3.3.7).
            form = current.form(formdata=None, data=documents.known_from_selfcheck())

    previous = flow.previous_slug(slug)
    if changing:
        back = url_for("aanvraag.check")
    elif previous:
        back = url_for("aanvraag.step", slug=previous)
    else:
        back = url_for("aanvraag.start")
    return (
        render_template(
            current.template,
            form=form,
            errors=errors,
            heading=str(current.title),
            number=flow.number(slug),
            total=flow.TOTAL,
            back=back,
            action=url_for("aanvraag.step", slug=slug, wijzig="1") if changing else url_for("aanvraag.step", slug=slug),
            csrf_failed=bool(form.csrf_token.errors) if request.method == "POST" else False,
        ),
        status,
    )


@bp.route("/controleren", methods=["GET", "POST"])
def check():
    draft = _draft()
    missing = flow.first_missing(draft)
    if missing is not None:
        return _to_step(missing)
    form = forms.ActionForm()
    status = 200
    error = None
    if request.method == "POST":
        if form.validate():
            draft["confirmed"] = True
            try:
                drafts.save(draft)
            except drafts.StorageUnavailable:
                error, status = str(STORAGE_ERROR), 503
            else:
                return redirect(url_for("aanvraag.done"), code=303)
        else:
            error, status = str(forms.CSRF_MESSAGE), 400
    return (
        render_template(
            "aanvraag/controleren.html",
            form=form,
            error=error,
            sections=summary.sections(draft.get("fields", {})),
            selfcheck=documents.selfcheck_state(current_language()),
            number=flow.TOTAL,
            total=flow.TOTAL,
        ),
        status,
    )


@bp.get("/klaar")
def done():
    draft = _draft()
    if not draft.get("confirmed"):
        return redirect(url_for("aanvraag.start"), code=303)
    return render_template(
        "aanvraag/klaar.html",
        form=forms.ActionForm(),
        dates=documents.timeline(),
        expires=documents.local_moment(drafts.expires_at()),
        titles={kind: str(title) for kind, title in DOCUMENT_TITLES.items()},
        kinds=documents.KINDS,
    )


def _confirmed_draft(kind: str) -> dict | None:
    """The draft behind a document, or None when it was never confirmed, deleted or expired."""
    if kind not in documents.KINDS:
        abort(404)
    draft = _draft()
    return draft if draft.get("confirmed") else None


@bp.get("/document/<kind>.pdf")
@download_limit
def document(kind: str):
    """The PDF of one document; ?taal=en gives the English reading copy."""
    draft = _confirmed_draft(kind)
    if draft is None:
        return redirect(url_for("aanvraag.start"), code=303)
    lang = _document_language()
    body = documents.pdf(kind, draft.get("fields", {}), lang)
    record_event(REQUEST_DOCUMENT, kind)
    suffix = "-en" if lang == "en" else ""
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{kind}{suffix}.pdf"'
    return response


@bp.get("/afdrukken/<kind>")
def print_view(kind: str):
    """The same document as a page to print; ?taal=en gives the English reading copy."""
    draft = _confirmed_draft(kind)
    if draft is None:
        return redirect(url_for("aanvraag.start"), code=303)
    lang = _document_language()
    body = documents.body_html(kind, draft.get("fields", {}), lang)
    with force_locale(lang):
        heading = str(DOCUMENT_TITLES[kind])
    return render_template("aanvraag/afdrukken.html", heading=heading, body=body, kind=kind, doc_lang=lang)


@bp.post("/verwijderen")
def delete():
    form = forms.ActionForm()
    if not form.validate():
        # Deleting needs no answers to be kept: say it did not happen and offer the button again.
        return render_template("aanvraag/verwijderd.html", form=form, failed=True), 400
    # Everything of this visit on this device goes: the self-check answers too (request.md).
    had_answers = bool(session_store.get_answers())
    session_store.clear_answers()
    if not drafts.delete_current():
        # Said as it is: not removed yet; the row's id is kept so that the same button tries again.
        return render_template("aanvraag/verwijderd.html", form=forms.ActionForm(), failed=False,
                               unreachable=True, selfcheck_removed=had_answers), 503
    return redirect(url_for("aanvraag.deleted", zelftest="1" if had_answers else None), code=303)


@bp.get("/verwijderd")
def deleted():
    return render_template("aanvraag/verwijderd.html", form=forms.ActionForm(), failed=False,
                           selfcheck_removed=request.args.get("zelftest") == "1")


@bp.cli.command("purge")
def purge_command():
    """Delete every request draft older than 24 hours."""
    count = drafts.purge_expired()
    click.echo(f"purged {count} expired request drafts")


# Coming back after the 24 hours: app/aanvraag/expiry.py adds a check before every request page.
from app.aanvraag import expiry  # noqa: E402,F401
