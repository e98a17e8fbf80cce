"""Pages kept in memory: `@cached_for_everyone`, and `kept_render()` for pages that depend only
on what their view passes in (a self-check question and its answers, see kept_render below).

A page the same for everyone says so itself, above its route:

    @bp.get("/privacy")
    @cached_for_everyone
    def privacy(): ...

The page is kept per path and language (at most MAX_PAGES); each response only gets the
visitor's own CSRF token put back in. Rendered afresh, never kept: a request with a query
string, a visitor with a flashed message waiting, any status but 200, anything but HTML.
PAGE_CACHE=False switches it off. Content files are read at start-up, so a content change
needs a restart (as it already did for templates).

The guard: while a cached-for-everyone view renders, the session watches what is read from it.
A render that reads (or writes) anything but the CSRF token is personal, and its page is served
but not kept, so a "continue your self-check" banner on the home page can never reach the next
visitor. Watching costs nothing outside such a render: only then does the session become a
WatchingSession (its class is swapped for the render and back), whose accesses take note.
"""

from functools import wraps

from flask import Flask, Response, current_app, make_response, request, session
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from flask_wtf.csrf import generate_csrf

EXTENSION = "beschut.page_cache"
TOKEN_MARK = "\x00csrf\x00"  # noqa: S105 - a placeholder; NUL never occurs in a page
MAX_PAGES = 500
KEPT_EXTENSION = "beschut.kept_renders"
MAX_KEPT = 1000
_KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control", "Link")

# What a page for everyone may read from the session: the CSRF token (put back in per visitor)
# and the flashed messages (a visitor with one waiting is never served from the cache, so a
# render for the cache always reads "none").
SHARED_KEYS = frozenset({"csrf_token", "_flashes"})


class WatchedSession(SecureCookieSession):
    """The signed-cookie session; while a render is watched it becomes a WatchingSession.

    No method of its own, so a session access outside a watched render costs what it always did
    (overriding them here cost about a microsecond per access on every request).
    """


class WatchingSession(WatchedSession):
    """The same session while a render for a cache is watched: notes a personal read or write."""

    personal = False


def _noting(name: str, keyed: bool):
    """WatchedSession's method `name`, noting a personal access first (a key but the shared ones,
    or the whole session)."""
    method = getattr(WatchedSession, name)

    def noted(self, *args):
        if not keyed or args[0] not in SHARED_KEYS:
            self.personal = True
        return method(self, *args)

    noted.__name__ = name
    return noted


for _name in ("__getitem__", "get", "__contains__", "setdefault", "pop", "__setitem__", "__delitem__"):
    setattr(WatchingSession, _name, _noting(_name, keyed=True))
for _name in ("__iter__", "__len__", "keys", "values", "items", "copy", "popitem", "clear", "update"):
    setattr(WatchingSession, _name, _noting(_name, keyed=False))


class WatchedSessionInterface(SecureCookieSessionInterface):
    session_class = WatchedSession
    _serializer = (None, None)

    def get_signing_serializer(self, app: Flask):
        # Flask builds a new serializer twice per request (open and save), and itsdangerous
        # test-serialises with its JSON module each time: a twentieth of a page. Kept while the
        # secret key and its fallbacks stay what they were (a rotation makes a new one).
        keys = (app.secret_key, tuple(app.config.get("SECRET_KEY_FALLBACKS") or ()))
        kept_keys, serializer = self._serializer
        if kept_keys != keys or serializer is None:
            serializer = super().get_signing_serializer(app)
            self._serializer = (keys, serializer)
        return serializer


def render_watched(render):
    """(result of render(), whether it read anything personal from the session).

    Nests: a piece rendered for the chrome cache inside a page rendered for the page cache
    tells both. Without a WatchedSession nothing can be known, so the render counts as personal.
    """
    watched = session._get_current_object()
    if not isinstance(watched, WatchedSession):
        return render(), True
    outer_class, outer_personal = watched.__class__, watched.__dict__.get("personal", False)
    watched.__class__, watched.personal = WatchingSession, False
    try:
        result = render()
    finally:
        personal = watched.personal
        watched.__class__, watched.personal = outer_class, outer_personal or personal
    return result, personal


def _without_token(body: str) -> str:
    """A rendered page with this visitor's CSRF token (if it has one) taken out, to be kept."""
    token = session.get("csrf_token") and generate_csrf()
    return body.replace(token, TOKEN_MARK) if token else body


def _with_token(body: str) -> str:
    """A kept page with the current visitor's own CSRF token put in."""
    return body.replace(TOKEN_MARK, generate_csrf()) if TOKEN_MARK in body else body


def cached_for_everyone(view):
    """Serve this view's page from memory: it is the same for every visitor (see the module)."""

    @wraps(view)
    def cached_view(*args, **kwargs):
        pages = current_app.extensions.get(EXTENSION)
        if pages is None or request.query_string or "_flashes" in session:
            return view(*args, **kwargs)
        key = (request.script_root, request.path)
        entry = pages.get(key)
        if entry is not None:
            body, headers = entry
            return Response(_with_token(body), 200, headers)
        response, personal = render_watched(lambda: make_response(view(*args, **kwargs)))
        if (
            not personal
            and response.status_code == 200
            and response.mimetype == "text/html"
            and not response.direct_passthrough
            and len(pages) < MAX_PAGES
        ):
            headers = [(name, value) for name, value in response.headers if name in _KEPT_HEADERS]
            pages[key] = (_without_token(response.get_data(as_text=True)), headers)
        return response

    cached_view.cached_for_everyone = True
    return cached_view


def kept_render(inputs: tuple, render) -> str:
    """What render() makes, kept under `inputs` and the address, for a page that is personal but
    a pure function of what the view passed in (a self-check question: its answers).

    `inputs` must hold everything the view hands its template; the address (language prefix,
    host, path) and the content folder are added here. As for pages for everyone: each response
    gets the visitor's own CSRF token put back in, a render that reads the session (but the token)
    is not kept, and a request with a query string or a visitor with a flashed message gets a
    fresh render. PAGE_CACHE=False switches it off. At most MAX_KEPT renders (a question page is
    about 7 KB, a result page about 13 KB); then the store starts again.
    """
    kept = current_app.extensions.get(KEPT_EXTENSION)
    req = request._get_current_object()
    if kept is None or req.query_string or "_flashes" in session:
        return render()
    # The wording comes from the content folder, which a test (or a second app) may point elsewhere.
    key = (req.script_root, req.host, req.path, current_app.config.get("CONTENT_DIR"), inputs)
    body = kept.get(key)
    if body is not None:
        return _with_token(body)
    text, personal = render_watched(render)
    if not personal:
        if len(kept) >= MAX_KEPT:
            kept.clear()
        kept[key] = _without_token(text)
    return text


def is_cached_for_everyone(view) -> bool:
    return getattr(view, "cached_for_everyone", False)


def cached_endpoints(app: Flask) -> list[str]:
    """The endpoints whose views say @cached_for_everyone (for tests and the README)."""
    return sorted(endpoint for endpoint, view in app.view_functions.items() if is_cached_for_everyone(view))


def init_app(app: Flask) -> None:
    app.session_interface = WatchedSessionInterface()
    if app.config.get("PAGE_CACHE", True):
        app.extensions[EXTENSION] = {}
        app.extensions[KEPT_EXTENSION] = {}
