"""sitemap.xml, robots.txt and the link-preview image of every public page."""

import re
import threading
from html import unescape

from flask import Blueprint, Response, abort, current_app, render_template, request

from app.i18n import current_language
from app.seo.links import LANGUAGES, path_in_language
from app.seo.preview import preview_png
from app.seo.sitemap import public_paths
from app.site_address import site_address_text, site_url

bp = Blueprint("seo", __name__)

# The pictogram of a preview, by the first part of the page's path.
PICTOGRAMS = {"": "werk", "voor-jou": "werk", "zelftest": "vraag", "aanvraag": "brief",
              "professionals": "lijst", "privacy": "goed", "toegankelijkheid": "goed"}
_OG_TITLE = re.compile(r'<meta property="og:title" content="([^"]*)">')
_previews: dict[tuple[str, str, str], bytes] = {}
_lock = threading.Lock()


@bp.get("/sitemap.xml")
def sitemap():
    base = site_url()
    pages = [
        {"alternates": [{"lang": lang, "url": base + path_in_language(path, lang)} for lang in LANGUAGES]}
        for path in public_paths(current_app)
    ]
    body = render_template("seo/sitemap.xml", pages=pages)
    return Response(body, mimetype="application/xml", headers={"Cache-Control": "public, max-age=3600"})


@bp.get("/robots.txt")
def robots():
    body = f"User-agent: *\nDisallow: /api/\nDisallow: /en/api/\n\nSitemap: {site_url()}/sitemap.xml\n"
    return Response(body, mimetype="text/plain", headers={"Cache-Control": "public, max-age=3600"})


@bp.get("/deelbeeld.png", defaults={"page": ""})
@bp.get("/deelbeeld/<path:page>.png")
def preview(page: str):
    path = "/" + page
    if path not in public_paths(current_app):
        abort(404)
    lang = current_language()
    key = (lang, path, site_address_text())
    png = _previews.get(key)
    if png is None:
        with _lock:
            png = _previews.get(key) or _make_preview(path, lang)
            _previews[key] = png
    return Response(png, mimetype="image/png", headers={"Cache-Control": "public, max-age=86400"})


def _make_preview(path: str, lang: str) -> bytes:
    # The page's own title, as its head states it: one source for the page and its preview.
    html = current_app.test_client().get(path_in_language(path, lang), base_url=request.host_url).get_data(as_text=True)
    match = _OG_TITLE.search(html)
    title = unescape(match.group(1)) if match else "Beschut werk"
    pictogram = PICTOGRAMS.get(path.strip("/").split("/")[0], "werk")
    return preview_png(title, pictogram, lang, site_address_text())
