"""Findability: a meta description, canonical and hreflang links on every page; sitemap.xml,
robots.txt and a link-preview image per route (issue 15, points 4 and 5)."""

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from defusedxml import ElementTree
from PIL import Image

from app import create_app
from tests.support.html import parse
from tests.support.routes import in_language, page_paths

CONTENT = Path(__file__).resolve().parent.parent.parent / "content"
BASE = "http://localhost"
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
# Slug routes and the content folder whose files are their pages (found on disk, not from the app).
SLUG_PAGES = {"/voor-jou/": "voor-jou", "/professionals/": "professionals",
              "/professionals/informatiebladen/": "informatiebladen"}


def sitemap_urls(client) -> dict[str, set[str]]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response.mimetype == "application/xml"
    root = ElementTree.fromstring(response.data)
    urls = {}
    for url in root.findall("s:url", SITEMAP_NS):
        loc = url.find("s:loc", SITEMAP_NS).text
        urls[loc] = {link.get("href") for link in url.findall("x:link", SITEMAP_NS)}
    return urls


def local(url: str) -> str:
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == BASE, url
    return parts.path


def content_pages() -> list[str]:
    pages = []
    for prefix, folder in SLUG_PAGES.items():
        pages += [prefix + path.stem for path in sorted((CONTENT / "nl" / folder).glob("*.yaml"))]
    return pages


def head_of(html: str) -> dict:
    root = parse(html)
    head = root.find("head")
    meta = {m.get("name") or m.get("property"): m.get("content") for m in head.iter("meta")}
    links = [(link.get("rel"), link.get("hreflang"), link.get("href")) for link in head.iter("link")]
    return {"meta": meta, "links": links}


@pytest.fixture
def every_page(app) -> list[str]:
    return sorted(set(page_paths(app)) | set(content_pages()))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_has_a_unique_description_and_absolute_canonical_and_hreflang_links(client, every_page, lang):
    seen: dict[str, str] = {}
    checked = 0
    for path in every_page:
        url = in_language(path, lang)
        response = client.get(url)
        if response.status_code != 200:  # a flow page that needs earlier answers redirects
            assert response.status_code in (302, 303), url
            continue
        checked += 1
        head = head_of(response.get_data(as_text=True))
        description = (head["meta"].get("description") or "").strip()
        assert description, f"{url}: no meta description"
        assert description not in seen, f"{url} has the same description as {seen.get(description)}"
        seen[description] = url
        canonical = [href for rel, _, href in head["links"] if rel == "canonical"]
        assert canonical == [BASE + url], f"{url}: canonical {canonical}"
        alternates = {hreflang: href for rel, hreflang, href in head["links"] if rel == "alternate" and hreflang}
        assert set(alternates) == {"nl", "en", "x-default"}, url
        assert alternates["nl"] == BASE + path and alternates["en"] == BASE + in_language(path, "en")
        assert alternates["x-default"] == alternates["nl"]
        for href in alternates.values():
            assert client.get(local(href)).status_code == 200, f"{url}: alternate {href} does not resolve"
    assert checked >= 25


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_link_preview_tags_name_an_image_of_1200_by_630_made_for_the_route(client, lang):
    images = set()
    for path in ["/", "/voor-jou/wat-is-beschut-werk", "/zelftest", "/professionals/criteria"]:
        head = head_of(client.get(in_language(path, lang)).get_data(as_text=True))["meta"]
        assert head["og:title"] and head["twitter:title"] == head["og:title"]
        assert head["og:description"] == head["description"] == head["twitter:description"]
        assert head["og:url"] == BASE + in_language(path, lang)
        assert head["twitter:card"] == "summary_large_image"
        assert head["og:image"] == head["twitter:image"] and head["og:image"].startswith(BASE + "/")
        response = client.get(local(head["og:image"]))
        assert response.status_code == 200 and response.mimetype == "image/png"
        image = Image.open(io.BytesIO(response.data))
        assert image.size == (1200, 630)
        assert (int(head["og:image:width"]), int(head["og:image:height"])) == (1200, 630)
        images.add(response.data)
    assert len(images) == 4, "every route has an image of its own"


