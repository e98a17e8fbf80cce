"""A Host header the URL map cannot use (an empty label as in "a..b", a label over 63
characters) gets the site's own 400 page, with every security header.

Werkzeug refuses such a host when it binds the URL map, so the request had no URL adapter: the
400 page then failed in url_for, the 500 page too, and gunicorn sent a bare 500 without the
security headers and a hundred lines of traceback. Here the bad value is swapped for a
placeholder before Flask sees it, and the request is answered with a 400.
"""

import re

from flask import Flask, abort, request
from werkzeug.exceptions import HTTPException

ENVIRON_KEY = "beschut.bad_host"
PLACEHOLDER = "localhost"
# A host name of letters, digits and hyphens in labels of 1 to 63, with a port or not: what
# nearly every request sends, and what Werkzeug always accepts. Only another Host is tried on the
# URL map (binding it for every request was a fiftieth of a cached page).
_PLAIN_HOST = re.compile(r"[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*(?::[0-9]{1,5})?\Z")


class HostCheckMiddleware:
    def __init__(self, wsgi_app, url_map):
        self.wsgi_app = wsgi_app
        self.url_map = url_map

    def __call__(self, environ, start_response):
        host = environ.get("HTTP_HOST")
        if host is not None and _PLAIN_HOST.match(host):
            return self.wsgi_app(environ, start_response)
        try:
            self.url_map.bind_to_environ(environ)
        except (HTTPException, UnicodeError, ValueError):
            environ[ENVIRON_KEY] = True
            environ["HTTP_HOST"] = PLACEHOLDER
            environ["SERVER_NAME"] = PLACEHOLDER
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    app.wsgi_app = HostCheckMiddleware(app.wsgi_app, app.url_map)

    @app.before_request
    def refuse_bad_host():
        if request.environ.get(ENVIRON_KEY):
            abort(400)
