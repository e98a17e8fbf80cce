"""Anonymous monitoring: figures for professionals, page feedback and retention.

Counts only, never identifiers: see app/storage/events.py for what is recorded.
"""

from flask import Flask


def init_app(app: Flask) -> None:
    from app.monitoring import cli, feedback
    from app.monitoring.views import bp

    app.register_blueprint(bp)
    feedback.init_app(app)
    cli.init_app(app)
