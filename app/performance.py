"""Per-request work made cheap (see README "Speed"; measured by benchmarks/run_all.py).

- Translations: Flask-Babel looks up its context, the locale and its cache on every `_()` in a
  template (about 30 per page). The catalogues never change while the app runs, so each
  language's catalogue is loaded once and `_()` becomes one dictionary lookup.
- WTForms' own messages: Flask-WTF reads the wtforms catalogue from disk for every request that
  builds a form (a sixth of a question page); SiteForm (app/forms.py) takes it from here,
  read once per language.
- Content pages the same for everyone say @cached_for_everyone (app/page_cache.py) and are
  rendered once per path and language. PAGE_CACHE=False switches that and the chrome cache
  below off.
- Self-check question and result pages are a function of their answers: rendered once per set of
  answers and kept (kept_render() in app/page_cache.py), the visitor's own CSRF token put back in.
- The page chrome (header with menu and language switch, footer) is a third of every page's
  rendering and the same for every visitor: base.html takes it from chrome(), which renders it
  once per language, page and menu state and keeps it (unless its render read anything personal
  from the session: app/page_cache.py watches it as it does pages). The stylesheet and icon URLs in
  base.html come from static_url(), built once per language prefix (content-hashed names,
  app/static_files.py).
"""

from babel import support
from flask import Flask, current_app, g, has_request_context, render_template, request
from flask_babel import get_locale
from jinja2 import pass_context
from markupsafe import Markup
from wtforms.i18n import messages_path

from app.languages import UnknownLanguage, check_language
from app.page_cache import render_watched
from app.static_files import static_path


def load_catalogues(app: Flask) -> dict:
    """Each language's gettext catalogue, read once (the same files Flask-Babel reads)."""
    catalogues = {}
    directories = app.config["BABEL_TRANSLATION_DIRECTORIES"].split(";")
    for lang in app.config["LANGUAGES"]:
        catalogue = support.Translations()
        for directory in directories:
            catalogue.merge(support.Translations.load(directory, [lang], domain="messages"))
        catalogues[lang] = catalogue
    return catalogues


def _language() -> str:
    # Flask-Babel's locale, not the URL's: documents in the other language use force_locale().
    # Flask-Babel keeps that locale (a forced one too) in g._flask_babel once chosen; reading it
    # there is a fraction of get_locale()'s cost, which adds up at seven `_()` per page.
    # get_locale() still chooses it the first time (and if Flask-Babel ever keeps it elsewhere).
    # No public way: Flask-Babel offers only get_locale(), which looks up its context, the app's
    # extension and the domain on every call. tests/test_library_hooks.py pins this read.
    locale = getattr(g.get("_flask_babel"), "babel_locale", None) or get_locale()
    return locale.language if locale is not None else current_app.config["BABEL_DEFAULT_LOCALE"]


def _translations():
    lang = _language()
    try:
        return current_app.extensions["beschut.catalogues"][lang]
    except KeyError:
        raise UnknownLanguage(f"no catalogue for {lang!r}") from None  # never quietly Dutch


@pass_context
def template_gettext(context, string: str, **variables) -> str:
    rv = _translations().ugettext(string)
    if context.eval_ctx.autoescape:
        rv = Markup(rv)  # noqa: S704 - what Jinja's own gettext does; variables are escaped by %
    # Jinja always %-formats; without variables that can only turn "%%" into "%", so the
    # formatting (a third of this function on Markup) is skipped when there is no "%".
    return rv % variables if variables or "%" in rv else rv


_wtforms_catalogues: dict[str, support.Translations] = {}


def wtforms_translations():
    """WTForms' catalogue for the current language, read from disk once (for app/forms.py)."""
    if not has_request_context():
        return None
    lang = _language()
    catalogue = _wtforms_catalogues.get(lang)
    if catalogue is None:
        check_language(lang)
        catalogue = _wtforms_catalogues[lang] = support.Translations.load(messages_path(), [lang], domain="wtforms")
    return catalogue


CHROME_TEMPLATES = {"header": "partials/_site_header.html", "footer": "partials/_site_footer.html"}
MAX_CHROME = 2000


def chrome(name: str, switch: dict | None = None) -> Markup:
    """The header or footer of the current page, rendered once per (language, page) and kept."""
    app = current_app._get_current_object()
    pieces = app.extensions.get("beschut.chrome")
    req = request._get_current_object()  # one context lookup instead of six
    # The header shows the path (language switch) and the menu item of the endpoint. Error
    # pages (no endpoint) and query strings are rendered afresh: no key for every odd URL.
    key = (name, req.script_root, req.endpoint, req.path) if name == "header" else (name, req.script_root)
    if pieces is not None and req.endpoint and not req.query_string:
        piece = pieces.get(key)
        if piece is None:
            if len(pieces) >= MAX_CHROME:
                pieces.clear()
            piece, personal = render_watched(lambda: _render_piece(name, switch))
            if not personal:
                pieces[key] = piece
        return piece
    return _render_piece(name, switch)


def static_url(filename: str) -> str:
    """The address of a file in app/static: its content-hashed name (app/static_files.py).

    Every static URL in templates and code comes from here. Built once per prefix and file:
    the stylesheet and icon links are on every page and never change while the app runs.
    """
    urls = current_app.extensions.get("beschut.static_urls")
    if urls is None:
        return static_path(filename)
    key = (request.script_root, filename)
    url = urls.get(key)
    if url is None:
        if len(urls) >= MAX_CHROME:
            urls.clear()
        url = urls[key] = static_path(filename)
    return url


def _render_piece(name: str, switch: dict | None) -> Markup:
    # render_template autoescapes: its output is safe HTML.
    return Markup(render_template(CHROME_TEMPLATES[name], switch=switch))  # noqa: S704


def init_app(app: Flask) -> None:
    app.extensions["beschut.catalogues"] = load_catalogues(app)
    app.jinja_env.globals["chrome"] = chrome
    app.jinja_env.globals["static_url"] = static_url
    if app.config.get("PAGE_CACHE", True):
        app.extensions["beschut.chrome"] = {}
        app.extensions["beschut.static_urls"] = {}
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
        newstyle=True,
    )
    # `_()` in a template is Jinja's alias calling the wrapper calling the lambda above; one
    # function doing what Jinja's new-style gettext does (escape, then always %-format) is
    # a third of the cost.
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext)
