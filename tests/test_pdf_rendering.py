import io

from pypdf import PdfReader

from app.documents.pdf import render_pdf

HTML = """<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>Proefdocument</title></head>
<body><h1>Proefdocument</h1><dl><dt>Naam</dt><dd>Sam de Vries</dd></dl></body></html>"""


def test_render_pdf_gives_tagged_pdf_ua_with_language_and_title():
    reader = PdfReader(io.BytesIO(render_pdf(HTML)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nl"
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Proefdocument"
    assert "Sam de Vries" in reader.pages[0].extract_text()
