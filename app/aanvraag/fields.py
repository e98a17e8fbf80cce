"""The request's pages and fields, declared once.

Everything else is made from this list: the WTForms forms (forms.py), the step pages
(templates/aanvraag/step.html), the check-answers page and the rows of both documents
(`sections()` below). Adding a field is one `Field(...)` here plus its translations.

Wording: `label`, `hint` and `required` speak to the person ("je"). Where that reads wrong for a
helper filling it in (the self-check's role answer `helper`), `helper_label` etc. give the helper's
variant, with `%(person)s` for "de leerling" (at school) or "de persoon". `summary` is the label
in the check-answers page and the documents; the documents always use the person's voice.
HTML names (`name`, and `name-part` for the date and the experiences) are the spec's contract.
"""

from dataclasses import dataclass
from datetime import date

from flask_babel import format_date, gettext
from flask_babel import lazy_gettext as _l

from app.aanvraag import validation as v

SHORT_TEXT = 200


@dataclass(frozen=True)
class Audience:
    """Who fills in the request: the person ("je") or a helper about "de leerling"/"de persoon"."""

    helper: bool = False
    at_school: bool = False

    @property
    def person(self) -> str:
        return gettext("de leerling") if self.at_school else gettext("de persoon")

    @property
    def Person(self) -> str:  # noqa: N802 - reads as what it is: the capitalised form
        """For the start of a sentence: "De leerling", "De persoon"."""
        return self.person[:1].upper() + self.person[1:]

    def say(self, self_text, helper_text=None, **values) -> str:
        """The text for this audience, with %(person)s / %(Person)s and any other values filled in."""
        if self.helper and helper_text is not None:
            return str(helper_text) % {"person": self.person, "Person": self.Person, **values}
        text = str(self_text) if self_text is not None else ""
        return text % values if values else text


PERSON = Audience()  # the documents' voice


@dataclass(frozen=True)
class Choice:
    value: str
    label: object


@dataclass(frozen=True)
class Field:
    name: str
    label: object
    kind: str = "text"  # text | textarea | radio | checkbox | date
    helper_label: object = None
    hint: object = None
    helper_hint: object = None
    required: object = None  # the message when empty; None = optional
    helper_required: object = None
    summary: object = None  # label on check-answers and in the documents (default: label)
    helper_summary: object = None  # label on check-answers in the helper role
    autocomplete: str = "off"
    input_type: str = "text"
    width: str = ""
    inputmode: str | None = None
    spellcheck: str | None = None
    limit: int = SHORT_TEXT
    checks: tuple = ()  # pure checks from validation.py: value -> cleaned value, or raise Invalid
    choices: tuple[Choice, ...] = ()
    invalid_choice: object = None
    helper_invalid_choice: object = None
    choice_label: object = None  # checkbox: the text beside the box
    helper_choice_label: object = None
    only_with: str | None = None  # checkbox: only means something when this field is filled in
    first_only_hint: bool = False  # in a repeated group: the hint only under the first one

    @property
    def optional(self) -> bool:
        return self.required is None

    @property
    def date_parts(self) -> tuple:
        """(part, label, autocomplete, width) of a date's three inputs."""
        return DATE_PARTS

    def words(self, audience: Audience, number: int | None = None) -> dict:
        """Label, hint and (checkbox) choice text for a page in this audience's voice."""
        values = {"number": number} if number is not None else {}
        hint = self.hint if not (self.first_only_hint and number not in (None, 1)) else None
        helper_hint = self.helper_hint if hint is not None else None
        return {
            "label": audience.say(self.label, self.helper_label, **values),
            "hint": audience.say(hint, helper_hint) if hint is not None else "",
            "choice_label": audience.say(self.choice_label, self.helper_choice_label) if self.choice_label else "",
            "optional": self.optional,
        }

    def summary_label(self, audience: Audience, number: int | None = None) -> str:
        values = {"number": number} if number is not None else {}
        helper = self.helper_summary if self.helper_summary is not None else (
            None if self.summary is not None else self.helper_label)
        return audience.say(self.summary if self.summary is not None else self.label, helper, **values)

    def reads(self, fields: dict, name: str | None = None) -> str:
        """How the stored value reads on check-answers and in the documents ("" = not filled in)."""
        if self.kind == "date":
            born = stored_date(fields, self.name)
            return format_date(born, format="long") if born else ""
        value = fields.get(name or self.name, "")
        if self.kind == "radio":
            return next((str(c.label) for c in self.choices if c.value == value), "")
        if self.kind == "checkbox":
            if self.only_with and not fields.get(self.only_with):
                return ""
            return gettext("Ja") if value == "y" else gettext("Nee")
        return value


