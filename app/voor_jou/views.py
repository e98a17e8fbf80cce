"""The route for the target group: easy-read pages about beschut werk, a glossary and a summary."""

from flask import Blueprint, abort, render_template

from app.content.loader import ContentNotFound, glossary, list_documents, load_document
from app.content.render import prepare
from app.i18n import current_language
from app.monitoring.feedback import feedback_block
from app.page_cache import cached_for_everyone

bp = Blueprint("voor_jou", __name__)

FOLDER = "voor-jou"
SUMMARY = "samenvatting"


def _pages(lang: str) -> list[dict]:
    """The reading pages in order (the summary is listed apart)."""
    return [prepare(d, lang) for d in list_documents(lang, FOLDER) if d["slug"] != SUMMARY]


def index_page():
    """/voor-jou; served under the endpoint pages.voor_jou (see app/pages/views.py)."""
    lang = current_language()
    page = prepare(load_document(lang, "start", "voor-jou"), lang)
    return render_template("voor_jou/index.html", page=page, pages=_pages(lang))


@bp.get("/voor-jou/woorden")
@cached_for_everyone
@feedback_block
def words():
    lang = current_language()
    return render_template("voor_jou/glossary.html", words=list(glossary(lang).values()))


@bp.get("/voor-jou/<slug>")
@cached_for_everyone
@feedback_block
def page(slug: str):
    lang = current_language()
    try:
        document = prepare(load_document(lang, FOLDER, slug), lang)
    except ContentNotFound:
        abort(404)
    if slug == SUMMARY:
        return render_template("voor_jou/summary.html", page=document)
    pages = _pages(lang)
    slugs = [p["slug"] for p in pages]
    position = slugs.index(slug)
    previous = pages[position - 1] if position > 0 else None
    following = pages[position + 1] if position + 1 < len(pages) else None
    return render_template("voor_jou/page.html", page=document, pages=pages, previous=previous, following=following)
