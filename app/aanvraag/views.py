"""The pre-filled request: four pages, check answers, the documents, and deleting the details.

Views stay thin: the pages and fields are declared in fields.py (forms.py makes the forms from
them), the flow is the Draft object's (draft.py), the encrypted storage is drafts.py, what comes
from the self-check is selfcheck_link.py, and the documents are documents.py (pure).
"""

import re
from zoneinfo import ZoneInfo

import click
from flask import Blueprint, Response, abort, redirect, render_template, request, url_for
from flask_babel import format_date, format_time
from flask_babel import lazy_gettext as _l
from markupsafe import Markup, escape
from werkzeug.datastructures import MultiDict

from app import i18n
from app.aanvraag import documents, drafts, fields, forms, selfcheck_link
from app.aanvraag.draft import Draft
from app.extensions import csrf
from app.i18n import current_language
from app.ratelimits import download_limit
from app.selfcheck import session_store
from app.seo.sitemap import not_in_sitemap
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


class DetailsUnreachable(Exception):
    """A request page that shows stored details could not read them: said as such (503)."""


def _draft() -> Draft:
    # A page that only shows the details must not act as if the person never started: it says the
    # details cannot be reached now and are not lost. A POST goes on with an empty draft, so what
    # was just typed is shown again with the storage error (see step and check).
    try:
        return Draft.from_stored(drafts.load())
    except drafts.StorageUnavailable:
        if request.method in ("GET", "HEAD"):
            raise DetailsUnreachable from None
        return Draft()


@bp.errorhandler(DetailsUnreachable)
def details_unreachable(_error):
    return render_template("aanvraag/onbereikbaar.html", audience=selfcheck_link.audience()), 503


def _save(draft: Draft) -> None:
    drafts.save(draft.to_stored())


def _to_step(slug: str | None, **kwargs):
    if slug is None:
        return redirect(url_for("aanvraag.check"), code=303)
    return redirect(url_for("aanvraag.step", slug=slug, **kwargs), code=303)


def _in_language(lang: str, endpoint: str, **values) -> str:
    """The URL of a request page in `lang`: the language is the URL prefix, whatever this page's."""
    path = url_for(endpoint, **values)[len(request.script_root):]
    return (i18n.PREFIX if lang == "en" else "") + path


@bp.before_request
def old_language_parameter():
    # ?taal=en was how the English reading copy used to be asked for; the language is the URL
    # prefix now. An old link is sent, permanently, to the same page under its language prefix.
    if "taal" not in request.args:
        return None
    lang = "en" if request.args.get("taal") == "en" else "nl"
    args = {key: value for key, value in request.args.items(multi=True) if key != "taal"}
    return redirect(_in_language(lang, request.endpoint, **(request.view_args or {}), **args), code=308)


@bp.get("")
def start():
    draft = _draft()
    current = selfcheck_link.current_snapshot()
    return render_template(
        "aanvraag/start.html",
        draft=draft,
        audience=selfcheck_link.audience(),
        next_slug=draft.next_page(),
        selfcheck=selfcheck_link.described(current, current_language()),
        outcome=current.outcome if current else None,
    )


def _step_page(page, form, audience, changing: bool, errors, csrf_failed: bool, status: int = 200):
    slug = page.slug
    previous = Draft.previous_page(slug)
    if changing:
        back = url_for("aanvraag.check")
    elif previous:
        back = url_for("aanvraag.step", slug=previous)
    else:
        back = url_for("aanvraag.start")
    here = url_for("aanvraag.step", slug=slug, wijzig="1") if changing else url_for("aanvraag.step", slug=slug)
    return (
        render_template(
            "aanvraag/step.html",
            page=page,
            form=form,
            audience=audience,
            errors=errors,
            heading=page.heading(audience),
            number=fields.SLUGS.index(slug) + 1,
            total=fields.TOTAL_STEPS,
            back=back,
            action=here,
            csrf_failed=csrf_failed,
        ),
        status,
    )


