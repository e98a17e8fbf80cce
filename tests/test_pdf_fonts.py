"""Every PDF is set in the font its stylesheet names, embedded as a subset made by HarfBuzz.

A machine without the fonts (or without HarfBuzz's subsetter) still makes PDFs, silently in another
font and, through fontTools, about twice as slowly with a warning per PDF. `make run` and `make test`
install them (the Makefile's pdf-libraries); these tests fail on a machine where that did not happen.
"""

import io
import logging
from datetime import date

import pytest
from pypdf import PdfReader

from app.aanvraag import documents
from app.aanvraag.draft import Draft
from app.aanvraag.fields import SLUGS
from app.documents import sheets
from app.documents.pdf import render_pdf


def embedded_fonts(pdf: bytes) -> set[str]:
    """The PostScript names of the fonts on the PDF's pages, without the subset prefix (ABCDEF+)."""
    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


def request_document(kind: str, lang: str) -> bytes:
    draft = Draft(fields={"given_names": "Sam", "surname": "de Vries", "reason": "Ik wil werken."},
                  done=list(SLUGS))
    draft.confirm(None, date(2026, 12, 1))
    return documents.pdf(kind, draft, lang)


@pytest.mark.parametrize("kind", documents.KINDS)
def test_the_request_documents_are_set_in_liberation_sans_subset_by_harfbuzz(app, caplog, kind):
    with app.app_context(), caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = request_document(kind, "nl")
    fonts = embedded_fonts(pdf)
    assert fonts and all(name.replace("-", "").startswith("LiberationSans") for name in fonts), fonts
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]


def test_the_sheets_are_set_in_dejavu_sans_subset_by_harfbuzz(app, caplog):
    with app.test_request_context(), caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_pdf(sheets.sheet_html("verschillen", "nl"))
    fonts = embedded_fonts(pdf)
    assert fonts and all(name.replace("-", "").startswith("DejaVuSans") for name in fonts), fonts
    assert not [r for r in caplog.records if "fontTools" in r.getMessage()]
