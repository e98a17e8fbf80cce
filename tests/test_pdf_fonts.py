"""Every PDF is set in the font its stylesheet names, embedded as a subset made by HarfBuzz.

A machine without the fonts (or without HarfBuzz's subsetter) still makes PDFs, silently in another
font and, through fontTools, about twice as slowly with a warning per PDF. `make run` and `make test`
install them (the Makefile's pdf-libraries); these tests fail on a machine where that did not happen.
"""

import io
import logging

import pytest
from pypdf import PdfReader

from app.aanvraag import documents
from app.documents import sheets
from app.documents.pdf import render_pdf
from tests.aanvraag.helpers import confirmed_draft

FIELDS = {"given_names": "Sam", "surname": "de Vries", "reason": "Ik wil werken."}
# Each PDF the site makes, and the font family its stylesheet names.
PDFS = {
    "voorbereiding": (lambda: documents.pdf("voorbereiding", confirmed_draft(FIELDS), "nl"), "LiberationSans"),
    "brief-gemeente": (lambda: documents.pdf("brief-gemeente", confirmed_draft(FIELDS), "nl"), "LiberationSans"),
    "sheet": (lambda: render_pdf(sheets.sheet_html("verschillen", "nl")), "DejaVuSans"),
}


def embedded_fonts(pdf: bytes) -> set[str]:
    """The PostScript names of the fonts on the PDF's pages, without the subset prefix (ABCDEF+)."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


@pytest.mark.parametrize("name", PDFS)
def test_each_pdf_is_set_in_its_own_font_subset_by_harfbuzz(app, caplog, name):
    make, family = PDFS[name]
    with app.test_request_context(), caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = make()
    fonts = embedded_fonts(pdf)
    assert fonts and all(font.replace("-", "").startswith(family) for font in fonts), fonts
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]
