"""The security error pages in a real browser: the CSRF page (400) and the rate-limit page (429)."""

import shutil
import threading

import pytest
from werkzeug.serving import make_server

from app import create_app
from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.fixture
def limited_server(tmp_path, migrated_sqlite):
    path = tmp_path / "limited.sqlite3"
    shutil.copy(migrated_sqlite, path)
    app = create_app("testing", DATABASE_URL=f"sqlite:///{path}", RATELIMIT_ENABLED=True,
                     RATELIMIT_DOCUMENTS="1 per minute")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize(("prefix", "words"), [("", "niet verstuurd"), ("/en", "not sent")])
def test_the_csrf_page_has_no_axe_violations(live_server, page, prefix, words):
    page.goto(f"{live_server}{prefix}/")
    # The page-feedback form, with its token taken away (as if the session had expired).
    page.evaluate("document.querySelector('#feedback input[name=csrf_token]').value = 'verlopen'")
    with page.expect_navigation():
        page.locator("#feedback form button[type=submit], #feedback form button").first.click()
    assert words in page.content()
    assert_no_axe_violations(page, f"CSRF page {prefix or '/'}")


@pytest.mark.parametrize(("prefix", "words"), [("", "Even wachten"), ("/en", "Please wait")])
def test_the_rate_limit_page_has_no_axe_violations(limited_server, page, prefix, words):
    url = f"{limited_server}{prefix}/professionals/informatiebladen"
    page.goto(url)
    pdf = page.locator("a[href$='.pdf']").first.get_attribute("href")
    assert page.request.get(limited_server + pdf).status == 200
    response = page.goto(limited_server + pdf)
    assert response.status == 429
    assert words in page.content()
    assert_no_axe_violations(page, f"429 page {prefix or '/'}")
