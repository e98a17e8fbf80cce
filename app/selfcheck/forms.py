"""WTForms forms generated from the question data."""

from functools import cache

from flask_babel import lazy_gettext as _l
from wtforms import RadioField
from wtforms.validators import InputRequired

from app.forms import SiteForm
from app.selfcheck.questionnaire import BY_ID


class ConfirmForm(SiteForm):
    """The confirm button on check-answers and "Opnieuw beginnen": only the CSRF token."""


@cache
def question_form_class(question_id: str) -> type[SiteForm]:
    """A form with one radio field, named after the question id, choices = the option values."""
    question = BY_ID[question_id]
    field = RadioField(
        choices=list(question.options),
        validators=[InputRequired(message=_l("Kies een antwoord."))],
        validate_choice=True,
    )
    return type(f"{question_id.title().replace('_', '')}Form", (SiteForm,), {question_id: field})


def question_form(question_id: str, **kwargs) -> SiteForm:
    return question_form_class(question_id)(**kwargs)
