"""The content-page cache and the cheap translations (app/performance.py) change nothing a
visitor can see: same pages, their own CSRF token, the right language."""

import re

import pytest

from app import create_app
from app.performance import cacheable_endpoints
from tests.support.forms import csrf_token
from tests.support.routes import in_language, page_paths

TOKEN = re.compile(r'(name="csrf_token"[^>]*value=")[^"]+(")')


def without_token(html: str) -> str:
    return TOKEN.sub(r"\1TOKEN\2", html)


@pytest.fixture
def apps(database_url):
    cached = create_app("testing", DATABASE_URL=database_url)
    plain = create_app("testing", DATABASE_URL=database_url, PAGE_CACHE=False)
    return cached, plain


def test_cached_pages_are_the_pages_rendered_afresh(apps):
    cached, plain = apps
    compared = 0
    for path in page_paths(cached):
        for lang in ("nl", "en"):
            url = in_language(path, lang)
            first = cached.test_client().get(url)
            again = cached.test_client().get(url)
            fresh = plain.test_client().get(url)
            assert first.status_code == again.status_code == fresh.status_code, url
            assert without_token(again.get_data(as_text=True)) == without_token(fresh.get_data(as_text=True)), url
            compared += 1
    assert compared >= 10
    assert {"pages.home", "pages.voor_jou", "pages.privacy"} <= set(cacheable_endpoints(cached))
    personal = ("selfcheck", "aanvraag", "api", "monitoring")
    assert not {e for e in cacheable_endpoints(cached) if e.split(".")[0] in personal}
    assert "professionals.sheet_pdf" not in cacheable_endpoints(cached)
    assert ("", "/") in cached.extensions["beschut.page_cache"]


def test_every_visitor_gets_their_own_working_token_from_a_cached_page(apps):
    cached, _plain = apps
    cached.test_client().get("/")  # fills the cache
    first, second = cached.test_client(), cached.test_client()
    token_one = csrf_token(first.get("/").get_data(as_text=True))
    token_two = csrf_token(second.get("/").get_data(as_text=True))
    assert token_one != token_two
    # Each token works for its own visitor only: the feedback form on the cached page.
    ok = first.post("/reactie", data={"csrf_token": token_one, "nuttig": "ja", "pagina": "/"})
    assert ok.status_code == 302
    crossed = second.post("/reactie", data={"csrf_token": token_one, "nuttig": "ja", "pagina": "/"})
    assert crossed.status_code == 400


def test_a_flashed_message_and_a_query_string_bypass_the_cache(apps):
    cached, _plain = apps
    client = cached.test_client()
    client.get("/")
    token = csrf_token(client.get("/").get_data(as_text=True))
    client.post("/reactie", data={"csrf_token": token, "nuttig": "ja", "pagina": "/"})
    thanks = client.get("/").get_data(as_text=True)
    assert "Bedankt voor je reactie" in thanks
    assert "Bedankt voor je reactie" not in client.get("/").get_data(as_text=True)
    assert 'href="/en/?x=1"' in cached.test_client().get("/?x=1").get_data(as_text=True)


def test_languages_are_cached_apart(apps):
    cached, _plain = apps
    for _ in range(2):
        assert '<html lang="en">' in cached.test_client().get("/en/").get_data(as_text=True)
        assert '<html lang="nl">' in cached.test_client().get("/").get_data(as_text=True)
    english = cached.test_client().get("/en/voor-jou").get_data(as_text=True)
    dutch = cached.test_client().get("/voor-jou").get_data(as_text=True)
    assert english != dutch
