"""The form "Was deze pagina nuttig?": yes or no, and an optional comment without personal details."""

import re

from flask_babel import lazy_gettext as _l
from stdnum.nl import bsn
from wtforms import StringField, TextAreaField
from wtforms.validators import AnyOf, InputRequired, ValidationError

from app.forms import SiteForm

MAX_COMMENT = 500

EMAIL = re.compile(r"[^\s@]+\s*@\s*[^\s@]+\.[a-z]{2,}", re.IGNORECASE)
# Dutch numbers (06-12345678, 020 123 4567, +31 6 1234 5678, 0031...) and other international ones.
_SEP = r"[\s.\-/()]{0,2}"
PHONE = re.compile(
    rf"(?<![\d+])(?:(?:\+|00){_SEP}\d{_SEP}\d?{_SEP}(?:\d{_SEP}){{6,12}}\d|0(?:{_SEP}\d){{9}})(?!\d)"
)
NINE_DIGITS = re.compile(r"(?<!\d)\d(?:[\s.\-]?\d){8}(?!\d)")


def comment_problem(text: str) -> str | None:
    """Why a comment cannot be stored, or None. The message never repeats what was typed."""
    if len(text) > MAX_COMMENT:
        return str(_l("Je reactie is te lang. Gebruik maximaal 500 tekens. Nu zijn het er %(count)s.", count=len(text)))
    if EMAIL.search(text):
        return str(_l("Haal het e-mailadres weg. We bewaren geen gegevens waarmee iemand te herkennen is."))
    if PHONE.search(text):
        return str(_l("Haal het telefoonnummer weg. We bewaren geen gegevens waarmee iemand te herkennen is."))
    for match in NINE_DIGITS.finditer(text):
        if bsn.is_valid(re.sub(r"\D", "", match.group())):
            return str(
                _l("Haal het burgerservicenummer (BSN) weg. We bewaren geen gegevens waarmee iemand te herkennen is.")
            )
    return None


def _check_comment(form, field) -> None:
    problem = comment_problem(field.data or "")
    if problem:
        raise ValidationError(problem)


class FeedbackForm(SiteForm):
    nuttig = StringField(
        validators=[
            InputRequired(message=_l("Kies ja of nee.")),
            AnyOf(["ja", "nee"], message=_l("Kies ja of nee.")),
        ]
    )
    opmerking = TextAreaField(validators=[_check_comment], filters=[lambda v: (v or "").replace("\r\n", "\n").strip()])
