"""Rate limits per client, in one place: the JSON API and the document (PDF) downloads.

Called from create_app() after every blueprint is registered, so areas need not know about
limits. Pages and forms are not limited: a person filling in the self-check never sees a 429.

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

API_BLUEPRINT = "api"
# Endpoints that return a document; paths ending in .pdf are found by themselves.
DOCUMENT_ENDPOINTS = frozenset()
DOCUMENT_SUFFIXES = (".pdf",)


# The limits are read per request from the app's config, so every app made by create_app()
# (tests make many, with different limits) shares the same limit objects on the one limiter.
def _api_limit() -> str:
    return current_app.config.get("RATELIMIT_API", API_LIMIT)


def _document_limit() -> str:
    return current_app.config.get("RATELIMIT_DOCUMENTS", DOCUMENT_LIMIT)


# One bucket per client for all API calls, and one for all documents together.
api_limit = limiter.shared_limit(_api_limit, scope="api")
document_limit = limiter.shared_limit(_document_limit, scope="documents")


def document_endpoints(app: Flask) -> set[str]:
    found = set(DOCUMENT_ENDPOINTS & set(app.view_functions))
    for rule in app.url_map.iter_rules():
        if rule.rule.endswith(DOCUMENT_SUFFIXES):
            found.add(rule.endpoint)
    return found


def init_app(app: Flask) -> None:
    # Flask-Limiter keeps the first app's key prefix for good (`self._key_prefix or config`);
    # take this app's, so apps made one after another (tests, two sites) never share counts.
    limiter._key_prefix = app.config.get("RATELIMIT_KEY_PREFIX", "")
    storage = app.config.get("RATELIMIT_STORAGE_URI", "memory://")
    if app.config.get("ENV_NAME") == "production" and storage.startswith("memory"):
        log.warning("RATELIMIT_STORAGE_URI is memory://: each worker counts on its own; set a Redis URL")
    if API_BLUEPRINT in app.blueprints:
        api_limit(app.blueprints[API_BLUEPRINT])
    for endpoint in document_endpoints(app):
        view = app.view_functions[endpoint]
        if not getattr(view, "_document_limited", False):
            wrapped = document_limit(view)
            wrapped._document_limited = True
            app.view_functions[endpoint] = wrapped