DATE_PARTS = (("day", _l("Dag"), "bday-day", "short"), ("month", _l("Maand"), "bday-month", "short"),
              ("year", _l("Jaar"), "bday-year", "year"))


def stored_date(fields: dict, name: str) -> date | None:
    try:
        return date(int(fields[f"{name}-year"]), int(fields[f"{name}-month"]), int(fields[f"{name}-day"]))
    except (KeyError, ValueError):
        return None


@dataclass(frozen=True)
class Repeated:
    """A group of fields asked up to `count` times (HTML names `name-N-part`, N from 0)."""

    name: str
    legend: object  # with %(number)s
    parts: tuple[Field, ...]
    count: int = 3
    kind: str = "repeated"

    def names(self, number: int) -> list[str]:
        return [f"{self.name}-{number}-{part.name}" for part in self.parts]


@dataclass(frozen=True)
class Heading:
    """A sub-heading with a line of explanation inside a page (no input)."""

    title: object
    hint: object = None
    helper_title: object = None
    helper_hint: object = None
    kind: str = "heading"


@dataclass(frozen=True)
class Page:
    slug: str
    title: object  # the page heading; the section title on check-answers and in the documents
    items: tuple
    helper_title: object = None
    intro: tuple = ()  # paragraphs: each a text or a (self, helper) pair

    def fields(self):
        return [item for item in self.items if isinstance(item, (Field, Repeated))]

    def heading(self, audience: Audience) -> str:
        return audience.say(self.title, self.helper_title)

    def intro_texts(self, audience: Audience) -> list[str]:
        return [audience.say(*(p if isinstance(p, tuple) else (p,))) for p in self.intro]


PHONE_HINT = _l("Een Nederlands nummer, zoals 06 12345678.")

