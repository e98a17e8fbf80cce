"""Issue 14.1: a new WeasyPrint FontConfiguration per document left about 200 KB in the worker
each time (benchmarks/pdf_memory.py). One per process, made once and reused."""

import io

import pytest
import weasyprint
import weasyprint.text.fonts
from pypdf import PdfReader

from app.documents import pdf

HTML = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Proef</title></head>
<body><h1>Proef</h1><p>Tekst</p></body></html>"""


def test_many_pdfs_share_one_font_configuration(monkeypatch):
    made = []
    original = weasyprint.text.fonts.FontConfiguration

    class Counting(original):
        def __init__(self):
            made.append(self)
            super().__init__()

    # WeasyPrint makes its own when it is given none: count both ways of making one.
    monkeypatch.setattr(weasyprint.text.fonts, "FontConfiguration", Counting)
    monkeypatch.setattr(weasyprint.document, "FontConfiguration", Counting)
    monkeypatch.setattr(pdf, "_state", {})
    for _ in range(3):
        assert pdf.render_pdf(HTML).startswith(b"%PDF")
    assert len(made) == 1


def test_a_forked_worker_makes_its_own(monkeypatch):
    first = pdf.font_config()
    assert pdf.font_config() is first
    monkeypatch.setitem(pdf._state, "pid", -1)  # as seen from a child after fork
    assert pdf.font_config() is not first


def test_documents_read_only_the_sites_own_files():
    fetcher = pdf._process_state()["fetcher"]
    css = fetcher.fetch((pdf.STATIC_DIR / "css" / "document.css").as_uri())
    assert css.read()
    for url in ("http://example.invalid/x.png", "file:///etc/passwd",
                (pdf.STATIC_DIR / ".." / "config.py").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def test_a_stylesheet_parsed_once_gives_the_same_document_as_the_link():
    html = HTML.replace("</title>", '</title><link rel="stylesheet" href="css/document.css">')
    html = html.replace("<body>", '<body><article class="document" lang="nl">').replace("</body>", "</article></body>")
    plain = weasyprint.HTML(string=html, base_url=pdf.BASE_URL).write_pdf(pdf_variant="pdf/ua-1")
    assert len(pdf._stylesheets(html)) == 1
    assert page_sizes_and_text(pdf.render_pdf(html)) == page_sizes_and_text(plain)


def page_sizes_and_text(data: bytes):
    reader = PdfReader(io.BytesIO(data))
    return [(page.mediabox.width, page.extract_text()) for page in reader.pages]
