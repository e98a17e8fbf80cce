""""Zet in je agenda": the send-date form (on the klaar page and on its own page) and the .ics answer.

The file is made on the fly and nothing is kept: no draft, no session value, no log of the date.
A wrong date shows the form again with the typed values and a clear message; never a 500.
"""

from urllib.parse import urlsplit

from flask import Blueprint, make_response, render_template
from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from wtforms import StringField

from app.aanvraag.drafts import today
from app.agenda import texts
from app.agenda.calendar import make_calendar
from app.agenda.stages import SendDateError, estimated_stages, parse_send_date
from app.extensions import csrf
from app.forms import SiteForm
from app.i18n import current_language
from app.ratelimits import download_limit
from app.site_address import absolute_url, site_url

bp = Blueprint("agenda", __name__, url_prefix="/aanvraag")
# The form checks its own CSRF token, so a failed check can show the form again with the typed date.
csrf.exempt(bp)

ERRORS = {
    "missing": _l("Vul de dag, de maand en het jaar in waarop je de aanvraag hebt opgestuurd."),
    "not_a_date": _l("Deze datum bestaat niet. Vul de dag, de maand en het jaar in als cijfers. "
                     "Bijvoorbeeld: %(example)s."),
    "too_early": _l("Deze datum is meer dan een jaar geleden. Vul de dag in waarop je de aanvraag hebt opgestuurd."),
    "too_late": _l("Deze datum is meer dan een maand na vandaag. Vul de dag in waarop je de aanvraag opstuurt."),
    "csrf": _l("Je datum is nog niet verwerkt. De pagina stond lang open. Kijk of de datum klopt en druk nog een keer "
               "op de knop."),
}
FILE_NAMES = {"nl": "na-je-aanvraag.ics", "en": "after-your-request.ics"}


class SendDateForm(SiteForm):
    sent_day = StringField()
    sent_month = StringField()
    sent_year = StringField()


@bp.app_template_global("agenda_example")
def example_date() -> str:
    """Today as the person would type it ("15 3 2027"): an example that is never in the future."""
    day = today()
    return f"{day.day} {day.month} {day.year}"


def _page(form: SendDateForm, error: str = "", status: int = 200):
    return render_template("agenda/page.html", agenda_form=form, agenda_error=error), status


@bp.get("/agenda")
def page():
    return _page(SendDateForm(formdata=None))


@bp.post("/agenda")
@download_limit
def calendar():
    form = SendDateForm()
    if not form.validate():  # only the CSRF token has a check
        return _page(form, str(ERRORS["csrf"]), 400)
    try:
        sent = parse_send_date(form.sent_day.data, form.sent_month.data, form.sent_year.data, today())
    except SendDateError as error:
        return _page(form, str(ERRORS[error.code]) % {"example": example_date()})
    lang = current_language()
    with force_locale(lang):
        stage_texts = {key: (str(texts.SUMMARIES[key]), str(texts.DESCRIPTIONS[key])) for key in texts.SUMMARIES}
        url = absolute_url("voor_jou.page", slug="na-je-vraag")
        estimate = str(texts.ESTIMATE) % {"url": url}
        stage_texts = {key: (summary, f"{text}\n\n{estimate}") for key, (summary, text) in stage_texts.items()}
        name = str(texts.CALENDAR_NAME)
    body = make_calendar(estimated_stages(sent), stage_texts, sent, urlsplit(site_url()).hostname or "localhost",
                         name, url)
    response = make_response(body)
    response.mimetype = "text/calendar"
    response.headers["Content-Disposition"] = f'attachment; filename="{FILE_NAMES[lang]}"'
    response.headers["Cache-Control"] = "no-store"
    return response
