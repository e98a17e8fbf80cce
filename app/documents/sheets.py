"""Information sheets as PDF/UA-1, made from the same content and body template as the web page.

PDFs are cached in memory by the hash of their HTML: a change to a content file or a template
gives a new PDF by itself, and the list page can show each file's pages and size.
"""

import hashlib
import logging
import os
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale

from app.content.loader import load_document
from app.content.render import prepare
from app.documents.pdf import STATIC_DIR, render_pdf_with_page_count

FOLDER = "informatiebladen"
STYLESHEET = "css/sheet-pdf.css"  # linked from documents/sheet_pdf.html
log = logging.getLogger(__name__)

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


class PdfMemory:
    """Built PDFs in memory by (slug, language), kept while the hash of their HTML stays the same.

    Built under a lock, so two requests for a new version build it once; sheets and materials
    each keep one."""

    def __init__(self):
        self._pdfs: dict[tuple[str, str], tuple[str, SheetPdf]] = {}
        self._lock = threading.Lock()

    def clear(self) -> None:
        self._pdfs.clear()

    def get(self, slug: str, lang: str, key: str, build) -> SheetPdf:
        """The PDF for this key; build() -> (data, pages) makes it when it is not kept."""
        cached = self._pdfs.get((slug, lang))
        if cached and cached[0] == key:
            return cached[1]
        with self._lock:
            cached = self._pdfs.get((slug, lang))
            if cached and cached[0] == key:
                return cached[1]
            data, pages = build()
            pdf = SheetPdf(slug=slug, lang=lang, data=data, pages=pages)
            self._pdfs[(slug, lang)] = (key, pdf)
            return pdf


_cache = PdfMemory()


def sheet_html(slug: str, lang: str) -> str:
    """The complete HTML document the PDF is made from (needs an app context)."""
    sheet = prepare(load_document(lang, FOLDER, slug), lang)
    with force_locale(lang):
        return render_template("documents/sheet_pdf.html", sheet=sheet, lang=lang, asset=lambda path: path)


def sheet_pdf(slug: str, lang: str) -> SheetPdf:
    """The sheet as PDF; raises ContentNotFound for an unknown slug or language."""
    html = sheet_html(slug, lang)
    key = cache_key(html)
    return _cache.get(slug, lang, key, lambda: _from_file_cache(key) or _build_into_file_cache(key, html))


# Built PDFs are also kept as files (instance/sheet-pdfs/<key>.<pages>p.pdf), shared by every
# worker of every instance on the machine and kept across restarts: each sheet is made once per
# content version instead of once per worker (ten sheets took a fresh worker about 1.3 s).
# The key covers the HTML (content and template) and the stylesheet, so a change to either
# makes a new file by itself; old files are left for the operator (a few KB each).
def cache_dir() -> Path:
    from app.config import INSTANCE_DIR

    return Path(current_app.config.get("SHEET_CACHE_DIR") or INSTANCE_DIR / "sheet-pdfs")


def cache_key(html: str) -> str:
    digest = hashlib.sha256(html.encode("utf-8"))
    digest.update((STATIC_DIR / STYLESHEET).read_bytes())
    return digest.hexdigest()


def _from_file_cache(key: str) -> tuple[bytes, int] | None:
    for path in cache_dir().glob(f"{key}.*p.pdf"):
        try:
            return path.read_bytes(), int(path.name.split(".")[1].removesuffix("p"))
        except (OSError, ValueError):
            continue
    return None


def _build_into_file_cache(key: str, html: str) -> tuple[bytes, int]:
    data, pages = render_pdf_with_page_count(html)
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # Written under a temporary name and renamed: another worker never reads half a file.
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            handle.write(data)
        os.replace(handle.name, folder / f"{key}.{pages}p.pdf")
    except OSError as error:  # a read-only disk: serve from memory, as before
        log.warning("sheet PDF not written to the file cache (%s)", type(error).__name__)
    return data, pages
