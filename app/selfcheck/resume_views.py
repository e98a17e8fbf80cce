"""Continue later (/zelftest/verder): a resume code or its QR link brings the answers back.

The code is made and read by resume_code.py; nothing is stored on the server. The block that shows
the code and the QR code (templates/selfcheck/_resume.html) gets its values from
`selfcheck_resume()`, so a page only needs one include.
"""

from functools import lru_cache

import segno
from flask import redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from wtforms import StringField

from app.extensions import csrf
from app.forms import SiteForm
from app.selfcheck import resume_code, router, session_store
from app.selfcheck.views import bp
from app.site_address import absolute_url

# The words of the spec: a typing error is said, never taken as other answers.
WRONG_CODE = _l("Deze code klopt niet. Kijk of je een letter verkeerd hebt overgenomen.")
NO_CODE = _l("Typ de code in. Je vindt de code bij je antwoorden of op je uitslag.")
NOT_SENT = _l("Je code is nog niet gecontroleerd. Druk nog een keer op ‘Ga verder’.")
MAX_TYPED = 100  # longer text is no code; shown back cut to this length


class ResumeForm(SiteForm):
    code = StringField()


def _typed() -> str:
    """What was typed (form) or linked (?code=), without characters nobody types: it is shown back."""
    value = request.values.get("code") or ""
    return "".join(c for c in value if c.isprintable() or c == " ")[:MAX_TYPED]


def _next_url(answers: dict) -> str:
    missing = router.next_question(answers)
    if missing is None:
        return url_for("selfcheck.check_answers")
    return url_for("selfcheck.question", question_id=missing)


def _restore(restored: resume_code.Restored):
    """Keep the restored answers in this browser and lead to where the person goes on."""
    session_store.save_answers(restored.answers)
    # Started on another device: counted there already.
    if not session_store.get_flag("started"):
        session_store.set_flag("started")
    for question_id in router.on_path_answers(restored.answers):
        session_store.mark_seen(question_id)
    target = _next_url(restored.answers)
    if restored.dropped:
        # Made with an older version of the check: say that some answers no longer count.
        return render_template("selfcheck/resume_note.html", next_url=target,
                               complete=router.is_complete(restored.answers))
    return redirect(target, code=303)


def _form_page(typed: str, error: str | None, replacing: bool = False, status: int = 200):
    page = render_template("selfcheck/resume.html", typed=typed, error=error, replacing=replacing)
    return page, (400 if error else status)


@bp.route("/verder", methods=["GET", "POST"])
@csrf.exempt  # ResumeForm checks its own token, so a failed check shows the form again with the code
def resume():
    """GET: the form, or the QR link (?code=...). POST: the form sent."""
    typed = _typed()
    if request.method == "GET":
        if "code" not in request.args:
            return _form_page("", None)
        try:
            restored = resume_code.decode(typed)
        except resume_code.InvalidCode as error:
            return _form_page(typed, str(NO_CODE if error.reason == "empty" else WRONG_CODE))
        current = router.on_path_answers(session_store.get_answers())
        if current and current != router.on_path_answers(restored.answers):
            # A link from elsewhere never replaces other answers in this browser without asking.
            return _form_page(resume_code.grouped(typed), None, replacing=True)
        return _restore(restored)

    form = ResumeForm()
    if not form.validate():
        return _form_page(typed, str(NOT_SENT))
    try:
        restored = resume_code.decode(typed)
    except resume_code.InvalidCode as error:
        return _form_page(typed, str(NO_CODE if error.reason == "empty" else WRONG_CODE))
    return _restore(restored)


@lru_cache(maxsize=2048)
def _qr_svg(link: str) -> Markup:
    """The QR code as inline SVG (no script, no style attribute), made here: no other host.

    Hidden from screen readers: the link around it says in words what it does.
    """
    qr = segno.make(link, error="m")
    svg = qr.svg_inline(scale=4, border=2, svgclass="resume-qr__image", lineclass=None, omitsize=True)
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))  # noqa: S704 - segno's SVG


@bp.app_template_global()
def selfcheck_resume(walk=None) -> dict | None:
    """The code, its link and QR for the answers in this browser; None when there are none.

    A page that has the walk (walk.py) passes it; other pages (wipe) read the session.
    """
    answers = dict(walk.counted) if walk is not None else router.on_path_answers(session_store.get_answers())
    if not answers:
        return None
    code = resume_code.encode(answers)
    link = absolute_url("selfcheck.resume", code=code)
    return {
        "code": resume_code.grouped(code),
        "link": link,
        "form_url": absolute_url("selfcheck.resume"),
        "qr": _qr_svg(link),
    }
