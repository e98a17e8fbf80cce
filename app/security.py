"""Response headers that every page gets, and /.well-known/security.txt (RFC 9116).

The gunicorn side (no `Server` header naming the stack) lives in gunicorn.conf.py.
"""

import logging
import os
import re
from datetime import UTC, datetime, timedelta

from flask import Blueprint, Flask, Response, request, session
from flask.wrappers import Request
from werkzeug.datastructures import ImmutableMultiDict
from werkzeug.middleware.proxy_fix import ProxyFix

from app import hosts, logging_filters

log = logging.getLogger(__name__)

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "object-src 'none'",
    ]
)

# Nothing on this site needs these browser features. (The read-aloud button uses the
# browser's own speech synthesis, which no policy governs.)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer", "browsing-topics", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "payment", "usb",
    )
)

HSTS_ONE_YEAR = "max-age=31536000; includeSubDomains"

# security.txt: the operator sets SECURITY_CONTACT (a mailto: or https: URI). The placeholder
# below is on a reserved domain, so a forgotten setting is obvious and reaches nobody.
PLACEHOLDER_CONTACT = "mailto:security@beschutwerk.example"
SECURITY_TXT_VALID_DAYS = 180  # RFC 9116 advises an Expires less than a year ahead


def security_contact() -> str:
    return os.environ.get("SECURITY_CONTACT", "").strip() or PLACEHOLDER_CONTACT


def security_txt(now: datetime | None = None) -> str:
    """The file body; Expires is computed from today, so it never goes stale."""
    now = now or datetime.now(UTC)
    expires = (now + timedelta(days=SECURITY_TXT_VALID_DAYS)).replace(hour=0, minute=0, second=0, microsecond=0)
    return (
        f"Contact: {security_contact()}\n"
        f"Expires: {expires.strftime('%Y-%m-%dT%H:%M:%SZ')}\n"
        "Preferred-Languages: nl, en\n"
    )


# Characters nobody types and HTML may not contain (C0 controls other than tab and newlines,
# DEL, C1 controls, Unicode noncharacters). Removed from every form value on arrival, so a
# re-rendered form never carries them into the page.
_UNTYPEABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")


def clean_text(value: str) -> str:
    return _UNTYPEABLE.sub("", value)


class CleanFormRequest(Request):
    """A request whose form values have untypeable control characters removed."""

    def _load_form_data(self) -> None:
        if "form" in self.__dict__:
            return
        super()._load_form_data()
        form = self.__dict__["form"]
        if any(_UNTYPEABLE.search(value) for _key, value in form.items(multi=True)):
            self.__dict__["form"] = ImmutableMultiDict(
                [(key, clean_text(value)) for key, value in form.items(multi=True)]
            )


class CleanPathMiddleware:
    """Removes untypeable characters from the path (an encoded %00 arrives decoded), so no page
    (the 404 page's language link, say) ever carries one into its HTML."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        # PATH_INFO holds the UTF-8 bytes as latin-1 characters: decode before looking.
        if not path.isascii() or not path.isprintable():
            try:
                text = path.encode("latin-1").decode("utf-8")
            except UnicodeError:
                text = None  # Werkzeug shows invalid bytes as U+FFFD, which HTML allows
            if text is not None and _UNTYPEABLE.search(text):
                environ["PATH_INFO"] = clean_text(text).encode("utf-8").decode("latin-1")
        return self.wsgi_app(environ, start_response)


bp = Blueprint("security", __name__)


@bp.get("/.well-known/security.txt")
def security_txt_view():
    response = Response(security_txt(), mimetype="text/plain")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def fixed_headers(app: Flask) -> dict[str, str]:
    """The headers every response gets, whatever answers it (Flask or WhiteNoise)."""
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
    if app.config.get("HSTS"):
        headers["Strict-Transport-Security"] = HSTS_ONE_YEAR
    return headers


def static_headers(app: Flask):
    """WhiteNoise's add_headers_function: static files answer before Flask's after_request."""
    extra = {"Content-Security-Policy": CSP, **fixed_headers(app)}

    def add(headers, path, url):
        for name, value in extra.items():
            headers[name] = value

    return add


def _has_session(app: Flask) -> bool:
    return bool(request.cookies.get(app.config["SESSION_COOKIE_NAME"])) or session.modified


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.request_class = CleanFormRequest
    app.wsgi_app = CleanPathMiddleware(app.wsgi_app)
    hosts.init_app(app)  # a Host header the URL map refuses: our 400 page, not a bare 500
    logging_filters.init_app(app)  # no client addresses in the logs; one line per Redis outage

    # Behind a load balancer, REMOTE_ADDR is the balancer; the rate limits need the client.
    # TRUSTED_PROXY_COUNT says how many proxies in front of gunicorn set X-Forwarded-For.
    hops = int(os.environ.get("TRUSTED_PROXY_COUNT", "0") or 0)
    if hops > 0:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops)

    if app.config.get("ENV_NAME") == "production" and security_contact() == PLACEHOLDER_CONTACT:
        log.warning("SECURITY_CONTACT is not set: /.well-known/security.txt shows a placeholder address")

    # The settings do not change while the app runs. A response nearly always has none of these
    # headers yet: then they are appended in one go (setting them one by one, each a search
    # through the list, was a twentieth of a cached page).
    fixed = list(fixed_headers(app).items())
    fixed_names = frozenset(name.lower() for name, _value in fixed)

    @app.after_request
    def set_security_headers(response):
        headers = response.headers
        present = {name.lower() for name, _value in headers}
        if "content-security-policy" not in present:
            headers.add("Content-Security-Policy", CSP)
        if present.isdisjoint(fixed_names):
            headers.extend(fixed)
        else:
            for name, value in fixed:
                headers[name] = value
        if "server" in present:
            del headers["Server"]
        # A visitor with a session has answers that pages may show: keep those pages out of
        # shared caches and the browser's disk cache (library and school computers).
        if "cache-control" not in present and request.endpoint != "static" and _has_session(app):
            headers["Cache-Control"] = "no-store"
        return response
