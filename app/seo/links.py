"""What the <head> of a page says about itself: description, canonical, alternates, link preview.

Absolute addresses start with site_url() (the SITE_URL setting, else the address the page was
served from). The description comes from the page: a `description` set by the template or view,
else the `description` (then `summary`) key of the content file the page shows. Pages of the
self-check and the request, which have neither, get their heading with a sentence about the area.
"""

from flask import current_app, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from jinja2 import pass_context

from app.i18n import PREFIX, current_language, same_site_path
from app.seo.sitemap import is_landing_page
from app.site_address import site_url

LANGUAGES = ("nl", "en")
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB"}
PREVIEW_WIDTH, PREVIEW_HEIGHT = 1200, 630
# The start pages of the two flows, whose templates belong to their areas and set no description.
START_DESCRIPTIONS = {
    "selfcheck.start": _l(
        "Doe de zelftest beschut werk: in een paar vragen zie je of advies vragen bij "
        "UWV iets voor je is. Alleen of samen met iemand die helpt."),
    "aanvraag.start": _l(
        "Bereid je vraag om advies beschut werk bij UWV voor. Je krijgt een document om "
        "mee te nemen of op te sturen. UWV geeft advies, de gemeente beslist."),
}
# Template variables that hold a prepared content document (app/content/render.py).
CONTENT_VARIABLES = ("page", "sheet", "material")


def path_in_language(path: str, lang: str) -> str:
    """A site path ("/voor-jou", "/") in a language: English under /en."""
    if lang != "en":
        return path
    return PREFIX + "/" if path == "/" else PREFIX + path


def preview_path(path: str) -> str:
    """The link-preview image of a page path (without language prefix)."""
    return "/deelbeeld.png" if path == "/" else f"/deelbeeld{path}.png"


def content_description(document) -> str:
    if not isinstance(document, dict):
        return ""
    raw = document.get("raw") or document
    return str(raw.get("description") or raw.get("summary") or "").strip()


def fallback_description(heading: str, blueprint: str) -> str:
    if blueprint == "selfcheck":
        return _(
            "%(heading)s. Een stap van de zelftest over beschut werk: kijk of advies vragen "
            "iets voor je is. UWV geeft advies, de gemeente beslist.", heading=heading)
    if blueprint == "aanvraag":
        return _(
            "%(heading)s. Een stap van het voorbereiden van je vraag om advies beschut werk "
            "bij UWV. UWV geeft advies, de gemeente beslist.", heading=heading)
    return _(
        "%(heading)s. Informatie over beschut werk: werken met veel hulp. UWV geeft "
        "advies, de gemeente beslist.", heading=heading)


@pass_context
def page_meta(context) -> dict:
    """Everything the head partial needs, for the current request."""
    lang = current_language()
    base = site_url()
    path = same_site_path(request.path)  # no backslash or control characters (issue 14.4)
    heading = str(context.get("heading") or "")
    description = str(context.get("description") or "").strip()
    if not description:
        for name in CONTENT_VARIABLES:
            description = content_description(context.get(name))
            if description:
                break
    if not description and request.endpoint in START_DESCRIPTIONS:
        description = str(START_DESCRIPTIONS[request.endpoint])
    if not description:
        description = fallback_description(heading, request.blueprint or "")
    alternates = [{"lang": other, "url": base + path_in_language(path, other)} for other in LANGUAGES]
    return {
        "description": description,
        "title": heading or _("Beschut werk"),
        "canonical": base + path_in_language(path, lang),
        "alternates": alternates,
        "x_default": base + path_in_language(path, "nl"),
        "image": base + path_in_language(preview_path(path), lang),
        "image_width": PREVIEW_WIDTH,
        "image_height": PREVIEW_HEIGHT,
        "locale": OG_LOCALES[lang],
        "locale_alternate": [OG_LOCALES[other] for other in LANGUAGES if other != lang],
        # A routing error (404 for an unknown address) has no page to point at.
        "indexable": request.routing_exception is None and request.endpoint is not None,
        "noindex": not is_landing_page(current_app.view_functions.get(request.endpoint)),
    }
