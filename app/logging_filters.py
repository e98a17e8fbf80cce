"""Logs without client addresses, and one line (not two tracebacks a request) while Redis is down.

- Flask-Limiter logs "ratelimit 20 per 1 minute (127.0.0.1) exceeded at endpoint: ...": the key
  in brackets is the client's address. It is dropped; the limit and the endpoint stay.
- Any other message of ours or of the libraries that carries an IP address gets it replaced.
  gunicorn's own "Invalid request from ip=..." lines are handled in gunicorn.conf.py, with the
  same `redact` function.
- With the rate-limit storage (Redis) unreachable, Flask-Limiter logs a full traceback for the
  check and another for the headers, on every limited request (92 requests gave 4,800 lines).
  Now: one warning when it goes, one when a limited request works again.
"""

import logging
import re

from flask import Flask, g, has_request_context

IPV4 = r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])"
# At least three colons, so that times such as 20:45:10 are left alone; "::1" and friends too.
IPV6 = r"(?<![\w:])(?:[0-9a-fA-F]{0,4}:){3,7}[0-9a-fA-F]{0,4}(?![\w:])|(?<![\w:])::1(?![\w:])"
ADDRESS = re.compile(f"{IPV4}|{IPV6}")
QUERY = re.compile(r"\?[^\s'\"]*")


def redact(text: str) -> str:
    """The text without IP addresses and query strings (which can hold what a person typed)."""
    return QUERY.sub("?[query]", ADDRESS.sub("[address]", text))


class RedactAddresses(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.name == "flask-limiter" and str(record.msg).startswith("ratelimit %s (%s) exceeded"):
            limit, _key, scope = record.args
            record.msg, record.args = "ratelimit %s exceeded at endpoint: %s", (limit, scope)
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, ()
        return True


class StorageOutage(logging.Filter):
    """Collapses Flask-Limiter's "Swallowing error" tracebacks into one line per outage."""

    def __init__(self):
        super().__init__()
        self.down = False

    def filter(self, record: logging.LogRecord) -> bool:
        if "Swallowing error" not in str(record.msg):
            return True
        if has_request_context():
            g.ratelimit_storage_failed = True
        if self.down:
            return False
        self.down = True
        error = record.exc_info[1] if record.exc_info else None
        record.msg = "rate-limit storage unreachable (%s): requests are served without limits until it is back"
        record.args = (type(error).__name__ if error else "error",)
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        return True

    def request_done(self, limited: bool) -> None:
        if self.down and limited and not g.get("ratelimit_storage_failed"):
            self.down = False
            logging.getLogger("flask-limiter").warning("rate-limit storage is back: limits apply again")


def init_app(app: Flask) -> None:
    from app.extensions import limiter

    limiter_log = logging.getLogger("flask-limiter")
    if not any(isinstance(f, RedactAddresses) for f in limiter_log.filters):
        limiter_log.addFilter(RedactAddresses())
    outage = app.extensions.setdefault("ratelimit_outage", StorageOutage())
    # One outage filter per app (tests make many apps); the newest app's is the one in use.
    for old in [f for f in limiter_log.filters if isinstance(f, StorageOutage)]:
        limiter_log.removeFilter(old)
    limiter_log.addFilter(outage)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, RedactAddresses) for f in handler.filters):
            handler.addFilter(RedactAddresses())

    @app.teardown_request
    def _storage_state(_error=None):
        # Only during an outage is there anything to learn from a request; looking up the
        # limiter's state on every other request cost a fiftieth of a cached page.
        if outage.down:
            outage.request_done(limited=limiter.context.view_rate_limit is not None)
