"""The order of the request pages and who may see which page (no skipping by URL)."""

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l

from app.aanvraag import forms


@dataclass(frozen=True)
class Step:
    slug: str
    title: object  # a lazy string
    form: type
    template: str


STEPS = (
    Step("over-jou", _l("Over jou"), forms.AboutYouForm, "aanvraag/over_jou.html"),
    Step("school-en-werk", _l("School en werk"), forms.SchoolForm, "aanvraag/school_en_werk.html"),
    Step("wie-helpt-je", _l("Wie helpt je?"), forms.HelperForm, "aanvraag/wie_helpt_je.html"),
    Step("in-je-eigen-woorden", _l("In je eigen woorden"), forms.OwnWordsForm, "aanvraag/eigen_woorden.html"),
)
SLUGS = [step.slug for step in STEPS]
# The check-answers page is the last step of the count: "Stap 5 van 5".
TOTAL = len(STEPS) + 1


def step_by_slug(slug: str) -> Step | None:
    return next((step for step in STEPS if step.slug == slug), None)


def number(slug: str) -> int:
    return SLUGS.index(slug) + 1


def first_missing(draft: dict) -> str | None:
    """The first page not yet saved, or None when all four are done."""
    done = set(draft.get("done", []))
    return next((slug for slug in SLUGS if slug not in done), None)


def can_open(draft: dict, slug: str) -> bool:
    missing = first_missing(draft)
    return missing is None or SLUGS.index(slug) <= SLUGS.index(missing)


def next_slug(slug: str) -> str | None:
    index = SLUGS.index(slug)
    return SLUGS[index + 1] if index + 1 < len(SLUGS) else None


def previous_slug(slug: str) -> str | None:
    index = SLUGS.index(slug)
    return SLUGS[index - 1] if index > 0 else None