PAGES = (
    Page(
        "over-jou", _l("Over jou"), helper_title=_l("Over %(person)s"),
        intro=((_l("Deze gegevens komen op je papieren. Je BSN vragen we niet. "
                   "Die schrijf je later zelf op het papier."),
                _l("Deze gegevens komen op de papieren van %(person)s. Het BSN vragen we niet. "
                   "Dat schrijft %(person)s later zelf op het papier.")),),
        items=(
            Field("given_names", _l("Voornamen"), helper_label=_l("Voornamen van %(person)s"),
                  hint=_l("Alle voornamen, zoals in je paspoort of id-kaart."),
                  helper_hint=_l("Alle voornamen, zoals in het paspoort of de id-kaart."),
                  required=_l("Vul je voornamen in."), helper_required=_l("Vul de voornamen van %(person)s in."),
                  summary=_l("Voornamen"), autocomplete="given-name", spellcheck="false"),
            Field("surname", _l("Achternaam"), helper_label=_l("Achternaam van %(person)s"),
                  required=_l("Vul je achternaam in."), helper_required=_l("Vul de achternaam van %(person)s in."),
                  summary=_l("Achternaam"), autocomplete="family-name", spellcheck="false"),
            Field("birth_date", _l("Geboortedatum"), kind="date", helper_label=_l("Geboortedatum van %(person)s"),
                  hint=_l("Bijvoorbeeld: 15 3 2007"), summary=_l("Geboortedatum"), required=True),
            Field("street", _l("Straat en huisnummer"), required=_l("Vul je straat en huisnummer in."),
                  helper_required=_l("Vul de straat en het huisnummer van %(person)s in."),
                  autocomplete="address-line1"),
            Field("postcode", _l("Postcode"), hint=_l("4 cijfers en 2 letters, zoals 1234 AB."),
                  required=_l("Vul je postcode in."), helper_required=_l("Vul de postcode van %(person)s in."),
                  autocomplete="postal-code", width="medium", limit=20, checks=(v.check_postcode,)),
            Field("city", _l("Woonplaats"), required=_l("Vul je woonplaats in."),
                  helper_required=_l("Vul de woonplaats van %(person)s in."), autocomplete="address-level2"),
            Field("municipality", _l("Gemeente"),
                  hint=_l("De gemeente waar je woont. Vaak is dat dezelfde naam als je woonplaats."),
                  helper_hint=_l("De gemeente waar %(person)s woont. Vaak is dat dezelfde naam als de woonplaats."),
                  required=_l("Vul je gemeente in."), helper_required=_l("Vul de gemeente van %(person)s in."),
                  autocomplete="address-level2"),
            Field("phone", _l("Telefoonnummer"), helper_label=_l("Telefoonnummer van %(person)s"), hint=PHONE_HINT,
                  summary=_l("Telefoonnummer"), autocomplete="tel", input_type="tel", width="medium", limit=40,
                  checks=(v.check_phone,)),
            Field("email", _l("E-mailadres"), helper_label=_l("E-mailadres van %(person)s"), summary=_l("E-mailadres"),
                  autocomplete="email", input_type="email", spellcheck="false", limit=254, checks=(v.check_email,)),
        ),
    ),
    Page(
        "school-en-werk", _l("School en werk"),
        intro=(_l("Alles op deze pagina is optioneel. Weet je iets niet? Laat het dan leeg."),),
        items=(
            Heading(_l("Je school"), _l("De school waar je nu op zit. Of de laatste school waar je op zat."),
                    helper_title=_l("School van %(person)s"),
                    helper_hint=_l("De school waar %(person)s nu op zit. Of de laatste school.")),
            Field("school_name", _l("Naam van de school")),
            Field("school_type", _l("Soort school"), kind="radio", choices=(
                Choice("pro", _l("Praktijkonderwijs (PrO)")),
                Choice("vso", _l("Voortgezet speciaal onderwijs (VSO)")),
                Choice("entree", _l("Entreeopleiding")),
                Choice("mbo", _l("Mbo")),
                Choice("other", _l("Een andere school")),
            ), invalid_choice=_l("Kies een van de soorten school.")),
            Field("school_years", _l("Jaren op deze school"), hint=_l("Bijvoorbeeld: 2019 tot 2024"), limit=100),
            Heading(_l("Werk en stages"), _l("Je kunt hier tot 3 keer werk of stage invullen.")),
            Repeated("experience", _l("Werk of stage %(number)s"), parts=(
                Field("place", _l("Waar was het?"), hint=_l("Naam van het bedrijf of de plek."), first_only_hint=True,
                      summary=_l("Werk of stage %(number)s: waar")),
                Field("tasks", _l("Wat deed je?"), helper_label=_l("Wat deed %(person)s?"), limit=500,
                      summary=_l("Werk of stage %(number)s: wat deed je"),
                      helper_summary=_l("Werk of stage %(number)s: wat deed %(person)s")),
                Field("period", _l("Wanneer was het?"), hint=_l("Bijvoorbeeld: maart tot juni 2024"),
                      first_only_hint=True, limit=100, summary=_l("Werk of stage %(number)s: wanneer")),
            )),
        ),
    ),
    Page(
        "wie-helpt-je", _l("Wie helpt je?"), helper_title=_l("Wie helpt %(person)s?"),
        intro=(
            (_l("Helpt iemand je bij je aanvraag? Bijvoorbeeld je ouder, je mentor of je begeleider. "
                "Vul dan hier in wie dat is."),
             _l("Jij helpt %(person)s bij de aanvraag. Vul hier je eigen gegevens in. Dan weet UWV wie je bent.")),
            (_l("Alles op deze pagina is optioneel. Helpt niemand je? Laat het dan leeg."),
             _l("Alles op deze pagina is optioneel.")),
        ),
        items=(
            Field("helper_name", _l("Naam van je helper"), helper_label=_l("Je naam"), spellcheck="false"),
            Field("helper_role", _l("Wie is dit?"), kind="radio", helper_label=_l("Wie ben je voor %(person)s?"),
                  summary=_l("Wie is dit"), helper_summary=_l("Wie ben je"), choices=(
                      Choice("parent", _l("Ouder")),
                      Choice("mentor", _l("Mentor")),
                      Choice("begeleider", _l("Begeleider")),
                      Choice("klantmanager", _l("Klantmanager")),
                      Choice("other", _l("Iemand anders")),
                  ), invalid_choice=_l("Kies wie je helper is."), helper_invalid_choice=_l("Kies wie je bent.")),
            Field("helper_organisation", _l("Organisatie"), hint=_l("Bijvoorbeeld de school of de gemeente.")),
            Field("helper_phone", _l("Telefoonnummer van je helper"), helper_label=_l("Je telefoonnummer"),
                  hint=PHONE_HINT, input_type="tel", width="medium", limit=40, checks=(v.check_phone,)),
            Field("helper_email", _l("E-mailadres van je helper"), helper_label=_l("Je e-mailadres"),
                  input_type="email", spellcheck="false", limit=254, checks=(v.check_email,)),
            Field("helper_consent", _l("Mag UWV je helper bellen of mailen?"), kind="checkbox",
                  helper_label=_l("Mag UWV je bellen of mailen?"),
                  hint=_l("Alleen als je een helper hebt ingevuld. UWV kan dan je helper iets vragen over jou."),
                  helper_hint=_l("UWV kan je dan iets vragen over %(person)s."),
                  choice_label=_l("Ja, UWV mag contact opnemen met deze persoon."),
                  helper_choice_label=_l("Ja, UWV mag contact met mij opnemen."),
                  summary=_l("UWV mag contact opnemen met je helper"),
                  helper_summary=_l("UWV mag contact met je opnemen"), only_with="helper_name"),
        ),
    ),
    Page(
        "in-je-eigen-woorden", _l("In je eigen woorden"), helper_title=_l("In de woorden van %(person)s"),
        intro=(
            (_l("Schrijf in je eigen woorden. Korte zinnen zijn goed. "
                "Je mag ook iemand vragen om te helpen schrijven."),
             _l("Schrijf op wat %(person)s zelf vertelt. Gebruik de woorden van %(person)s. Korte zinnen zijn goed.")),
            (_l("Schrijf hier niets over je ziekte of beperking. Dat vertel je alleen aan de arts van UWV."),
             _l("Schrijf hier niets over ziekte of beperking. Dat vertelt %(person)s alleen aan de arts van UWV.")),
        ),
        items=(
            Field("reason", _l("Waarom vraag je advies aan UWV?"), kind="textarea",
                  helper_label=_l("Waarom vraagt %(person)s advies aan UWV?"),
                  hint=_l("Bijvoorbeeld: wat ging goed en wat ging niet goed op school, op stage of op je werk."),
                  helper_hint=_l("Bijvoorbeeld: wat ging goed en wat ging niet goed op school, "
                                 "op stage of op het werk."),
                  summary=_l("Waarom je advies vraagt"), helper_summary=_l("Waarom %(person)s advies vraagt"),
                  limit=v.MAX_FREE_TEXT),
            Field("support_examples", _l("Welke hulp heb je nodig bij je werk?"), kind="textarea",
                  helper_label=_l("Welke hulp heeft %(person)s nodig bij het werk?"),
                  hint=_l("Geef voorbeelden. Bijvoorbeeld: iemand legt elke taak stap voor stap uit. "
                          "Of: ik werk alleen in een rustige ruimte."),
                  summary=_l("Voorbeelden van hulp die je nodig hebt bij je werk"),
                  helper_summary=_l("Voorbeelden van hulp die %(person)s nodig heeft bij het werk"),
                  limit=v.MAX_FREE_TEXT),
        ),
    ),
)

