"""HTML to PDF/UA-1. One template serves both the print page and the PDF.

Made for speed and a flat memory line in a long-lived worker (issue 14): one WeasyPrint
FontConfiguration per process, the documents' own stylesheets parsed once, and one URL fetcher
that reads only the site's own static files (and data: URLs), from memory after the first time.
"""

import mimetypes
import os
import re
import threading
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"
BASE_URL = STATIC_DIR.as_uri() + "/"
# <link rel="stylesheet" href="css/..."> in our document templates (relative to app/static).
_STYLESHEET_LINK = re.compile(r'<link\s+rel="stylesheet"\s+href="([a-z0-9/_.-]+\.css)"\s*/?>')


def _unhashed(path: Path) -> Path:
    """A web page's content-hashed name (css/site.3f2a1b9c0d4e.css, app/static_files.py) is
    read from its source file in app/static, so a page printed to PDF keeps its styles."""
    if path.exists():
        return path
    from app.static_files import source_name

    return path.with_name(source_name(path.name))

# One WeasyPrint FontConfiguration per process. WeasyPrint makes a new one per document when it
# is given none, and each of those left about 200 KB behind in the worker (a Fontconfig config
# and a Pango font map that are never fully freed): thousands of PDFs took a worker up by
# hundreds of MB. Reusing one is also faster (the system fonts are scanned once, Pango keeps its
# font cache). Our documents have no @font-face rules, so nothing is added to it per document.
# Everything is kept per process id: what was made before gunicorn forks stays with the parent.
_state: dict = {}
_lock = threading.Lock()


@cache
def _weasyprint():
    # Imported on first use: the import takes about 0.4 s and most requests never need it.
    import weasyprint

    return weasyprint


def _process_state() -> dict:
    if _state.get("pid") != os.getpid():
        from weasyprint.text.fonts import FontConfiguration

        _state.clear()
        _state.update(pid=os.getpid(), font_config=FontConfiguration(), fetcher=_static_fetcher(),
                      stylesheets={}, files={}, linked=set())
    return _state


def font_config():
    """This process's FontConfiguration, made on first use."""
    return _process_state()["font_config"]


def _static_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticFiles(URLFetcher):
        """Only app/static (read once per process) and data: URLs; never the network."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            parts = urlsplit(url)
            path = _unhashed(Path(unquote(parts.path))).resolve() if parts.scheme == "file" else None
            if path is None or not path.is_relative_to(STATIC_DIR):
                raise ValueError("documents use only the site's own static files")
            state = _process_state()
            if path in state["linked"]:
                # Parsed once and passed to WeasyPrint ready (see _stylesheets): nothing to read.
                return URLFetcherResponse(url, body=b"", headers={"Content-Type": "text/css"})
            if path not in state["files"]:
                state["files"][path] = path.read_bytes()
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(url, body=state["files"][path], headers={"Content-Type": kind})

    return StaticFiles()


def _stylesheets(html: str) -> list:
    """The document's linked stylesheets, parsed once per process (and again when the file changes).

    They are handed to WeasyPrint as ready CSS objects; the <link> itself then reads as empty.
    Our documents have no other author styles (no <style>, no style attributes: the same CSP
    rules as the site), so the cascade is the same as with the link.
    """
    state = _process_state()
    sheets, linked = [], set()
    for href in _STYLESHEET_LINK.findall(html):
        path = _unhashed(STATIC_DIR / href).resolve()
        key = (path, path.stat().st_mtime_ns)
        if key not in state["stylesheets"]:
            state["stylesheets"][key] = _weasyprint().CSS(
                string=path.read_text(encoding="utf-8"), base_url=path.as_uri(),
                url_fetcher=state["fetcher"], font_config=state["font_config"], media_type="print")
        sheets.append(state["stylesheets"][key])
        linked.add(path)
    state["linked"] = linked
    return sheets


def render_pdf(html: str) -> bytes:
    """Render a complete HTML document (with <html lang> and <title>) to tagged PDF/UA-1 bytes.

    Relative URLs (stylesheets, images) resolve against app/static, so templates can use
    "css/print-document.css" without the server fetching anything over the network.
    """
    return render_pdf_with_page_count(html)[0]


def render_pdf_with_page_count(html: str) -> tuple[bytes, int]:
    """Like render_pdf, and also the number of pages (for "PDF, 2 pages, 40 kB" next to a link)."""
    weasyprint = _weasyprint()
    # The shared font configuration keeps caches (strut layouts, font features) that are not
    # made for two documents at once: one document at a time per process.
    with _lock:
        state = _process_state()
        stylesheets = _stylesheets(html)
        document = weasyprint.HTML(string=html, base_url=BASE_URL, url_fetcher=state["fetcher"]).render(
            pdf_variant="pdf/ua-1", font_config=state["font_config"], stylesheets=stylesheets)
        return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)
