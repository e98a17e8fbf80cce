"""Information sheets as PDF and web page: the site's address and the sheet's date on every PDF page
and on the page; every table's data cells tied to their row and column headers in the structure tree."""

import io

import pypdf
import pytest

from app import create_app
from app.content.loader import list_documents
from app.documents import sheets
from tests.content.conftest import LANGS, prefixed
from tests.support.pdf_structure import header_problems, tables

ADDRESS = "beschutwerk.example.nl"


@pytest.fixture
def site_app(database_url):
    return create_app("testing", DATABASE_URL=database_url, SITE_URL=f"https://{ADDRESS}/", PAGE_CACHE=False)


def all_sheets(app, lang):
    with app.app_context():
        return list_documents(lang, sheets.FOLDER)


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_of_every_sheet_pdf_names_the_address_and_the_date(site_app, lang):
    documents = all_sheets(site_app, lang)
    assert len(documents) >= 5
    with site_app.test_request_context("/"):
        for document in documents:
            assert document.get("updated"), f"{lang}/{document['slug']}: no `updated` date"
            pdf = sheets.sheet_pdf(document["slug"], lang)
            address = f"{ADDRESS}{'/en' if lang == 'en' else ''}/professionals/informatiebladen/{document['slug']}"
            for number, page in enumerate(pypdf.PdfReader(io.BytesIO(pdf.data)).pages, start=1):
                text = " ".join(page.extract_text().split())
                assert address in text, f"{lang}/{document['slug']} page {number}: no address"
                assert str(document["updated"]) in text, f"{lang}/{document['slug']} page {number}: no date"


@pytest.mark.parametrize("lang", LANGS)
def test_the_sheet_web_page_names_its_address_and_date(site_app, lang):
    client = site_app.test_client()
    for document in all_sheets(site_app, lang):
        html = client.get(prefixed(f"/professionals/informatiebladen/{document['slug']}", lang)).get_data(as_text=True)
        address = f"{ADDRESS}{'/en' if lang == 'en' else ''}/professionals/informatiebladen/{document['slug']}"
        assert address in html and str(document["updated"]) in html, document["slug"]


def test_without_site_url_the_address_is_the_one_the_sheet_was_served_from(database_url):
    app = create_app("testing", DATABASE_URL=database_url, SITE_URL="", PAGE_CACHE=False)
    html = app.test_client().get("/professionals/informatiebladen/verschillen",
                                 base_url="http://bezoek.example.org").get_data(as_text=True)
    assert "bezoek.example.org/professionals/informatiebladen/verschillen" in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_table_ties_its_data_cells_to_their_headers(site_app, lang):
    checked = 0
    with site_app.test_request_context("/"):
        for document in all_sheets(site_app, lang):
            pdf = sheets.sheet_pdf(document["slug"], lang).data
            assert header_problems(pdf) == [], document["slug"]
            checked += len(tables(pdf))
    assert checked >= 1  # the "verschillen" sheet has a table


def test_the_verschillen_table_has_column_and_row_headers(site_app):
    with site_app.test_request_context("/"):
        rows = tables(sheets.sheet_pdf("verschillen", "nl").data)[0]
    assert [cell["tag"] for cell in rows[0]] == ["/TH"] * 4
    assert all(row[0]["tag"] == "/TH" and row[1]["tag"] == "/TD" for row in rows[1:])
    assert rows[1][1]["headers"] == [rows[1][0]["id"], rows[0][1]["id"]]


def test_the_check_finds_a_data_cell_without_headers():
    # A table written without <th>: every cell is a /TD with no /Headers and nothing is scoped.
    from weasyprint import HTML

    html = ('<html lang="nl"><head><title>t</title></head><body><table>'
            "<tr><td>a</td><td>b</td></tr><tr><td>1</td><td>2</td></tr></table></body></html>")
    pdf = HTML(string=html).write_pdf(pdf_variant="pdf/ua-1")
    problems = header_problems(pdf)
    assert "table 1 has no header cells" in problems
    assert any("no /Headers and no scoped /TH" in p for p in problems)