def test_the_preview_image_is_cached_and_unknown_routes_have_none(client):
    first = client.get("/deelbeeld/privacy.png").data
    assert client.get("/deelbeeld/privacy.png").data is not None
    assert client.get("/deelbeeld/privacy.png").data == first
    assert client.get("/en/deelbeeld/privacy.png").data != first, "each language has its own image"
    assert client.get("/deelbeeld/bestaat-niet.png").status_code == 404
    assert client.get("/deelbeeld/zelftest/uitslag.png").status_code == 404  # not a public page


def test_sitemap_lists_every_public_get_page_in_both_languages(app, client):
    urls = sitemap_urls(client)
    listed = {local(url) for url in urls}
    fresh = app.test_client()
    states = state_pages(app)
    public = [p for p in page_paths(app) if fresh.get(p).status_code == 200 and p not in states]
    assert {"/", "/voor-jou", "/professionals", "/zelftest", "/privacy"} <= set(public)
    for path in public + content_pages():
        for lang in ("nl", "en"):
            assert in_language(path, lang) in listed, f"{in_language(path, lang)} is missing from the sitemap"
    for url, alternates in urls.items():
        path = local(url)
        assert client.get(path).status_code == 200, f"{url} in the sitemap does not resolve"
        assert url in alternates and len(alternates) == 2, url
    for path in page_paths(app):
        if fresh.get(path).status_code in (302, 303):
            assert path not in listed, f"{path} needs earlier answers and is not a page on its own"


def state_pages(app) -> set[str]:
    """The paths whose view carries @not_in_sitemap (app/seo/sitemap.py): states, not content."""
    adapter = app.url_map.bind("localhost")
    return {path for path in page_paths(app)
            if getattr(app.view_functions[adapter.match(path)[0]], "not_in_sitemap", False)}


def test_state_pages_are_left_out_of_the_sitemap_and_not_indexed(app, client):
    states = state_pages(app)
    assert {"/wis-alles", "/wis-alles/gewist", "/aanvraag/verlopen", "/aanvraag/verwijderd"} <= states
    listed = {local(url) for url in sitemap_urls(client)}
    fresh = app.test_client()
    for path in states:
        for lang in ("nl", "en"):
            url = in_language(path, lang)
            assert url not in listed, f"{url} is a state page and is listed in the sitemap"
            response = fresh.get(url)
            assert response.status_code == 200, url  # it does open for a new visitor
            assert head_of(response.get_data(as_text=True))["meta"].get("robots") == "noindex", url
    assert "robots" not in head_of(fresh.get("/voor-jou").get_data(as_text=True))["meta"]


def test_every_slug_route_of_the_url_map_has_its_pages_in_the_sitemap(app, client):
    listed = {local(url) for url in sitemap_urls(client)}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or not rule.arguments or "." in rule.rule.rpartition("/")[2]:
            continue
        # Not public pages: files, previews, and the steps of flows that need earlier answers.
        if rule.rule.startswith(("/static", "/deelbeeld", "/aanvraag/", "/zelftest/")):
            continue
        prefix = rule.rule.split("<")[0]
        assert any(path.startswith(prefix) and path != prefix.rstrip("/") for path in listed), rule.rule


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    lines = response.get_data(as_text=True).splitlines()
    assert "User-agent: *" in lines
    assert f"Sitemap: {BASE}/sitemap.xml" in lines


def test_absolute_addresses_come_from_site_url(database_url):
    app = create_app("testing", DATABASE_URL=database_url, SITE_URL="https://beschutwerk.example.nl/")
    client = app.test_client()
    head = head_of(client.get("/en/voor-jou").get_data(as_text=True))
    assert ("canonical", None, "https://beschutwerk.example.nl/en/voor-jou") in head["links"]
    assert head["meta"]["og:image"] == "https://beschutwerk.example.nl/en/deelbeeld/voor-jou.png"
    assert "Sitemap: https://beschutwerk.example.nl/sitemap.xml" in client.get("/robots.txt").get_data(as_text=True)
    assert "<loc>https://beschutwerk.example.nl/en/zelftest</loc>" in client.get("/sitemap.xml").get_data(as_text=True)
    app.extensions["database"].kw["bind"].dispose()
