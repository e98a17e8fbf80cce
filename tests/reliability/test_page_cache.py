"""The content-page cache and the cheap translations (app/performance.py) change nothing a
visitor can see: same pages, their own CSRF token, the right language."""

import re

import pytest

from app import create_app
from app.page_cache import cached_endpoints
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
    assert {"pages.home", "pages.voor_jou", "pages.privacy"} <= set(cached_endpoints(cached))
    personal = ("selfcheck", "aanvraag", "api", "monitoring")
    assert not {e for e in cached_endpoints(cached) if e.split(".")[0] in personal}
    assert "professionals.sheet_pdf" not in cached_endpoints(cached)
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


def app_with_probes(database_url):
    """The real app plus two views that say @cached_for_everyone: one reads the session, one does not."""
    from flask import Blueprint, request, session

    from app.page_cache import cached_for_everyone

    app = create_app("testing", DATABASE_URL=database_url)
    probe = Blueprint("cache_probe", __name__)

    @probe.get("/probe/naam")
    def set_name():
        session["name"] = request.args["naam"]
        return "ok"

    @probe.get("/probe/welkom")
    @cached_for_everyone
    def personal():
        # The mistake the guard is for: a page marked "the same for everyone" that shows state.
        return f"<p>Welkom terug, {session.get('name', 'bezoeker')}</p>"

    @probe.get("/probe/algemeen")
    @cached_for_everyone
    def general():
        return "<p>Voor iedereen hetzelfde</p>"

    app.register_blueprint(probe)
    return app


def test_a_page_whose_render_reads_the_session_is_not_kept(database_url):
    app = app_with_probes(database_url)
    pages = app.extensions["beschut.page_cache"]
    first, second = app.test_client(), app.test_client()
    first.get("/probe/naam?naam=Anna")
    second.get("/probe/naam?naam=Bram")
    assert "Anna" in first.get("/probe/welkom").get_data(as_text=True)
    assert "Bram" in second.get("/probe/welkom").get_data(as_text=True)
    assert "Anna" in first.get("/probe/welkom").get_data(as_text=True)
    assert "bezoeker" in app.test_client().get("/probe/welkom").get_data(as_text=True)
    assert ("", "/probe/welkom") not in pages
    # The same decorator on a page that reads nothing personal does keep it.
    assert "iedereen" in first.get("/probe/algemeen").get_data(as_text=True)
    assert ("", "/probe/algemeen") in pages


def test_reading_only_the_csrf_token_counts_as_the_same_for_everyone(apps):
    from flask import session
    from flask_wtf.csrf import generate_csrf

    from app.page_cache import render_watched

    cached, _plain = apps
    with cached.test_request_context("/"):
        token, personal = render_watched(generate_csrf)
        assert token and not personal
        _value, personal = render_watched(lambda: session.get("selfcheck"))
        assert personal
        _value, personal = render_watched(lambda: "selfcheck" in session)
        assert personal
        _value, personal = render_watched(lambda: dict(session))
        assert personal
        # Nested: a piece rendered inside a page tells the page too.
        (_inner, inner_personal), outer_personal = render_watched(
            lambda: render_watched(lambda: session.get("selfcheck"))
        )
        assert inner_personal and outer_personal
        # Outside a watched render the session is the plain one again (no cost per access).
        from app.page_cache import WatchedSession

        assert type(session._get_current_object()) is WatchedSession


def test_the_header_and_footer_are_not_kept_when_they_read_the_session(apps, monkeypatch):
    from flask import session

    from app import performance

    cached, _plain = apps
    pieces = cached.extensions["beschut.chrome"]
    with cached.test_request_context("/"):
        performance.chrome("footer")
        assert ("footer", "") in pieces
    pieces.clear()
    # A footer that shows something personal (the mistake the guard is for).
    monkeypatch.setattr(performance, "_render_piece", lambda name, switch: str(session.get("name")))
    with cached.test_request_context("/"):
        session["name"] = "Anna"
        assert performance.chrome("footer") == "Anna"
        assert ("footer", "") not in pieces
