"""Issue 14.11: each sheet PDF is built once per content version and shared through a file cache
in instance/, by every worker and across restarts."""

from app import create_app
from app.content.loader import list_documents
from app.documents import sheets


def fresh_worker(cache_dir):
    """A new app with an empty in-memory cache: what a new worker or a restart starts with."""
    sheets._cache.clear()
    return create_app("testing", DATABASE_URL="sqlite://", SHEET_CACHE_DIR=str(cache_dir))


def test_a_sheet_is_built_once_for_every_worker(tmp_path, monkeypatch):
    built = []
    real = sheets.render_pdf_with_page_count
    monkeypatch.setattr(sheets, "render_pdf_with_page_count", lambda html: built.append(1) or real(html))
    with fresh_worker(tmp_path).test_request_context("/professionals/informatiebladen"):
        slug = list_documents("nl", sheets.FOLDER)[0]["slug"]
        first = sheets.sheet_pdf(slug, "nl")
    assert len(built) == 1
    assert len(list(tmp_path.glob("*.pdf"))) == 1
    with fresh_worker(tmp_path).test_request_context("/professionals/informatiebladen"):
        again = sheets.sheet_pdf(slug, "nl")
    assert len(built) == 1, "the second worker built the sheet again"
    assert (again.data, again.pages) == (first.data, first.pages)


def test_a_content_change_makes_a_new_file(tmp_path, monkeypatch):
    with fresh_worker(tmp_path).test_request_context("/professionals/informatiebladen"):
        slug = list_documents("nl", sheets.FOLDER)[0]["slug"]
        sheets.sheet_pdf(slug, "nl")
        real_html = sheets.sheet_html
        monkeypatch.setattr(sheets, "sheet_html",
                            lambda s, lang: real_html(s, lang).replace("</body>", "<p>Nieuw</p></body>"))
        sheets._cache.clear()
        sheets.sheet_pdf(slug, "nl")
    assert len(list(tmp_path.glob("*.pdf"))) == 2
    assert not list(tmp_path.glob("*.tmp"))


def test_documents_build_makes_every_sheet_before_the_first_visit(tmp_path, monkeypatch):
    app = fresh_worker(tmp_path)
    result = app.test_cli_runner().invoke(args=["documents-build", "--base-url", "http://site.test"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        expected = sum(len(list_documents(lang, sheets.FOLDER)) for lang in ("nl", "en"))
    assert len(list(tmp_path.glob("*.pdf"))) == expected
    assert f"{expected} sheet PDFs ready" in result.output

    built = []
    monkeypatch.setattr(sheets, "render_pdf_with_page_count", lambda html: built.append(1))
    visitor = fresh_worker(tmp_path).test_client()
    for path in ("/professionals/informatiebladen", "/en/professionals/informatiebladen"):
        assert visitor.get(path, base_url="http://site.test").status_code == 200
    assert built == [], "the first visitor waited for a sheet to be built"
