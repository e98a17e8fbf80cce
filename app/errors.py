"""Error pages in the visitor's language."""

import logging
import traceback

from flask import Flask, Response, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)


# The page when even the error template cannot be rendered: no url_for, no translations.
LAST_RESORT = """<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><title>Er ging iets mis</title></head>
<body><main><h1>Er ging iets mis</h1><p>Probeer het later opnieuw.</p>
<p lang="en">Something went wrong. Please try again later.</p></main></body></html>
"""


def _wants_json() -> bool:
    return request.path.startswith("/api/")


def init_app(app: Flask) -> None:
    @app.errorhandler(404)
    def not_found(error):
        if _wants_json():
            return jsonify(errors=[{"message": "Not found"}]), 404
        return render_template("errors/404.html"), 404

    @app.errorhandler(405)
    def method_not_allowed(error):
        if _wants_json():
            response = jsonify(errors=[{"message": "Method not allowed"}])
        else:
            response = app.make_response(render_template("errors/400.html"))
        response.status_code = 405
        # RFC 9110 15.5.6: a 405 says which methods the resource does take.
        if getattr(error, "valid_methods", None):
            response.headers["Allow"] = ", ".join(sorted(error.valid_methods))
        return response

    @app.errorhandler(CSRFError)
    def csrf_error(error):
        # Forms that keep answers re-render themselves on a CSRF failure (status 400);
        # everything else lands here: a site page in the visitor's language.
        log.info("CSRF check failed on %s %s", request.method, request.url_rule)
        if _wants_json():
            return jsonify(errors=[{"message": "Missing or invalid CSRF token"}]), 400
        return render_template("errors/400.html", csrf=True), 400

    @app.errorhandler(400)
    def bad_request(error):
        if _wants_json():
            return jsonify(errors=[{"message": "Bad request"}]), 400
        return render_template("errors/400.html"), 400

    @app.errorhandler(413)
    def too_large(error):
        if _wants_json():
            return jsonify(errors=[{"message": "Request too large"}]), 413
        return render_template("errors/400.html"), 413

    @app.errorhandler(429)
    def too_many_requests(error):
        if _wants_json():
            response = jsonify(errors=[{"message": "Too many requests, try again later"}])
        else:
            response = app.make_response(render_template("errors/429.html"))
        response.status_code = 429
        retry_after = getattr(error, "retry_after", None)
        if error.response is not None and error.response.headers.get("Retry-After"):
            retry_after = error.response.headers["Retry-After"]
        response.headers["Retry-After"] = str(retry_after or 60)
        return response

    @app.errorhandler(500)
    def server_error(error):
        if _wants_json():
            return jsonify(errors=[{"message": "Internal error"}]), 500
        try:
            return render_template("errors/500.html"), 500
        except Exception as failure:  # noqa: BLE001 - the last resort must not fail in turn
            # Without this Flask's own bare 500 goes out (no security headers, a long traceback).
            log.error("the error page itself failed (%s)", type(failure).__name__)
            return Response(LAST_RESORT, status=500, mimetype="text/html")

    @app.errorhandler(Exception)
    def unexpected(error):
        if isinstance(error, HTTPException):
            return error
        # Log the type and the stack only, never the message: it may quote what a person typed.
        log.error(
            "unhandled %s on %s %s\n%s",
            type(error).__name__,
            request.method,
            request.url_rule,
            "".join(traceback.format_tb(error.__traceback__)),
        )
        return server_error(error)
