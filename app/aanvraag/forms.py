"""The four pages of the request as WTForms forms. Field names follow the spec's contract exactly.

The CSRF check is done by the form itself (the blueprint is exempt from the global check), so a
missing or expired token gives the same page back with everything the person typed.
"""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, FieldList, Form, FormField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from app.aanvraag import drafts
from app.aanvraag import validation as v
from app.forms import SiteForm

SHORT_TEXT = 200

MESSAGES = {
    "bsn": _l(
        "Hier staat een burgerservicenummer (BSN). Haal het weg. Deze website bewaart geen BSN. "
        "Je schrijft je BSN later zelf op het papier."
    ),
    "postcode": _l("Vul een Nederlandse postcode in: 4 cijfers en 2 letters, zoals 1234 AB."),
    "phone": _l("Vul een Nederlands telefoonnummer in van 10 cijfers, zoals 06 12345678."),
    "email": _l("Vul een e-mailadres in zoals naam@voorbeeld.nl."),
    "date_missing": _l("Vul je geboortedatum in."),
    "date_incomplete": _l("Vul je geboortedatum helemaal in: de dag, de maand en het jaar."),
    "date_invalid": _l("Deze datum bestaat niet. Vul de dag, de maand en het jaar in cijfers in, zoals 15 3 2007."),
    "date_future": _l("Je geboortedatum kan niet in de toekomst liggen."),
    "consent_without_helper": _l(
        "Je zei dat UWV je helper mag bellen. Vul dan ook de naam van je helper in. Of zet het vinkje uit."
    ),
}


CSRF_MESSAGE = _l(
    "Je antwoorden op deze pagina zijn nog niet bewaard. Dat komt doordat de pagina lang open stond. "
    "Kijk of alles klopt en druk nog een keer op de knop."
)


def too_long_message(details: dict) -> str:
    if details["limit"] == v.MAX_FREE_TEXT:
        return _l(
            "Je tekst is %(length)s tekens. Dat is %(over)s tekens te veel. Maak je tekst korter: "
            "maximaal 2000 tekens.",
            length=details["length"],
            over=details["over"],
        )
    return _l("Dit is te lang. Gebruik maximaal %(limit)s tekens.", limit=details["limit"])


def message_for(error: v.Invalid) -> str:
    if error.code == "too_long":
        return str(too_long_message(error.details))
    return str(MESSAGES[error.code])


def _run(check, value):
    try:
        return check(value)
    except v.Invalid as error:
        raise ValidationError(message_for(error)) from None


# Validators: each one leaves an empty value alone unless it is Required.


class Required:
    def __init__(self, message):
        self.message = message

    def __call__(self, form, field):
        if not field.data:
            raise ValidationError(str(self.message))


def no_bsn(form, field):
    if field.data and v.contains_bsn(field.data):
        raise ValidationError(str(MESSAGES["bsn"]))


def length(limit):
    def check(form, field):
        if field.data:
            _run(lambda value: v.check_length(value, limit), field.data)

    return check


def postcode(form, field):
    if field.data:
        field.data = _run(v.check_postcode, field.data)


def phone(form, field):
    if field.data:
        _run(v.check_phone, field.data)


def email(form, field):
    if field.data:
        _run(v.check_email, field.data)


def text(label=None, *checks, limit=SHORT_TEXT, **kwargs):
    """A free-text field: trimmed, refused when it holds a BSN, with a length limit."""
    return StringField(label, filters=[v.normalise_text], validators=[no_bsn, length(limit), *checks], **kwargs)


class RequestForm(SiteForm):
    class Meta:
        # The blueprint is exempt from the global CSRF check; this form checks the token itself.
        csrf = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, str] = {}

    def error_list(self) -> list[tuple[str, str]]:
        """(id of the input to jump to, message) for the error summary, in page order."""
        errors = []
        if self.csrf_token.errors:
            errors.append(("", str(CSRF_MESSAGE)))
        for field in self:
            if field.name in self.group_errors:
                first = next(iter(leaf_fields(field.form)))
                errors.append((first.id, self.group_errors[field.name]))
            if isinstance(field, (FormField, FieldList)):
                errors.extend((leaf.id, leaf.errors[0]) for leaf in leaf_fields(field) if leaf.errors)
            elif isinstance(field, RadioField) and field.errors:
                errors.append((f"{field.id}-{field.choices[0].value}", field.errors[0]))
            elif field.errors and field.name != "csrf_token":
                errors.append((field.id, field.errors[0]))
        return errors

    def stored(self) -> dict[str, str]:
        """The cleaned values by their HTML name (e.g. "birth_date-day"); no CSRF token."""
        return {name: value for name, value in flat_values(self) if name != "csrf_token"}


