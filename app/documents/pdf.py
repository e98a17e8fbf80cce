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
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=str(STATIC_DIR) + "/")
    return document.write_pdf(pdf_variant="pdf/ua-1")
