"""/wis-alles: ask once, remove the self-check answers and the request details, say what went.

The self-check answers live only in the session cookie, so they are always removed. The request
details are removed from the database by drafts.delete_current(); when the database cannot be
reached the page says so (503) and the same button tries again.
"""

from flask import Blueprint, redirect, render_template, request, session, url_for

from app.aanvraag import drafts
from app.extensions import csrf
from app.forms import SiteForm
from app.selfcheck import router, session_store
from app.seo.sitemap import not_in_sitemap

bp = Blueprint("wipe", __name__, url_prefix="/wis-alles")

SELFCHECK, REQUEST = "zelftest", "aanvraag"
CSRF_FIELD = "csrf_token"  # Flask-WTF's key in the session (WTF_CSRF_FIELD_NAME)


class WipeForm(SiteForm):
    """Only the CSRF token: the button is the whole form."""


@bp.after_request
def no_store(response):
    # What this page lists is about one visitor: never kept by a browser cache or a proxy.
    response.headers["Cache-Control"] = "no-store"
    return response


def _what_is_kept() -> list[str]:
    kept = []
    if router.on_path_answers(session_store.get_answers()):
        kept.append(SELFCHECK)
    if drafts.has_details() or drafts.pending_deletes():
        kept.append(REQUEST)
    return kept


@bp.get("")
@not_in_sitemap
def confirm():
    return render_template("wipe/confirm.html", kept=_what_is_kept(), form=WipeForm(), error=False)


@bp.post("")
@csrf.exempt  # WipeForm checks its own token, so a failed check shows this page again, not an error page
def wipe():
    form = WipeForm()
    if not form.validate():
        return render_template("wipe/confirm.html", kept=_what_is_kept(), form=form, error=True), 400
    kept = _what_is_kept()
    request_removed = drafts.delete_current()
    pending = drafts.pending_deletes()
    # Everything else of this visit goes too (answers, counters' flags, the key), except the
    # form-token secret, so that the button on the next page works.
    secret = session.get(CSRF_FIELD)
    session.clear()
    if secret:
        session[CSRF_FIELD] = secret
    if not request_removed:
        drafts.keep_pending(pending)
        removed = [SELFCHECK] if SELFCHECK in kept else []
        return render_template("wipe/done.html", removed=removed, failed=True, form=WipeForm()), 503
    return redirect(url_for("wipe.done", gewist=",".join(kept)), code=303)


@bp.get("/gewist")
@not_in_sitemap
def done():
    said = request.args.get("gewist", "")
    removed = [part for part in (SELFCHECK, REQUEST) if part in said.split(",")]
    return render_template("wipe/done.html", removed=removed, failed=False, form=WipeForm())
