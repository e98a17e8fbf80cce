"""Which pages ask "Was deze pagina nuttig?".

Every GET-only content page does, whatever area adds it, except the areas with form steps (the
self-check, the request, the API) and error pages. A view can still switch it off with
render_template(..., show_feedback=False).
"""

import sys

from flask import Flask, request

# Areas whose pages are steps of a form (or no pages at all): no feedback block there.
EXCLUDED_BLUEPRINTS = {"selfcheck", "zelftest", "request", "aanvraag", "api", "documents"}
EXCLUDED_ENDPOINTS = {"pages.health", "monitoring.feedback", "static"}


def feedback_allowed(endpoint: str | None, rule) -> bool:
    if not endpoint or endpoint in EXCLUDED_ENDPOINTS:
        return False
    blueprint = endpoint.rpartition(".")[0]
    if not blueprint or blueprint.split(".")[0] in EXCLUDED_BLUEPRINTS:
        return False
    # A page that takes a POST is a form step, not a content page.
    return rule is not None and "POST" not in (rule.methods or ())


def feedback_here() -> bool:
    """True on a content page served normally; False on error pages and form steps."""
    if request.method != "GET" or request.routing_exception is not None:
        return False
    # An error handler runs while the exception is being handled: error pages get no block.
    if sys.exc_info()[0] is not None:
        return False
    return feedback_allowed(request.endpoint, request.url_rule)


def init_app(app: Flask) -> None:
    @app.context_processor
    def feedback_context():
        return {"show_feedback": feedback_here()}
