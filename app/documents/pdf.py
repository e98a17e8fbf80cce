"""HTML to PDF/UA-1. One template serves both the print page and the PDF."""

from functools import cache
from pathlib import Path

STATIC_DIR = Path(__file__).resolve().parent.parent / "static"


@cache
def _weasyprint():
    # Imported on first use: the import takes about 0.4 s and most requests never need it.
    import weasyprint

    return weasyprint


def render_pdf(html: str) -> bytes:
    """Render a complete HTML document (with <html lang> and <title>) to tagged PDF/UA-1 bytes.

    Relative URLs (stylesheets, images) resolve against app/static, so templates can use
    "css/print-document.css" without the server fetching anything over the network.
    """
    return render_pdf_with_page_count(html)[0]


def render_pdf_with_page_count(html: str) -> tuple[bytes, int]:
    """Like render_pdf, and also the number of pages (for "PDF, 2 pages, 40 kB" next to a link)."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=str(STATIC_DIR) + "/").render(pdf_variant="pdf/ua-1")
    return document.write_pdf(pdf_variant="pdf/ua-1"), len(document.pages)
