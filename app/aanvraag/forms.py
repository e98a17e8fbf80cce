"""WTForms forms made from the declaration in fields.py (one form class per page).

The CSRF check is done by the form itself (the blueprint is exempt from the global check), so a
missing or expired token gives the same page back with everything the person typed. A form is
built for one audience (`form_for(page, audience)`): its error messages speak to the person, or to
the helper about "de leerling"/"de persoon".
"""

from functools import cache

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, FieldList, Form, FormField, RadioField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import ValidationError

from app.aanvraag import drafts
from app.aanvraag import validation as v
from app.aanvraag.fields import PERSON, Audience, Field, Page, Repeated, page_by_slug
from app.forms import SiteForm

# Messages per check code: the person's text, and the helper's (None: the same words fit both).
MESSAGES = {
    "bsn": (_l(
        "Hier staat een burgerservicenummer (BSN). Haal het weg. Deze website bewaart geen BSN. "
        "Je schrijft je BSN later zelf op het papier."
    ), _l(
        "Hier staat een burgerservicenummer (BSN). Haal het weg. Deze website bewaart geen BSN. "
        "Het BSN schrijft %(person)s later zelf op het papier."
    )),
    "postcode": (_l("Vul een Nederlandse postcode in: 4 cijfers en 2 letters, zoals 1234 AB."), None),
    "phone": (_l("Vul een Nederlands telefoonnummer in van 10 cijfers, zoals 06 12345678."), None),
    "email": (_l("Vul een e-mailadres in zoals naam@voorbeeld.nl."), None),
    "date_missing": (_l("Vul je geboortedatum in."), _l("Vul de geboortedatum van %(person)s in.")),
    "date_incomplete": (_l("Vul je geboortedatum helemaal in: de dag, de maand en het jaar."),
                        _l("Vul de geboortedatum van %(person)s helemaal in: de dag, de maand en het jaar.")),
    "date_invalid": (_l("Deze datum bestaat niet. Vul de dag, de maand en het jaar in cijfers in, zoals 15 3 2007."),
                     None),
    "date_future": (_l("Je geboortedatum kan niet in de toekomst liggen."),
                    _l("De geboortedatum kan niet in de toekomst liggen.")),
    "consent_without_helper": (_l(
        "Je zei dat UWV je helper mag bellen. Vul dan ook de naam van je helper in. Of zet het vinkje uit."
    ), _l("Je zei dat UWV je mag bellen. Vul dan ook je naam in. Of zet het vinkje uit.")),
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


def message_for(error: v.Invalid, audience: Audience = PERSON) -> str:
    if error.code == "too_long":
        return str(too_long_message(error.details))
    return audience.say(*MESSAGES[error.code])


def _declared_check(declared: Field):
    """One WTForms validator that applies everything the declaration says about a field."""

    def check(form, field):
        audience = form.audience
        value = field.data
        if declared.kind == "radio":
            if value not in (None, "", *[c.value for c in declared.choices]):
                raise ValidationError(audience.say(declared.invalid_choice, declared.helper_invalid_choice))
            return
        if declared.kind == "checkbox":
            if value and declared.only_with and not (form[declared.only_with].data or "").strip():
                raise ValidationError(message_for(v.Invalid("consent_without_helper"), audience))
            return
        if not value:
            if declared.required:
                raise ValidationError(audience.say(declared.required, declared.helper_required))
            return
        try:
            if v.contains_bsn(value):
                raise v.Invalid("bsn")
            value = v.check_length(value, declared.limit)
            for rule in declared.checks:
                value = rule(value)
        except v.Invalid as error:
            raise ValidationError(message_for(error, audience)) from None
        if declared.checks:
            field.data = value  # e.g. the postcode written as 1234 AB

    return check


def _wtforms_field(declared: Field):
    checks = [_declared_check(declared)]
    if declared.kind == "radio":
        return RadioField(choices=[SelectChoice(c.value, c.label) for c in declared.choices],
                          validate_choice=False, validators=checks)
    if declared.kind == "checkbox":
        return BooleanField(false_values=(False, "false", ""), validators=checks)
    if declared.kind == "textarea":
        return TextAreaField(filters=[v.normalise_text], validators=checks)
    if declared.kind == "date":
        parts = {name: StringField(filters=[v.normalise_text]) for name in ("day", "month", "year")}
        return FormField(type("DateForm", (Form,), parts))
    return StringField(filters=[v.normalise_text], validators=checks)


class RequestForm(SiteForm):
    class Meta:
        # The blueprint is exempt from the global CSRF check; this form checks the token itself.
        csrf = True

    page: Page

    def __init__(self, *args, audience: Audience = PERSON, **kwargs):
        super().__init__(*args, **kwargs)
        self.audience = audience
        self.group_errors: dict[str, str] = {}
        # The repeated groups' subforms check their fields in the same voice.
        for field in self:
            if isinstance(field, FieldList):
                for entry in field.entries:
                    entry.form.audience = audience

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        for declared in self.page.fields():
            if isinstance(declared, Field) and declared.kind == "date":
                sub = self[declared.name].form
                try:
                    v.check_birth_date(sub.day.data, sub.month.data, sub.year.data, drafts.today())
                except v.Invalid as error:
                    # A FormField takes no validators of its own: the date's message is kept here.
                    self.group_errors[declared.name] = message_for(error, self.audience)
                    valid = False
        return valid

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


@cache
def form_class(slug: str) -> type[RequestForm]:
    """The form of one page, made once from its declaration."""
    page = page_by_slug(slug)
    attributes: dict = {"page": page}
    for item in page.fields():
        if isinstance(item, Repeated):
            parts = {part.name: _wtforms_field(part) for part in item.parts}
            group = type(f"{item.name.title()}Form", (Form,), parts)
            attributes[item.name] = FieldList(FormField(group), min_entries=item.count, max_entries=item.count)
        else:
            attributes[item.name] = _wtforms_field(item)
    return type(f"{slug.title().replace('-', '')}Form", (RequestForm,), attributes)


def form_for(page: Page, audience: Audience, **kwargs) -> RequestForm:
    return form_class(page.slug)(audience=audience, **kwargs)


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


class ActionForm(SiteForm):
    """Confirm and delete: only the CSRF token."""
