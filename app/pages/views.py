"""General pages: home, the two doors, who can help, accessibility and privacy statements, health."""

from flask import Blueprint, jsonify, render_template

from app.content.loader import load_document
from app.content.render import prepare
from app.i18n import current_language
from app.monitoring.feedback import feedback_block
from app.page_cache import cached_for_everyone
from app.professionals import views as professionals_views
from app.storage.db import database_is_up
from app.voor_jou import views as voor_jou_views

bp = Blueprint("pages", __name__)


@bp.get("/")
@cached_for_everyone
@feedback_block
def home():
    return render_template("pages/home.html")


# The two doors keep their endpoint names; their pages belong to the voor_jou and professionals areas.
@bp.get("/voor-jou")
@cached_for_everyone
@feedback_block
def voor_jou():
    return voor_jou_views.index_page()


@bp.get("/professionals")
@cached_for_everyone
@feedback_block
def professionals():
    return professionals_views.index_page()


@bp.get("/wie-kan-je-helpen")
@cached_for_everyone
@feedback_block
def who_can_help():
    """Where a person finds help: school, the gemeente's cliëntondersteuner, UWV (content/<lang>/hulp/)."""
    lang = current_language()
    page = prepare(load_document(lang, "hulp", "wie-kan-je-helpen"), lang)
    return render_template("pages/who_can_help.html", page=page)


@bp.get("/toegankelijkheid")
@cached_for_everyone
@feedback_block
def accessibility():
    return render_template("pages/toegankelijkheid.html")


@bp.get("/privacy")
@cached_for_everyone
@feedback_block
def privacy():
    return render_template("pages/privacy.html")


@bp.get("/health")
def health():
    up = database_is_up()
    body = {"status": "ok" if up else "degraded", "database": "up" if up else "down"}
    return jsonify(body), 200 if up else 503
