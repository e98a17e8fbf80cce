"""Information sheets as PDF/UA-1, made from the same content and body template as the web page.

PDFs are cached in memory by the hash of their HTML: a change to a content file or a template
gives a new PDF by itself, and the list page can show each file's pages and size.
"""

import hashlib
import logging
import threading
from dataclasses import dataclass

from flask import render_template
from flask_babel import force_locale

from app.content.loader import load_document
from app.content.render import prepare
from app.documents.pdf import render_pdf_with_page_count

FOLDER = "informatiebladen"

# WeasyPrint reports every layout step at INFO; keep the application log readable.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)


@dataclass(frozen=True)
class SheetPdf:
    slug: str
    lang: str
    data: bytes
    pages: int

    @property
    def size(self) -> int:
        return len(self.data)

    @property
    def filename(self) -> str:
        return f"beschut-werk-{self.slug}-{self.lang}.pdf"


_cache: dict[tuple[str, str], tuple[str, SheetPdf]] = {}
_lock = threading.Lock()


def sheet_html(slug: str, lang: str) -> str:
    """The complete HTML document the PDF is made from (needs an app context)."""
    sheet = prepare(load_document(lang, FOLDER, slug), lang)
    with force_locale(lang):
        return render_template("documents/sheet_pdf.html", sheet=sheet, lang=lang, asset=lambda path: path)


def sheet_pdf(slug: str, lang: str) -> SheetPdf:
    """The sheet as PDF; raises ContentNotFound for an unknown slug or language."""
    html = sheet_html(slug, lang)
    key = hashlib.sha256(html.encode("utf-8")).hexdigest()
    cached = _cache.get((slug, lang))
    if cached and cached[0] == key:
        return cached[1]
    with _lock:
        cached = _cache.get((slug, lang))
        if cached and cached[0] == key:
            return cached[1]
        data, pages = render_pdf_with_page_count(html)
        pdf = SheetPdf(slug=slug, lang=lang, data=data, pages=pages)
        _cache[(slug, lang)] = (key, pdf)
        return pdf
