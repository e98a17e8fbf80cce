"""Issue 14.1: a new WeasyPrint FontConfiguration per document left about 200 KB in the worker
each time (benchmarks/pdf_memory.py). One per process, made once and reused."""

import weasyprint.text.fonts

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
    monkeypatch.setattr(pdf, "_font_config", None)
    for _ in range(3):
        assert pdf.render_pdf(HTML).startswith(b"%PDF")
    assert len(made) == 1


def test_a_forked_worker_makes_its_own(monkeypatch):
    first = pdf.font_config()
    assert pdf.font_config() is first
    monkeypatch.setattr(pdf, "_font_config_pid", -1)  # as seen from a child after fork
    assert pdf.font_config() is not first
