"""Rate limits per client on the API and the document downloads (app/ratelimits.py)."""

import re
import uuid

import pytest
import redis
from flask import Blueprint, Response, jsonify

from app import create_app, ratelimits
from tests.support.routes import in_language, page_paths

REDIS = "redis://127.0.0.1:6379/15"


def limited_app(database_url, **settings):
    """The real app plus a probe API route and a probe document, limited by app/ratelimits.py."""
    config = {"RATELIMIT_ENABLED": True, "RATELIMIT_API": "3 per minute", "RATELIMIT_DOCUMENTS": "2 per minute"}
    app = create_app("testing", DATABASE_URL=database_url, **{**config, **settings})
    probe = Blueprint("api_probe", __name__)

    @probe.get("/api/v1/probe")
    def api_probe():
        return jsonify(ok=True)

    @probe.get("/probe/document.pdf")
    @ratelimits.download_limit
    def document_probe():
        return Response(b"%PDF-1.7 probe", mimetype="application/pdf")

    # The probe chooses its limits as the real views do: the API's for the blueprint, the
    # download limit on the document.
    ratelimits.api_limit(probe)
    app.register_blueprint(probe)
    return app


def test_the_api_gives_a_json_429_with_retry_after(database_url):
    client = limited_app(database_url).test_client()
    statuses = [client.get("/api/v1/probe").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/api/v1/probe")
    assert response.status_code == 429
    assert response.is_json and response.get_json()["errors"]
    assert 0 < int(response.headers["Retry-After"]) <= 60
    assert response.headers["X-RateLimit-Limit"] == "3"


@pytest.mark.parametrize(("prefix", "lang", "words"), [("", "nl", "Even wachten"), ("/en", "en", "Please wait")])
def test_documents_give_a_site_page_429_in_the_persons_language(database_url, prefix, lang, words):
    client = limited_app(database_url).test_client()
    assert [client.get(prefix + "/probe/document.pdf").status_code for _ in range(2)] == [200, 200]
    response = client.get(prefix + "/probe/document.pdf")
    assert response.status_code == 429
    html = response.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html and words in html
    assert int(response.headers["Retry-After"]) > 0


def test_pages_are_never_limited(database_url):
    client = limited_app(database_url).test_client()
    assert {client.get("/").status_code for _ in range(10)} == {200}


def test_ratelimit_enabled_false_switches_limits_off(database_url):
    client = limited_app(database_url, RATELIMIT_ENABLED=False).test_client()
    assert {client.get("/api/v1/probe").status_code for _ in range(8)} == {200}
    assert {client.get("/probe/document.pdf").status_code for _ in range(8)} == {200}


def test_limits_are_per_client(database_url):
    client = limited_app(database_url).test_client()
    for _ in range(3):
        client.get("/api/v1/probe", environ_base={"REMOTE_ADDR": "10.0.0.1"})
    assert client.get("/api/v1/probe", environ_base={"REMOTE_ADDR": "10.0.0.1"}).status_code == 429
    assert client.get("/api/v1/probe", environ_base={"REMOTE_ADDR": "10.0.0.2"}).status_code == 200


def test_two_instances_share_the_limit_through_redis(database_url):
    prefix = f"test-{uuid.uuid4().hex[:8]}"
    settings = {"RATELIMIT_STORAGE_URI": REDIS, "RATELIMIT_KEY_PREFIX": prefix}
    first = limited_app(database_url, **settings).test_client()
    second = limited_app(database_url, **settings).test_client()
    try:
        assert [c.get("/api/v1/probe").status_code for c in (first, second, first)] == [200, 200, 200]
        assert second.get("/api/v1/probe").status_code == 429
        assert list(redis.Redis.from_url(REDIS).scan_iter(f"*{prefix}*")), "the key prefix is not used"
    finally:
        connection = redis.Redis.from_url(REDIS)
        for key in connection.scan_iter(f"*{prefix}*"):
            connection.delete(key)


def test_an_app_made_later_counts_under_its_own_prefix(database_url):
    """Pins app/ratelimits.py's write to Flask-Limiter's key prefix (no public way to set it per app)."""
    earlier, later = f"test-{uuid.uuid4().hex[:8]}", f"test-{uuid.uuid4().hex[:8]}"
    limited_app(database_url, RATELIMIT_STORAGE_URI=REDIS, RATELIMIT_KEY_PREFIX=earlier)
    client = limited_app(database_url, RATELIMIT_STORAGE_URI=REDIS, RATELIMIT_KEY_PREFIX=later).test_client()
    connection = redis.Redis.from_url(REDIS)
    try:
        assert client.get("/api/v1/probe").status_code == 200
        assert list(connection.scan_iter(f"*{later}*")), "the later app's prefix is not used"
        assert not list(connection.scan_iter(f"*{earlier}*")), "the later app counts under the earlier prefix"
    finally:
        for key in [*connection.scan_iter(f"*{earlier}*"), *connection.scan_iter(f"*{later}*")]:
            connection.delete(key)


def test_an_unreachable_redis_does_not_break_the_api(database_url):
    client = limited_app(database_url, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0").test_client()
    assert client.get("/api/v1/probe").status_code == 200
    assert client.get("/").status_code == 200


def test_every_pdf_route_of_the_app_is_limited(database_url):
    app = create_app("testing", DATABASE_URL=database_url, RATELIMIT_ENABLED=True)
    limited = ratelimits.document_endpoints(app)
    for rule in app.url_map.iter_rules():
        if rule.rule.endswith(".pdf"):
            assert rule.endpoint in limited
            assert getattr(app.view_functions[rule.endpoint], "download_limited", False), rule.endpoint


def test_every_pdf_linked_from_a_page_carries_rate_limit_headers(database_url):
    """Crawl the pages and follow every link; whatever answers with a PDF must be limited."""
    app = create_app("testing", DATABASE_URL=database_url, RATELIMIT_ENABLED=True)
    client = app.test_client()
    queue = [in_language(p, lang) for p in page_paths(app) for lang in ("nl", "en")]
    seen, pdfs = set(queue), 0
    while queue and len(seen) < 400:
        response = client.get(queue.pop(0))
        if response.mimetype == "application/pdf":
            pdfs += 1
            assert "X-RateLimit-Limit" in response.headers, response.request.path
            continue
        if response.mimetype != "text/html":
            continue
        for href in re.findall(r'href="(/[^"#?]*)"', response.get_data(as_text=True)):
            if href not in seen and not href.startswith("/static/"):
                seen.add(href)
                queue.append(href)
    assert len(seen) > 10
    assert pdfs >= 1, "no PDF download found by following links"


def test_the_real_api_is_limited(database_url):
    app = create_app("testing", DATABASE_URL=database_url, RATELIMIT_ENABLED=True, RATELIMIT_API="2 per minute")
    api_paths = [r.rule for r in app.url_map.iter_rules() if r.rule.startswith("/api/") and not r.arguments
                 and "GET" in r.methods]
    assert api_paths, "no API routes"
    client = app.test_client()
    statuses = [client.get(api_paths[0]).status_code for _ in range(3)]
    assert statuses[:2] == [200, 200] and statuses[2] == 429
    # One bucket for the whole API: another route is limited too.
    blocked = client.post("/api/v1/selfcheck/evaluate", json={"answers": {}})
    assert blocked.status_code == 429 and blocked.is_json and "Retry-After" in blocked.headers


def test_the_request_document_download_is_limited(database_url):
    app = create_app("testing", DATABASE_URL=database_url, RATELIMIT_ENABLED=True)
    assert any(endpoint.startswith("aanvraag.") for endpoint in ratelimits.document_endpoints(app))


def test_production_warns_when_limits_are_not_shared(monkeypatch, database_url, caplog):
    monkeypatch.setenv("SECRET_KEY", "r" * 40)
    with caplog.at_level("WARNING", logger="app.ratelimits"):
        create_app("production", DATABASE_URL=database_url, RATELIMIT_STORAGE_URI="memory://")
    assert "RATELIMIT_STORAGE_URI is memory://" in caplog.text
    caplog.clear()
    with caplog.at_level("WARNING", logger="app.ratelimits"):
        create_app("production", DATABASE_URL=database_url, RATELIMIT_STORAGE_URI=REDIS)
    assert "RATELIMIT_STORAGE_URI" not in caplog.text


def test_behind_a_proxy_limits_count_per_forwarded_client(database_url, monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXY_COUNT", "1")
    client = limited_app(database_url).test_client()
    first = {"X-Forwarded-For": "192.0.2.1"}
    for _ in range(3):
        client.get("/api/v1/probe", headers=first)
    assert client.get("/api/v1/probe", headers=first).status_code == 429
    assert client.get("/api/v1/probe", headers={"X-Forwarded-For": "192.0.2.2"}).status_code == 200


def test_without_a_trusted_proxy_a_forged_forwarded_header_does_not_escape_the_limit(database_url):
    client = limited_app(database_url).test_client()
    for number in range(3):
        client.get("/api/v1/probe", headers={"X-Forwarded-For": f"192.0.2.{number}"})
    assert client.get("/api/v1/probe", headers={"X-Forwarded-For": "192.0.2.99"}).status_code == 429
