"""Issue 14.4: the language switch and <link rel=alternate> never point to another site.

Browsers read "\\" as "/" and drop tab, CR and LF from URLs, so a path such as /en/%5Cevil.example
must not come back as href="/\\evil.example" (read as //evil.example, another host).
"""

import re

import pytest

from app.i18n import same_site_path

HOSTILE = ["/en/%5Cevil.example", "/%5Cevil.example", "/en/%09/evil.example", "/en/%0d%0a/evil.example",
           "/en//evil.example", "/voor-jou//evil.example", "/en/%5C%5Cevil.example/x", "/en/a%20b%22%3E%3Cx",
           "/en/%255Cevil.example", "/voor-jou/%5C%5Cevil.example?x=%5C&y=\\"]


def links(html: str) -> list[str]:
    alternates = re.findall(r'<link rel="alternate"[^>]*href="([^"]*)"', html)
    alternates += re.findall(r'<link [^>]*href="([^"]*)"[^>]*rel="alternate"', html)
    switches = re.findall(r'<a [^>]*hreflang="[a-z]+"[^>]*href="([^"]*)"|<a [^>]*href="([^"]*)"[^>]*hreflang=', html)
    found = alternates + [a or b for a, b in switches]
    assert found, "no language links found"
    return found


@pytest.mark.parametrize("path", HOSTILE)
def test_language_links_stay_on_this_site(client, path):
    response = client.get(path)
    if response.status_code == 308:  # Werkzeug merges double slashes: to this site only
        location = response.headers["Location"]
        assert location.startswith(("/", "http://localhost/")) and not location.startswith("//"), location
        response = client.get(location)
    assert response.status_code in (200, 404)
    for href in links(response.get_data(as_text=True)):
        # A path of this site, or an absolute address of this site (SITE_URL empty: the test host).
        assert href.startswith("http://localhost/") or (href.startswith("/") and not href.startswith("//")), href
        assert "\\" not in href and not re.search(r"[\x00-\x20\x7f\"<>]", href), href


def test_an_ordinary_path_is_kept():
    assert same_site_path("/voor-jou/wat-is-beschut-werk") == "/voor-jou/wat-is-beschut-werk"
    assert same_site_path("/") == "/"
    assert same_site_path("/\\evil.example") == "/%5Cevil.example"
    assert same_site_path("//evil.example") == "/evil.example"
