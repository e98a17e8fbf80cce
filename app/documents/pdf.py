"""HTML to PDF/UA-1. One template serves both the print page and the PDF."""

import os
import threading
from functools import cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"

# One WeasyPrint FontConfiguration per process. WeasyPrint makes a new one per document when it
# is given none, and each of those left about 200 KB behind in the worker (a Fontconfig config
# and a Pango font map that are never fully freed): thousands of PDFs took a worker up by
# hundreds of MB. Reusing one is also faster (the system fonts are scanned once). Our documents
# have no @font-face rules, so nothing is added to it per document. Kept per process id: a
# configuration made before gunicorn forks is not shared with the children.
_font_config = None
_font_config_pid = None
_lock = threading.Lock()


@cache
def _weasyprint():
    # Imported on first use: the import takes about 0.4 s and most requests never need it.
    import weasyprint

    return weasyprint


def font_config():
    """This process's FontConfiguration, made on first use."""
    global _font_config, _font_config_pid
    if _font_config is None or _font_config_pid != os.getpid():
        from weasyprint.text.fonts import FontConfiguration

        _font_config, _font_config_pid = FontConfiguration(), os.getpid()
    return _font_config


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
        document = weasyprint.HTML(string=html, base_url=str(STATIC_DIR) + "/").render(
            pdf_variant="pdf/ua-1", font_config=font_config())
        return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)
