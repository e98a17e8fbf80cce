"""Findability: meta description, canonical and hreflang links, link previews, sitemap.xml, robots.txt.

Every page gets them from one partial (templates/partials/_page_meta.html) that base.html
includes; the values come from page_meta() in links.py.
"""

from flask import Flask

from app.seo import links
from app.seo.views import bp


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    app.jinja_env.globals["page_meta"] = links.page_meta
