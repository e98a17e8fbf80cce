"""The page "Wie kan je helpen?": school, the gemeente's free cliëntondersteuner and UWV's contact page,
easy read in both languages, linked from every page's footer; the contact address where an answer is
promised."""

import shutil

import pytest

from app import create_app
from tests.conftest import CheckedClient
from tests.content.conftest import CONTENT, LANGS, prefixed
from tests.content.readability import measure
from tests.support.html import parse, text_of

PATH = "/wie-kan-je-helpen"


def get(client, path, lang):
    response = client.get(prefixed(path, lang))
    assert response.status_code == 200, path
    return response.get_data(as_text=True)


@pytest.mark.parametrize(("lang", "headings"), [
    ("nl", ["Je school", "Een cliëntondersteuner van de gemeente", "UWV"]),
    ("en", ["Your school", "A client adviser from the gemeente", "UWV"]),
])
def test_the_page_names_school_the_clientondersteuner_and_uwv(client, lang, headings):
    root = parse(get(client, PATH, lang))
    found = [text_of(h2) for h2 in root.findall(".//main//h2")]
    for heading in headings:
        assert heading in found, f"{lang}: no section {heading!r} in {found}"
    links = [a.get("href") for a in root.findall(".//main//a")]
    assert "https://www.uwv.nl/nl/contact" in links
    text = text_of(root.find(".//main"))
    assert ("gratis" if lang == "nl" else "free") in text


def fresh_app(database_url, **settings):
    """An app of its own, without the page cache, so a changed setting or content file shows."""
    application = create_app("testing", DATABASE_URL=database_url, PAGE_CACHE=False, **settings)
    application.test_client_class = CheckedClient
    return application


def test_the_page_words_come_from_the_content_file(database_url, tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    page = copy / "nl" / "hulp" / "wie-kan-je-helpen.yaml"
    page.write_text(page.read_text(encoding="utf-8").replace("Je school", "Je eigen school"), encoding="utf-8")
    application = fresh_app(database_url, CONTENT_DIR=str(copy))
    assert "Je eigen school" in get(application.test_client(), PATH, "nl")


def test_the_dutch_page_is_easy_to_read(client):
    # Flesch-Douma is a Dutch measure (as in tests/content/test_voor_jou.py).
    figures = measure(get(client, PATH, "nl"))
    assert figures["flesch_douma"] >= 70, figures
    assert figures["words_per_sentence"] <= 12, figures


@pytest.mark.parametrize("lang", LANGS)
def test_every_footer_links_to_the_page(client, lang):
    for path in ["/", "/voor-jou", "/professionals", "/privacy"]:
        html = get(client, path, lang)
        footer = parse(html).find(".//footer")
        hrefs = [a.get("href") for a in footer.iter("a")]
        assert prefixed(PATH, lang) in hrefs, f"{lang} {path}: footer has {hrefs}"


@pytest.mark.parametrize("lang", LANGS)
def test_the_accessibility_statement_names_the_contact_address_with_its_promise(database_url, lang):
    application = fresh_app(database_url, CONTACT_EMAIL="toegankelijkheid@gemeente.example")
    html = get(application.test_client(), "/toegankelijkheid", lang)
    root = parse(html)
    assert "mailto:toegankelijkheid@gemeente.example" in [a.get("href") for a in root.iter("a")]
    assert ("5 werkdagen" if lang == "nl" else "5 working days") in text_of(root.find(".//main"))
    assert prefixed(PATH, lang) in [a.get("href") for a in root.find(".//main").iter("a")]
