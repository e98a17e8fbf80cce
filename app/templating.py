"""What every template can use."""

from flask import Flask, request, url_for
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from app.i18n import current_language, language_switch, url_in_language
from app.site_address import absolute_url, site_address_text, site_url

# Main navigation: (endpoint, label). Every one must exist: a renamed endpoint fails the page
# (url_for raises) and tests/test_endpoints.py, instead of dropping the link.
NAVIGATION = (
    ("pages.home", _l("Home")),
    ("pages.voor_jou", _l("Voor jou")),
    ("selfcheck.start", _l("Zelftest")),
    ("pages.professionals", _l("Voor professionals")),
)


def main_navigation() -> list[dict]:
    items = []
    for endpoint, label in NAVIGATION:
        url = url_for(endpoint)
        # A sub-page (e.g. /voor-jou/na-je-vraag) marks its section as current too.
        here = request.script_root + request.path
        current = request.endpoint == endpoint or (endpoint != "pages.home" and here.startswith(url.rstrip("/") + "/"))
        items.append({"url": url, "label": label, "current": current})
    return items


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        main_navigation=main_navigation,
        get_locale=get_locale,
        current_language=current_language,
        language_switch=language_switch,
        url_in_language=url_in_language,
        site_url=site_url,
        absolute_url=absolute_url,
        site_address_text=site_address_text,
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
