"""Which pages ask "Was deze pagina nuttig?": the views that say `@feedback_block`.

    @bp.get("/privacy")
    @feedback_block
    def privacy(): ...

Only content pages say it: not the steps of a form (self-check, request), the API or files.
Error pages never show the block, and a view can still switch it off for one render with
render_template(..., show_feedback=False). POST /reactie accepts feedback only for a path whose
view says @feedback_block.
"""

import sys

from flask import Flask, current_app, request


def feedback_block(view):
    """This view's page ends with the feedback block."""
    view.feedback_block = True
    return view


def has_feedback_block(view) -> bool:
    return getattr(view, "feedback_block", False)


def endpoint_has_feedback_block(endpoint: str | None) -> bool:
    return bool(endpoint) and has_feedback_block(current_app.view_functions.get(endpoint))


def feedback_here() -> bool:
    """True on a content page served normally; False on error pages and form steps."""
    if request.method != "GET" or request.routing_exception is not None:
        return False
    # An error handler runs while the exception is being handled: error pages get no block.
    if sys.exc_info()[0] is not None:
        return False
    return endpoint_has_feedback_block(request.endpoint)


def init_app(app: Flask) -> None:
    @app.context_processor
    def feedback_context():
        return {"show_feedback": feedback_here()}
