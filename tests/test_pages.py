"""Every GET page, in both languages, passes the structure checks of the test client."""

import pytest

from tests.support.routes import in_language, page_paths

FOUNDATION_PAGES = ["/", "/voor-jou", "/professionals", "/toegankelijkheid", "/privacy"]


def test_the_foundation_pages_are_registered(app):
    assert set(FOUNDATION_PAGES) <= set(page_paths(app))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_renders_and_passes_structure_checks(client, app, lang):
    served = 0
    for path in page_paths(app):
        response = client.get(in_language(path, lang))
        # Pages that need earlier answers may redirect to the start of their flow.
        assert response.status_code in (200, 302, 303), f"{path}: {response.status_code}"
        if response.status_code == 200:
            served += 1
    assert served >= len(FOUNDATION_PAGES)


def test_english_lives_under_en_with_the_same_paths(client):
    dutch = client.get("/voor-jou").get_data(as_text=True)
    english = client.get("/en/voor-jou").get_data(as_text=True)
    assert '<html lang="nl">' in dutch
    assert '<html lang="en">' in english
    assert 'href="/en/voor-jou" hreflang="en"' in dutch
    assert 'href="/voor-jou" hreflang="nl"' in english


def test_en_without_slash_is_the_english_home(client):
    response = client.get("/en")
    assert response.status_code == 200
    assert '<html lang="en">' in response.get_data(as_text=True)


def test_links_inside_an_english_page_stay_english(client):
    html = client.get("/en/").get_data(as_text=True)
    assert 'href="/en/professionals"' in html
    assert 'href="/en/privacy"' in html


def test_home_has_two_doors(client):
    html = client.get("/").get_data(as_text=True)
    assert html.count('class="door"') == 2
    assert 'href="/voor-jou"' in html and 'href="/professionals"' in html


def test_language_switch_keeps_the_query_string(client):
    html = client.get("/privacy?x=1").get_data(as_text=True)
    assert 'href="/en/privacy?x=1" hreflang="en"' in html


@pytest.mark.parametrize(("path", "lang", "words"), [
    ("/bestaat-niet", "nl", "Deze pagina bestaat niet"),
    ("/en/does-not-exist", "en", "This page does not exist"),
])
def test_not_found_is_a_site_page_in_the_visitors_language(client, path, lang, words):
    response = client.get(path)
    assert response.status_code == 404
    assert words in response.get_data(as_text=True)


@pytest.mark.parametrize(("path", "words"), [("/", "Er ging iets mis"), ("/en/", "Something went wrong")])
def test_server_error_is_a_site_page_in_the_visitors_language(app, path, words):
    @app.get("/kapot")
    def broken():
        raise RuntimeError("boom")

    response = app.test_client().get(path.rstrip("/") + "/kapot")
    assert response.status_code == 500
    assert words in response.get_data(as_text=True)


def test_print_styles_exist(client):
    css = client.get("/static/css/site.css").get_data(as_text=True)
    assert "@media print" in css


def test_no_third_party_resources_on_any_page(client, app):
    import re

    for path in page_paths(app):
        for lang in ("nl", "en"):
            html = client.get(in_language(path, lang)).get_data(as_text=True)
            # A canonical or language-alternate link names a page of this site, it loads nothing
            # (issue 15): they must be absolute, and on the site's own address.
            page_link = r'<link rel="(?:canonical|alternate)"(?: hreflang="[^"]*")? href="([^"]*)">'
            own = re.findall(page_link, html)
            assert all(url.startswith("http://localhost/") for url in own), f"{path}: {own}"
            html = re.sub(page_link, "", html)
            sources = re.findall(r'(?:src|href)="(https?:)?//[^"]*"', html)
            loaded = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', html)
            assert not loaded, f"{path}: third-party resource {sources}"


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_menu_marks_the_section_of_a_sub_page_as_current(client, prefix):
    html = client.get(prefix + "/voor-jou/wat-is-beschut-werk").get_data(as_text=True)
    assert f'href="{prefix}/voor-jou" aria-current="page"' in html
    assert 'aria-current="page">Home' not in html


def test_the_professional_topics_link_to_the_figures(client):
    assert 'href="/professionals/cijfers"' in client.get("/professionals").get_data(as_text=True)
