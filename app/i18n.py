"""Language by URL: Dutch at the root, English under /en with the same paths.

The /en prefix is moved into SCRIPT_NAME before Flask sees the request, so every view is
registered once and every url_for() in an English page builds an English URL by itself.
"""

from urllib.parse import quote

from flask import current_app, has_request_context, request

from app.languages import DEFAULT, LANGUAGES, check_language

PREFIX = "/en"
ENVIRON_KEY = "beschut.lang"


class LanguagePrefixMiddleware:
    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "") or "/"
        if path == PREFIX or path.startswith(PREFIX + "/"):
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + PREFIX
            environ["PATH_INFO"] = path[len(PREFIX):] or "/"
            environ[ENVIRON_KEY] = "en"
        else:
            environ[ENVIRON_KEY] = "nl"
        return self.wsgi_app(environ, start_response)


def current_language() -> str:
    if has_request_context():
        return request.environ.get(ENVIRON_KEY, DEFAULT)
    return current_app.config["BABEL_DEFAULT_LOCALE"]


def url_in_language(lang: str, path: str | None = None) -> str:
    """The same page in another language (keeps the query string)."""
    check_language(lang)
    path = same_site_path(request.path if path is None else path)
    query = quote(request.query_string.decode("latin-1"), safe=_QUERY_SAFE)
    prefix = PREFIX if lang == "en" else ""
    url = prefix + path
    if lang == "en" and url == PREFIX + "/":
        url = PREFIX + "/"
    return f"{url}?{query}" if query else url


# Characters left as they are; everything else (a backslash, tab, CR, LF, spaces, quotes) is
# percent-encoded, so a browser cannot read the link as pointing to another site.
_PATH_SAFE = "/-._~!$&'()*+,;=:@"  # the path arrives decoded: a "%" in it is a percent sign
_QUERY_SAFE = _PATH_SAFE + "?%"  # the query string arrives as sent


def same_site_path(path: str) -> str:
    """A path that can only point to this site: one leading slash, nothing a browser rewrites.

    Browsers read a backslash as a slash and drop tab, CR and LF, so "/\\evil.example" or
    "/<tab>/evil.example" would become "//evil.example": another host.
    """
    return "/" + quote(path, safe=_PATH_SAFE).lstrip("/")


LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English"}  # each in its own language, one per LANGUAGES


def language_switch() -> dict:
    """The link to this page in the other language, for the header of every page."""
    lang = current_language()
    other = next(each for each in LANGUAGES if each != lang)
    return {"lang": other, "name": LANGUAGE_NAMES[other], "url": url_in_language(other)}
