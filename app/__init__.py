"""The application factory: wires settings, extensions and blueprints, nothing else."""

import logging

from flask import Flask

from app import errors, monitoring, page_cache, performance, ratelimits, security, seo, static_files, templating
from app.config import Config, load_config
from app.documents.cli import documents_build_command
from app.extensions import babel, csrf, limiter
from app.i18n import LanguagePrefixMiddleware, current_language
from app.storage import db


def create_app(config: str | Config | None = None, **overrides) -> Flask:
    app = Flask(__name__, instance_relative_config=False)
    settings = config if isinstance(config, Config) else load_config(config)
    app.config.from_object(settings)
    app.config.update(overrides)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    static_files.init_app(app)  # WhiteNoise: hashed, compressed, cached static files (README "Speed")
    app.wsgi_app = LanguagePrefixMiddleware(app.wsgi_app)
    babel.init_app(app, locale_selector=current_language)
    csrf.init_app(app)
    limiter.init_app(app)
    ratelimits.init_app(app)
    db.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    templating.init_app(app)
    page_cache.init_app(app)
    performance.init_app(app)  # cheap translations and the chrome cache (README "Speed")

    from app.aanvraag.views import bp as aanvraag_bp
    from app.agenda.views import bp as agenda_bp
    from app.api.views import bp as api_bp
    from app.easy_read import bp as easy_read_bp
    from app.pages.views import bp as pages_bp
    from app.professionals.views import bp as professionals_bp
    from app.selfcheck.views import bp as selfcheck_bp
    from app.voor_jou.views import bp as voor_jou_bp
    from app.wipe.views import bp as wipe_bp

    app.register_blueprint(pages_bp)
    app.register_blueprint(selfcheck_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)
    app.register_blueprint(voor_jou_bp)
    app.register_blueprint(professionals_bp)
    app.register_blueprint(aanvraag_bp)
    app.register_blueprint(wipe_bp)
    app.register_blueprint(agenda_bp)
    app.register_blueprint(easy_read_bp)  # template globals only
    monitoring.init_app(app)  # figures, page feedback, retention commands
    seo.init_app(app)  # sitemap.xml, robots.txt, link-preview images, page meta in <head>
    app.cli.add_command(documents_build_command)  # sheet PDFs made before the first visit
    return app
