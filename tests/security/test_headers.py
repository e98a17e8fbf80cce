"""Security headers on every response, security.txt, cookies and the CSRF failure page."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from flask import Response, session

from app import create_app
from app.security import PLACEHOLDER_CONTACT, security_txt
from tests.support.routes import in_language, page_paths

REQUIRED_CSP_DIRECTIVES = ("default-src", "base-uri", "form-action", "frame-ancestors", "object-src")


def csp_directives(header: str) -> dict[str, str]:
    directives = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition(" ")
        if name:
            directives[name] = value
    return directives


def assert_secure_headers(response, label: str) -> None:
    headers = response.headers
    csp = headers.get("Content-Security-Policy", "")
    directives = csp_directives(csp)
    for directive in REQUIRED_CSP_DIRECTIVES:
        assert directive in directives, f"{label}: CSP lacks {directive}"
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, f"{label}: unsafe CSP {csp}"
    assert directives["object-src"] == "'none'", label
    assert directives["frame-ancestors"] == "'none'", label
    assert "*" not in directives["default-src"], label
    assert headers.get("X-Content-Type-Options") == "nosniff", label
    assert headers.get("Referrer-Policy") == "no-referrer", label
    assert "camera=()" in headers.get("Permissions-Policy", ""), label
    assert "geolocation=()" in headers.get("Permissions-Policy", ""), label
    assert "Server" not in headers, label


def every_response(client, app):
    """Pages in both languages, an error page, a static file, security.txt and /health."""
    paths = [in_language(p, lang) for p in page_paths(app) for lang in ("nl", "en")]
    paths += ["/bestaat-niet", "/en/bestaat-niet", "/static/css/site.css", "/.well-known/security.txt", "/health"]
    paths += [rule.rule for rule in app.url_map.iter_rules()
              if rule.rule.startswith("/api/") and not rule.arguments and "GET" in rule.methods]
    for path in paths:
        yield path, client.get(path)


def test_every_response_has_the_security_headers(client, app):
    checked = 0
    for path, response in every_response(client, app):
        assert_secure_headers(response, path)
        assert "Strict-Transport-Security" not in response.headers, f"{path}: HSTS outside production"
        checked += 1
    assert checked >= 17


def test_production_adds_hsts_for_one_year(monkeypatch, database_url):
    monkeypatch.setenv("SECRET_KEY", "p" * 40)
    app = create_app("production", DATABASE_URL=database_url)
    for path in ("/", "/en/voor-jou", "/bestaat-niet", "/static/css/site.css"):
        response = app.test_client().get(path)
        hsts = response.headers.get("Strict-Transport-Security", "")
        assert re.fullmatch(r"max-age=31536000(; includeSubDomains)?", hsts), f"{path}: {hsts!r}"
        assert_secure_headers(response, path)


def test_security_txt_has_contact_and_an_expiry_within_a_year(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    fields = dict(line.split(": ", 1) for line in response.get_data(as_text=True).splitlines() if ": " in line)
    assert fields["Contact"].startswith(("mailto:", "https://"))
    expires = datetime.strptime(fields["Expires"], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    now = datetime.now(UTC)
    assert now + timedelta(days=30) < expires < now + timedelta(days=365)


def test_security_txt_expiry_moves_with_the_date():
    later = security_txt(datetime(2031, 3, 1, 15, 30, tzinfo=UTC))
    assert "Expires: 2031-08-28T00:00:00Z" in later
    assert "Expires: 2031" not in security_txt(datetime(2029, 1, 1, tzinfo=UTC))


def test_security_txt_contact_comes_from_the_environment(client, monkeypatch):
    assert f"Contact: {PLACEHOLDER_CONTACT}" in client.get("/.well-known/security.txt").get_data(as_text=True)
    monkeypatch.setenv("SECURITY_CONTACT", "mailto:cert@gemeente.example")
    body = client.get("/.well-known/security.txt").get_data(as_text=True)
    assert "Contact: mailto:cert@gemeente.example\n" in body


def _session_route(app):
    @app.get("/zet-sessie")
    def set_session():
        session["antwoord"] = "ja"
        return Response("ok", mimetype="text/plain")


def test_production_session_cookie_is_secure_httponly_lax(monkeypatch, database_url):
    monkeypatch.setenv("SECRET_KEY", "q" * 40)
    app = create_app("production", DATABASE_URL=database_url)
    _session_route(app)
    response = app.test_client().get("/zet-sessie")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith("beschut_sessie=")
    attributes = {part.strip().split("=")[0].lower(): part for part in cookie.split(";")[1:]}
    assert "secure" in attributes and "httponly" in attributes
    assert attributes["samesite"].strip() == "SameSite=Lax"


def test_development_session_cookie_works_over_http(app):
    _session_route(app)
    cookie = app.test_client().get("/zet-sessie").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie


def test_pages_for_a_visitor_with_a_session_are_not_stored(app):
    _session_route(app)
    assert app.test_client().get("/health").headers.get("Cache-Control") != "no-store"
    client = app.test_client()
    assert client.get("/zet-sessie").headers.get("Cache-Control") == "no-store"
    assert client.get("/health").headers.get("Cache-Control") == "no-store"
    assert client.get("/").headers.get("Cache-Control") == "no-store"
    assert client.get("/static/css/site.css").headers.get("Cache-Control") != "no-store"


@pytest.mark.parametrize(("prefix", "lang", "words"), [
    ("", "nl", "Daarom is het formulier niet verstuurd"),
    ("/en", "en", "So the form was not sent"),
])
def test_a_missing_csrf_token_gives_a_site_page_in_the_persons_language(database_url, prefix, lang, words):
    app = create_app("testing", DATABASE_URL=database_url, WTF_CSRF_ENABLED=True)

    @app.post("/formulier")
    def form():
        return Response("verwerkt", mimetype="text/plain")

    client = app.test_client()
    for data in ({}, {"csrf_token": "vervalst"}):
        response = client.post(prefix + "/formulier", data=data)
        assert response.status_code == 400
        html = response.get_data(as_text=True)
        assert f'<html lang="{lang}">' in html and words in html
        assert "verwerkt" not in html


def test_a_missing_csrf_token_on_the_api_gives_json(database_url):
    app = create_app("testing", DATABASE_URL=database_url)

    @app.post("/api/v1/proef")
    def api_probe():
        return {"ok": True}

    response = app.test_client().post("/api/v1/proef", json={})
    assert response.status_code == 400
    assert response.is_json and response.get_json()["errors"]
