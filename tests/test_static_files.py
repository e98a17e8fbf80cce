"""Static files: hashed names, gzip/brotli, a year of `immutable` caching (issue 14, point 10)."""

import gzip
import re
import threading
from pathlib import Path

import brotli

from app.static_files import HASHED_NAME, STATIC_DIR, build
from benchmarks.first_visit_bytes import first_visit
from tests.security.test_headers import assert_secure_headers

SITE_CSS = (STATIC_DIR / "css/site.css").read_bytes()


def _hashed(app, name):
    return app.extensions["beschut.static_manifest"][name]


def test_a_hashed_file_is_cached_for_a_year_and_immutable(client, app):
    url = f"/static/{_hashed(app, 'css/site.css')}"
    assert re.fullmatch(r"/static/css/site\.[0-9a-f]{12}\.css", url)
    response = client.get(url)
    assert response.status_code == 200
    cache = response.headers["Cache-Control"]
    assert "immutable" in cache and "max-age=31536000" in cache and "public" in cache
    assert response.get_data() == SITE_CSS
    assert_secure_headers(response, url)


def test_brotli_and_gzip_when_asked(client, app):
    url = f"/static/{_hashed(app, 'css/site.css')}"
    br = client.get(url, headers={"Accept-Encoding": "br"})
    assert br.headers["Content-Encoding"] == "br"
    assert brotli.decompress(br.get_data()) == SITE_CSS
    assert len(br.get_data()) < len(SITE_CSS) / 3
    gz = client.get(url, headers={"Accept-Encoding": "gzip"})
    assert gz.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.get_data()) == SITE_CSS
    assert "Accept-Encoding" in gz.headers.get("Vary", "")
    assert "Content-Encoding" not in client.get(url).headers


def test_the_plain_name_still_works_with_a_short_cache(client):
    response = client.get("/static/css/site.css", headers={"Accept-Encoding": "br"})
    assert response.status_code == 200
    assert brotli.decompress(response.get_data()) == SITE_CSS
    cache = response.headers["Cache-Control"]
    assert "immutable" not in cache and "max-age=300" in cache
    assert_secure_headers(response, "/static/css/site.css")


def test_pages_link_only_hashed_names_in_both_languages(client):
    for path in ("/", "/en/", "/voor-jou", "/en/voor-jou"):
        html = client.get(path).get_data(as_text=True)
        urls = re.findall(r'(?:href|src)="([^"]*/static/[^"]+)"', html)
        assert urls, path
        for url in urls:
            assert url.startswith("/static/"), f"{path}: {url} (one address in both languages)"
            assert HASHED_NAME.search(url), f"{path}: {url} is not hashed"
            assert client.get(url).status_code == 200, url


def test_a_first_visit_of_the_home_page_moves_at_most_15_kb(client):
    sizes = first_visit(client)
    assert any("/css/site." in url for url in sizes) and len(sizes) >= 3, sizes
    assert sum(sizes.values()) <= 15_000, sizes


def test_a_changed_file_gets_a_new_name_and_the_old_one_stays(tmp_path):
    source, target = tmp_path / "static", tmp_path / "build"
    (source / "css").mkdir(parents=True)
    (source / "css/a.css").write_text("body { color: black; }\n" * 50)
    first = build(source, target)["css/a.css"]
    (source / "css/a.css").write_text("body { color: navy; }\n" * 50)
    second = build(source, target)["css/a.css"]
    assert first != second
    assert HASHED_NAME.search(first) and HASHED_NAME.search(second)
    assert "navy" in (target / second).read_text() and "black" in (target / first).read_text()
    assert (target / f"{second}.br").is_file() and (target / f"{second}.gz").is_file()
    assert "navy" in (target / "css/a.css").read_text()
    assert "navy" in gzip.decompress((target / "css/a.css.gz").read_bytes()).decode()


def test_workers_starting_at_once_build_the_same_complete_folder(tmp_path):
    target = tmp_path / "build"
    results, errors = [], []

    def start():
        try:
            results.append(build(STATIC_DIR, target))
        except Exception as error:  # noqa: BLE001 - any failure fails the test below
            errors.append(error)

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 4 and all(r == results[0] for r in results)
    name = results[0]["css/site.css"]
    assert (target / name).read_bytes() == SITE_CSS
    assert brotli.decompress((target / f"{name}.br").read_bytes()) == SITE_CSS
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".static-")], "staging left behind"
    before = (target / name).stat().st_mtime_ns
    build(STATIC_DIR, target)
    assert (target / name).stat().st_mtime_ns == before, "an existing hashed file is not rewritten"


def test_pdfs_still_read_their_css_from_app_static():
    from app.documents.pdf import render_pdf

    html = ('<!doctype html><html lang="nl"><head><title>T</title>'
            '<link rel="stylesheet" href="css/document.css"></head><body><h1>Test</h1></body></html>')
    assert render_pdf(html).startswith(b"%PDF")
    assert Path(STATIC_DIR / "css/document.css").is_file()