def leaf_fields(form):
    """Every input of a form, subforms and lists included, in page order."""
    if isinstance(form, FormField):
        form = form.form
    elif isinstance(form, FieldList):
        for entry in form.entries:
            yield from leaf_fields(entry) if isinstance(entry, FormField) else [entry]
        return
    for field in form:
        if isinstance(field, FormField):
            yield from leaf_fields(field.form)
        elif isinstance(field, FieldList):
            for entry in field.entries:
                yield from leaf_fields(entry.form) if isinstance(entry, FormField) else [entry]
        else:
            yield field


def flat_values(form):
    for field in leaf_fields(form):
        if isinstance(field, BooleanField):
            yield field.name, "y" if field.data else ""
        else:
            yield field.name, field.data or ""


class DateForm(Form):
    day = StringField(filters=[v.normalise_text])
    month = StringField(filters=[v.normalise_text])
    year = StringField(filters=[v.normalise_text])


class AboutYouForm(RequestForm):
    given_names = text(None, Required(_l("Vul je voornamen in.")))
    surname = text(None, Required(_l("Vul je achternaam in.")))
    birth_date = FormField(DateForm)
    street = text(None, Required(_l("Vul je straat en huisnummer in.")))
    postcode = text(None, Required(_l("Vul je postcode in.")), postcode, limit=20)
    city = text(None, Required(_l("Vul je woonplaats in.")))
    municipality = text(None, Required(_l("Vul je gemeente in.")))
    phone = text(None, phone, limit=40)
    email = text(None, email, limit=254)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        sub = self.birth_date.form
        try:
            v.check_birth_date(sub.day.data, sub.month.data, sub.year.data, drafts.today())
        except v.Invalid as error:
            # A FormField takes no validators of its own: the date's message is kept here.
            self.group_errors["birth_date"] = message_for(error)
            valid = False
        return valid


SCHOOL_TYPES = [
    ("pro", _l("Praktijkonderwijs (PrO)")),
    ("vso", _l("Voortgezet speciaal onderwijs (VSO)")),
    ("entree", _l("Entreeopleiding")),
    ("mbo", _l("Mbo")),
    ("other", _l("Een andere school")),
]


class ExperienceForm(Form):
    place = text()
    tasks = text(limit=500)
    period = text(limit=100)


class SchoolForm(RequestForm):
    school_name = text()
    school_type = RadioField(choices=[SelectChoice(v, label) for v, label in SCHOOL_TYPES], validate_choice=False)
    school_years = text(limit=100)
    experience = FieldList(FormField(ExperienceForm), min_entries=3, max_entries=3)

    def validate_school_type(self, field):
        # An unknown value (a changed form) is refused with a plain message.
        if field.data not in (None, "", *[value for value, _label in SCHOOL_TYPES]):
            raise ValidationError(str(_l("Kies een van de soorten school.")))

HELPER_ROLES = [
    ("parent", _l("Ouder")),
    ("mentor", _l("Mentor")),
    ("begeleider", _l("Begeleider")),
    ("klantmanager", _l("Klantmanager")),
    ("other", _l("Iemand anders")),
]


class HelperForm(RequestForm):
    helper_name = text()
    helper_role = RadioField(choices=[SelectChoice(v, label) for v, label in HELPER_ROLES], validate_choice=False)
    helper_organisation = text()
    helper_phone = text(None, phone, limit=40)
    helper_email = text(None, email, limit=254)
    helper_consent = BooleanField(false_values=(False, "false", ""))

    def validate_helper_role(self, field):
        if field.data not in (None, "", *[value for value, _label in HELPER_ROLES]):
            raise ValidationError(str(_l("Kies wie je helper is.")))

    def validate_helper_consent(self, field):
        if field.data and not (self.helper_name.data or "").strip():
            raise ValidationError(str(MESSAGES["consent_without_helper"]))


class OwnWordsForm(RequestForm):
    reason = TextAreaField(filters=[v.normalise_text], validators=[no_bsn, length(v.MAX_FREE_TEXT)])
    support_examples = TextAreaField(filters=[v.normalise_text], validators=[no_bsn, length(v.MAX_FREE_TEXT)])


class ActionForm(SiteForm):
    """Confirm and delete: only the CSRF token."""
