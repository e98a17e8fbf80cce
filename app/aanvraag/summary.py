"""The stored answers as label-value pairs, for the check-answers page and the documents.

Called inside the language of the page or document (flask_babel.force_locale for documents), so
every label and value comes out in that language.
"""

from datetime import date

from flask_babel import format_date, gettext
from flask_babel import lazy_gettext as _l

from app.aanvraag import forms

EXPERIENCES = 3

ABOUT_YOU = [
    ("given_names", _l("Voornamen")),
    ("surname", _l("Achternaam")),
    ("birth_date", _l("Geboortedatum")),
    ("street", _l("Straat en huisnummer")),
    ("postcode", _l("Postcode")),
    ("city", _l("Woonplaats")),
    ("municipality", _l("Gemeente")),
    ("phone", _l("Telefoonnummer")),
    ("email", _l("E-mailadres")),
]
SCHOOL = [
    ("school_name", _l("Naam van de school")),
    ("school_type", _l("Soort school")),
    ("school_years", _l("Jaren op deze school")),
]
EXPERIENCE_PARTS = [
    ("place", _l("Werk of stage %(number)s: waar")),
    ("tasks", _l("Werk of stage %(number)s: wat deed je")),
    ("period", _l("Werk of stage %(number)s: wanneer")),
]
HELPER = [
    ("helper_name", _l("Naam van je helper")),
    ("helper_role", _l("Wie is dit")),
    ("helper_organisation", _l("Organisatie")),
    ("helper_phone", _l("Telefoonnummer van je helper")),
    ("helper_email", _l("E-mailadres van je helper")),
    ("helper_consent", _l("UWV mag contact opnemen met je helper")),
]
OWN_WORDS = [
    ("reason", _l("Waarom je advies vraagt")),
    ("support_examples", _l("Voorbeelden van hulp die je nodig hebt bij je werk")),
]


def birth_date(fields: dict) -> date | None:
    try:
        return date(int(fields["birth_date-year"]), int(fields["birth_date-month"]), int(fields["birth_date-day"]))
    except (KeyError, ValueError):
        return None


def _value(name: str, fields: dict) -> str:
    if name == "birth_date":
        born = birth_date(fields)
        return format_date(born, format="long") if born else ""
    value = fields.get(name, "")
    if name == "school_type":
        return str(dict(forms.SCHOOL_TYPES).get(value, ""))
    if name == "helper_role":
        return str(dict(forms.HELPER_ROLES).get(value, ""))
    if name == "helper_consent":
        if not fields.get("helper_name"):
            return ""
        return gettext("Ja") if value == "y" else gettext("Nee")
    return value


def _row(name: str, label, fields: dict, anchor: str | None = None) -> dict:
    value = _value(name, fields)
    return {"name": name, "label": str(label), "value": value, "anchor": anchor or name}


def sections(fields: dict) -> list[dict]:
    """[{"slug", "title", "rows": [{"name", "label", "value", "anchor"}]}] in page order.

    An empty value stays "" here; templates show "Niet ingevuld".
    """
    about = [
        _row(name, label, fields, "birth_date-day" if name == "birth_date" else None) for name, label in ABOUT_YOU
    ]
    school = [_row(name, label, fields) for name, label in SCHOOL]
    for number in range(EXPERIENCES):
        names = [f"experience-{number}-{part}" for part, _label in EXPERIENCE_PARTS]
        if not any(fields.get(n) for n in names) and number > 0:
            continue
        for (_part, label), name in zip(EXPERIENCE_PARTS, names, strict=True):
            school.append({"name": name, "label": str(label) % {"number": number + 1},
                           "value": fields.get(name, ""), "anchor": name})
    helper = [_row(name, label, fields) for name, label in HELPER]
    own = [_row(name, label, fields) for name, label in OWN_WORDS]
    return [
        {"slug": "over-jou", "title": gettext("Over jou"), "rows": about},
        {"slug": "school-en-werk", "title": gettext("School en werk"), "rows": school},
        {"slug": "wie-helpt-je", "title": gettext("Wie helpt je?"), "rows": helper},
        {"slug": "in-je-eigen-woorden", "title": gettext("In je eigen woorden"), "rows": own},
    ]


def full_name(fields: dict) -> str:
    return " ".join(part for part in (fields.get("given_names", ""), fields.get("surname", "")) if part)
