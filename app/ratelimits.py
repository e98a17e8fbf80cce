"""Rate limits per client, chosen on the view: the JSON API and the document (PDF) downloads.

A view or blueprint says which limit it has, where a reader of the view sees it:

    bp = Blueprint("api", ...)
    api_limit(bp)                    # one bucket per client for every route of the API

    @bp.get("/document/<kind>.pdf")
    @download_limit                  # one bucket per client for every download together
    def document(kind): ...

Pages and forms are not limited: a person filling in the self-check never sees a 429.
tests/security/test_ratelimits.py fails when a route ending in .pdf has no @download_limit.

Settings (app.config or the environment):
  RATELIMIT_ENABLED=false          switches every limit off (load tests)
  RATELIMIT_STORAGE_URI            memory:// by default; redis://host:6379/0 in production,
                                   so all instances share one count per client
  RATELIMIT_API, RATELIMIT_DOCUMENTS   the limits, in Flask-Limiter notation
"""

import logging
import os

from flask import Flask, current_app

from app.extensions import limiter

log = logging.getLogger(__name__)

API_LIMIT = os.environ.get("RATELIMIT_API", "60 per minute; 1000 per hour")
# A PDF costs tens of milliseconds of CPU; a person downloads a handful.
DOCUMENT_LIMIT = os.environ.get("RATELIMIT_DOCUMENTS", "20 per minute; 200 per hour")


# The limits are read per request from the app's config, so every app made by create_app()
# (tests make many, with different limits) shares the same limit objects on the one limiter.
def _api_limit() -> str:
    return current_app.config.get("RATELIMIT_API", API_LIMIT)


def _document_limit() -> str:
    return current_app.config.get("RATELIMIT_DOCUMENTS", DOCUMENT_LIMIT)


# One bucket per client for all API calls, and one for all documents together.
api_limit = limiter.shared_limit(_api_limit, scope="api")
_document_bucket = limiter.shared_limit(_document_limit, scope="documents")


def download_limit(view):
    """This view sends a document: it shares the download limit (RATELIMIT_DOCUMENTS)."""
    limited = _document_bucket(view)
    limited.download_limited = True
    return limited


def document_endpoints(app: Flask) -> set[str]:
    """The endpoints whose views say @download_limit."""
    return {endpoint for endpoint, view in app.view_functions.items() if getattr(view, "download_limited", False)}


def init_app(app: Flask) -> None:
    # Flask-Limiter reads RATELIMIT_KEY_PREFIX once per Limiter (`self._key_prefix or config`)
    # and has no public way to change it; our one Limiter serves every app made in a process
    # (tests, two sites), so each app sets its own, and apps never share counts.
    # tests/security/test_ratelimits.py::test_an_app_made_later_counts_under_its_own_prefix pins it.
    limiter._key_prefix = app.config.get("RATELIMIT_KEY_PREFIX", "")
    storage = app.config.get("RATELIMIT_STORAGE_URI", "memory://")
    if app.config.get("ENV_NAME") == "production" and storage.startswith("memory"):
        log.warning("RATELIMIT_STORAGE_URI is memory://: each worker counts on its own; set a Redis URL")