@bp.route("/<slug>", methods=["GET", "POST"])
def step(slug: str):
    page = fields.page_by_slug(slug)
    if page is None:
        abort(404)
    draft = _draft()
    audience = selfcheck_link.audience()
    changing = request.args.get("wijzig") == "1"
    if request.method == "GET":
        if not draft.may_open(slug):
            return _to_step(draft.next_page())
        if slug in draft.done:
            form = forms.form_for(page, audience, formdata=MultiDict(draft.fields))
        else:
            # What the self-check already knows is filled in, not asked again (WCAG 3.3.7).
            form = forms.form_for(page, audience, formdata=None, data=selfcheck_link.known_fields())
        return _step_page(page, form, audience, changing, [], False)

    # A POST is always taken in: when the answers expired meanwhile, what was just typed is kept
    # and the person is sent to the first page still missing.
    form = forms.form_for(page, audience)
    if not form.validate():
        status = 400 if form.csrf_token.errors else 200
        return _step_page(page, form, audience, changing, form.error_list(), bool(form.csrf_token.errors), status)
    draft.save_page(slug, form.stored())
    try:
        _save(draft)
    except drafts.StorageUnavailable:
        return _step_page(page, form, audience, changing, [("", str(STORAGE_ERROR))], False, 503)
    return _to_step(draft.after_save(slug, changing))


@bp.route("/controleren", methods=["GET", "POST"])
def check():
    draft = _draft()
    if not draft.may_check():
        return _to_step(draft.next_page())
    current = selfcheck_link.current_snapshot()
    form = forms.ActionForm()
    status = 200
    error = None
    if request.method == "POST":
        if form.validate():
            draft.confirm(current, drafts.today())
            try:
                _save(draft)
            except drafts.StorageUnavailable:
                error, status = str(STORAGE_ERROR), 503
            else:
                return redirect(url_for("aanvraag.done"), code=303)
        else:
            error, status = str(forms.CSRF_MESSAGE), 400
    audience = selfcheck_link.audience()
    return (
        render_template(
            "aanvraag/controleren.html",
            form=form,
            error=error,
            sections=fields.sections(draft.fields, audience),
            audience=audience,
            selfcheck=selfcheck_link.described(current, current_language()),
            confirm_again=draft.selfcheck_changed(current),
            number=fields.TOTAL_STEPS,
            total=fields.TOTAL_STEPS,
        ),
        status,
    )


def _local_moment(moment) -> dict | None:
    """A moment as a Dutch-time date and time in the page's language, e.g. for the expiry."""
    if moment is None:
        return None
    local = moment.astimezone(ZoneInfo("Europe/Amsterdam"))
    return {"date": format_date(local.date(), format="long"), "time": format_time(local.time(), format="HH:mm")}


@bp.get("/klaar")
def done():
    draft = _draft()
    if not draft.confirmed:
        return redirect(url_for("aanvraag.start"), code=303)
    lang = current_language()
    links = {
        kind: {
            "pdf": _in_language("nl", "aanvraag.document", kind=kind),
            "print": _in_language("nl", "aanvraag.print_view", kind=kind),
            "reading_pdf": _in_language("en", "aanvraag.document", kind=kind),
            "reading_print": _in_language("en", "aanvraag.print_view", kind=kind),
        }
        for kind in documents.KINDS
    }
    return render_template(
        "aanvraag/klaar.html",
        form=forms.ActionForm(),
        dates=documents.timeline(drafts.today()),
        expires=_local_moment(drafts.expires_at()),
        titles={kind: str(title) for kind, title in DOCUMENT_TITLES.items()},
        kinds=documents.KINDS,
        links=links,
        page_lang=lang,
        audience=selfcheck_link.audience(),
        confirm_again=draft.selfcheck_changed(selfcheck_link.current_snapshot()),
    )


def _confirmed_draft(kind: str) -> Draft | None:
    """The draft behind a document, or None when it was never confirmed, deleted or expired."""
    if kind not in documents.KINDS:
        abort(404)
    draft = _draft()
    return draft if draft.confirmed else None


@bp.get("/document/<kind>.pdf")
@download_limit
def document(kind: str):
    """The PDF of one document, in the URL's language (/en/...: the English reading copy)."""
    draft = _confirmed_draft(kind)
    if draft is None:
        return redirect(url_for("aanvraag.start"), code=303)
    lang = current_language()
    body = documents.pdf(kind, draft, lang)
    record_event(REQUEST_DOCUMENT, kind)
    suffix = "-en" if lang == "en" else ""
    response = Response(body, mimetype="application/pdf")
    response.headers["Content-Disposition"] = f'inline; filename="{kind}{suffix}.pdf"'
    return response


@bp.get("/afdrukken/<kind>")
def print_view(kind: str):
    """The same document as a page to print, in the URL's language."""
    draft = _confirmed_draft(kind)
    if draft is None:
        return redirect(url_for("aanvraag.start"), code=303)
    lang = current_language()
    body = documents.body_html(kind, draft, lang)
    return render_template("aanvraag/afdrukken.html", heading=str(DOCUMENT_TITLES[kind]), body=body, kind=kind,
                           doc_lang=lang)


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
@not_in_sitemap  # a state ("details removed"), not a page to land on
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
