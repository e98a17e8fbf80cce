"""The professional route: law, criteria, process, school, comparison, sources and information sheets."""

from datetime import date

from babel.dates import format_date
from flask import Blueprint, abort, make_response, render_template, request, url_for

from app.content.checks import texts_of
from app.content.citations import cited as cited_in
from app.content.loader import ContentNotFound, list_documents, load_document, sources
from app.content.render import prepare
from app.documents import materials, sheets
from app.i18n import PREFIX, current_language
from app.languages import LANGUAGES
from app.monitoring.feedback import feedback_block
from app.page_cache import cached_for_everyone
from app.ratelimits import download_limit
from app.storage.events import MATERIAL_PREFIX, SHEET_DOWNLOAD, record_event

bp = Blueprint("professionals", __name__)

FOLDER = "professionals"


def _pages(lang: str) -> list[dict]:
    return [prepare(d, lang, explain_words=False) for d in list_documents(lang, FOLDER)]


def _downloads(make_pdf, endpoint: str, slug: str, lang: str) -> list[dict]:
    """The PDF of one sheet or material in every language, the page's language first."""
    downloads = []
    for pdf_lang in [lang] + [other for other in LANGUAGES if other != lang]:
        try:
            pdf = make_pdf(slug, pdf_lang)
        except ContentNotFound:
            continue  # tests/content fail on a sheet or material missing in one language
        downloads.append({"lang": pdf_lang, "pdf": pdf, "url": _in_language(url_for(endpoint, slug=slug), pdf_lang)})
    return downloads


def _pdf_download(make_pdf, slug: str, event_prefix: str):
    """A sheet or material PDF in the page's language as a download, counted as a sheet download;
    the same file for everyone, so caches may keep it. 404 for an unknown slug."""
    lang = current_language()
    try:
        pdf = make_pdf(slug, lang)
    except ContentNotFound:
        abort(404)
    record_event(SHEET_DOWNLOAD, f"{event_prefix}{slug}-{lang}")
    response = make_response(pdf.data)
    response.mimetype = "application/pdf"
    response.headers["Content-Disposition"] = f'attachment; filename="{pdf.filename}"'
    response.headers["Cache-Control"] = "public, max-age=3600"
    return response


def index_page():
    """/professionals; served under the endpoint pages.professionals (see app/pages/views.py)."""
    lang = current_language()
    page = prepare(load_document(lang, "start", "professionals"), lang, explain_words=False)
    return render_template("professionals/index.html", page=page, pages=_pages(lang))


@bp.get("/professionals/bronnen")
@cached_for_everyone
@feedback_block
def sources_page():
    lang = current_language()
    return render_template("professionals/sources.html", sources=_sources(lang), pages=_pages(lang))


@bp.get("/professionals/informatiebladen")
@cached_for_everyone
@feedback_block
def sheet_list():
    lang = current_language()
    items = []
    for document in list_documents(lang, sheets.FOLDER):
        downloads = _downloads(sheets.sheet_pdf, "professionals.sheet_pdf", document["slug"], lang)
        items.append({"sheet": document, "downloads": downloads})
    return render_template("professionals/sheets.html", items=items, pages=_pages(lang))


@bp.get("/professionals/informatiebladen/<slug>")
@cached_for_everyone
@feedback_block
def sheet(slug: str):
    lang = current_language()
    try:
        document = prepare(load_document(lang, sheets.FOLDER, slug), lang)
    except ContentNotFound:
        abort(404)
    pdf = sheets.sheet_pdf(slug, lang)
    return render_template("professionals/sheet.html", sheet=document, pdf=pdf, pdf_url=_pdf_url(slug, lang))


@bp.get("/professionals/informatiebladen/<slug>.pdf")
@download_limit
def sheet_pdf(slug: str):
    return _pdf_download(sheets.sheet_pdf, slug, "")


@bp.get("/professionals/materialen")
@cached_for_everyone
@feedback_block
def materials_page():
    """Ready materials for intermediaries: print, present and texts to copy (issue 15)."""
    lang = current_language()
    page = prepare(load_document(lang, "start", materials.PAGE), lang, explain_words=False)
    address = materials.selfcheck_address(lang)
    items = []
    for document in materials.materials(lang):
        downloads = _downloads(materials.material_pdf, "professionals.material_pdf", document["slug"], lang)
        items.append({"material": document, "downloads": downloads})
    texts = materials.ready_texts(page["raw"], address["text"])
    return render_template("professionals/materials.html", page=page, items=items, texts=texts, pages=_pages(lang))


@bp.get("/professionals/materialen/<slug>.pdf")
@download_limit
def material_pdf(slug: str):
    # Counted with the sheets, so the figures page shows them without a measure of its own.
    return _pdf_download(materials.material_pdf, slug, MATERIAL_PREFIX)


@bp.get("/professionals/<slug>")
@cached_for_everyone
@feedback_block
def page(slug: str):
    lang = current_language()
    try:
        document = prepare(load_document(lang, FOLDER, slug), lang, explain_words=False)
    except ContentNotFound:
        abort(404)
    known = {source["id"]: source for source in _sources(lang)}
    # The page's `sources:` and every source named in a "[bron: ...]" marker, each once.
    ids = list(document["sources"])
    ids += [i for text in texts_of(document["raw"]) for i in cited_in(text) if i not in ids]
    for section in document["raw"].get("sections") or []:
        ids += [i for i in section.get("sources") or [] if i not in ids]
    cited = [known[source_id] for source_id in dict.fromkeys(ids) if source_id in known]
    return render_template("professionals/page.html", page=document, pages=_pages(lang), cited=cited)


def _sources(lang: str) -> list[dict]:
    """The sources with their check date written out ("november 2026")."""
    labelled = []
    for source in sources(lang):
        year, month = (int(part) for part in str(source["checked"]).split("-")[:2])
        label = format_date(date(year, month, 1), "MMMM y", locale=lang)
        labelled.append({**source, "checked_label": label})
    return labelled


def _pdf_url(slug: str, lang: str) -> str:
    """The PDF of a sheet in a given language, also from a page in the other language."""
    return _in_language(url_for("professionals.sheet_pdf", slug=slug), lang)


def _in_language(url: str, lang: str) -> str:
    path = url.removeprefix(request.script_root)
    return (PREFIX + path) if lang == "en" else path
