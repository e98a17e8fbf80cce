"""General pages: home, the two doors, accessibility and privacy statements, health."""

from flask import Blueprint, jsonify, render_template

from app.storage.db import database_is_up

bp = Blueprint("pages", __name__)


@bp.get("/")
def home():
    return render_template("pages/home.html")


@bp.get("/voor-jou")
def voor_jou():
    return render_template("pages/voor_jou.html")


@bp.get("/professionals")
def professionals():
    return render_template("pages/professionals.html")


@bp.get("/toegankelijkheid")
def accessibility():
    return render_template("pages/toegankelijkheid.html")


@bp.get("/privacy")
def privacy():
    return render_template("pages/privacy.html")


@bp.get("/health")
def health():
    up = database_is_up()
    body = {"status": "ok" if up else "degraded", "database": "up" if up else "down"}
    return jsonify(body), 200 if up else 503