SLUGS = tuple(page.slug for page in PAGES)
# The check-answers page is the last step of the count: "Stap 5 van 5".
TOTAL_STEPS = len(PAGES) + 1


def page_by_slug(slug: str) -> Page | None:
    return next((page for page in PAGES if page.slug == slug), None)


def _rows(item, fields: dict, audience: Audience) -> list[dict]:
    if isinstance(item, Repeated):
        rows = []
        for number in range(item.count):
            names = item.names(number)
            if number > 0 and not any(fields.get(n) for n in names):
                continue  # the 2nd and 3rd experience only when filled in
            rows.extend({"name": name, "label": part.summary_label(audience, number + 1),
                         "value": part.reads(fields, name), "anchor": name}
                        for part, name in zip(item.parts, names, strict=True))
        return rows
    anchor = f"{item.name}-day" if item.kind == "date" else item.name
    return [{"name": item.name, "label": item.summary_label(audience), "value": item.reads(fields), "anchor": anchor}]


def sections(fields: dict, audience: Audience = PERSON) -> dict[str, dict]:
    """{slug: {"slug", "title", "rows": [{"name", "label", "value", "anchor"}]}} in page order.

    An empty value stays "" here; templates show "Niet ingevuld" (or leave it out, in a letter).
    Call it in the language of the page or document.
    """
    return {
        page.slug: {"slug": page.slug, "title": page.heading(audience),
                    "rows": [row for item in page.fields() for row in _rows(item, fields, audience)]}
        for page in PAGES
    }


def full_name(fields: dict) -> str:
    return " ".join(part for part in (fields.get("given_names", ""), fields.get("surname", "")) if part)
