"""Coming back after the 24 hours (request.md): a page that says the details were removed after
24 hours and what to do now, instead of an empty first page.

Registered on the request blueprint (views.py imports this module): every GET of a request page
first looks whether this browser's details expired. A POST is always taken in, so what was just
typed is kept (views.step).
"""

from flask import redirect, render_template, request, url_for

from app.aanvraag import drafts
from app.aanvraag.views import bp
from app.selfcheck import router, session_store
from app.seo.sitemap import not_in_sitemap

# Pages that stay reachable with expired details: this page and the ones after deleting.
_OPEN = {"aanvraag.expired", "aanvraag.deleted", "aanvraag.delete"}

@bp.before_request
def expired_details():
    if request.method != "GET" or request.endpoint in _OPEN or not drafts.has_details():
        return None
    if drafts.came_back_too_late():
        return redirect(url_for("aanvraag.expired"), code=303)
    return None


@bp.get("/verlopen")
@not_in_sitemap
def expired():
    # Said once: the key of details that are gone is forgotten, so the next visit starts afresh.
    drafts.forget()
    answers = session_store.get_answers()
    return render_template(
        "aanvraag/verlopen.html",
        has_result=router.is_complete(answers) and bool(answers),
        has_answers=bool(router.on_path_answers(answers)),
    )
