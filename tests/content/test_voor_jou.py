"""The route for the target group: pages in both languages, glossary without JavaScript,
pictograms with text alternatives, the read-aloud button as an enhancement, readability."""

import re

import pytest

from app.content.loader import list_documents
from tests.content.conftest import LANGS, get_page, prefixed
from tests.content.readability import measure
from tests.support.html import parse, text_of

READING_PAGES = ["wat-is-beschut-werk", "is-het-iets-voor-mij", "advies-vragen", "na-je-vraag"]
ALL_PAGES = (["/voor-jou"] + [f"/voor-jou/{slug}" for slug in READING_PAGES]
             + ["/voor-jou/samenvatting", "/voor-jou/woorden"])


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_exists_in_both_languages_and_passes_the_page_checks(client, lang):
    for path in ALL_PAGES:
        html = get_page(client, path, lang)
        assert f'<html lang="{lang}">' in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_reading_page_is_listed_on_the_start_page(client, app, lang):
    html = get_page(client, "/voor-jou", lang)
    with app.app_context():
        slugs = [d["slug"] for d in list_documents(lang, "voor-jou")]
    for slug in READING_PAGES:
        assert slug in slugs
        assert f'href="{prefixed("/voor-jou/" + slug, lang)}"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_every_section_has_a_pictogram_with_a_text_alternative(client, lang):
    for path in ALL_PAGES[:-1]:
        root = parse(get_page(client, path, lang))
        sections = root.findall(".//main//section[@class='content-section']")
        assert sections, path
        for section in sections:
            images = section.findall(".//img[@class='pictogram']")
            assert len(images) == 1, f"{path}: {text_of(section.find('h2'))}"
            assert images[0].get("alt", "").strip(), f"{path}: pictogram without text alternative"
            assert re.match(r"(/en)?/static/img/pictograms/\w+\.[0-9a-f]{12}\.svg$", images[0].get("src"))


@pytest.mark.parametrize("lang", LANGS)
def test_hard_words_link_to_their_explanation_on_the_same_page(client, lang):
    linked = 0
    for path in ALL_PAGES[:-2]:
        root = parse(get_page(client, path, lang))
        ids = {element.get("id") for element in root.iter() if element.get("id")}
        for link in root.findall(".//main//a[@class='term']"):
            target = link.get("href").removeprefix("#")
            assert target in ids, f"{path}: {target} has no explanation on the page"
            definition = root.find(f".//dt[@id='{target}']")
            assert definition is not None
            linked += 1
    assert linked >= 10


@pytest.mark.parametrize("lang", LANGS)
def test_the_glossary_page_explains_every_word(client, lang):
    root = parse(get_page(client, "/voor-jou/woorden", lang))
    terms = root.findall(".//dl[@class='glossary']/dt")
    explanations = root.findall(".//dl[@class='glossary']/dd")
    assert len(terms) == len(explanations) >= 15
    assert all(text_of(dd) for dd in explanations)
    assert root.find(".//dt[@id='woord-arbeidsvermogen']") is not None


@pytest.mark.parametrize("lang", LANGS)
def test_read_aloud_is_hidden_until_the_script_finds_speech_support(client, lang):
    html = get_page(client, "/voor-jou/wat-is-beschut-werk", lang)
    holder = re.search(r'<div class="read-aloud" data-read-aloud hidden>', html)
    assert holder, "the read-aloud button must start hidden"
    assert re.search(r'src="(/en)?/static/js/read-aloud\.[0-9a-f]{12}\.js"', html)
    script = client.get("/static/js/read-aloud.js").get_data(as_text=True)
    assert "speechSynthesis" in script and "holder.hidden = false" in script
    assert "http" not in script


def test_the_language_of_the_pages_differs(client):
    dutch = get_page(client, "/voor-jou/na-je-vraag", "nl")
    english = get_page(client, "/voor-jou/na-je-vraag", "en")
    assert "Binnen 8 weken" in dutch or "binnen 8 weken" in dutch
    assert "within 8 weeks" in english
    assert "Moeilijke woorden op deze pagina" in dutch
    assert "Moeilijke woorden op deze pagina" not in english


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_page_is_not_found_in_the_visitors_language(client, lang):
    for slug in ["bestaat-niet", "..", "Wat-Is", "x.yaml"]:
        response = client.get(prefixed(f"/voor-jou/{slug}", lang))
        assert response.status_code == 404


@pytest.mark.parametrize("lang", LANGS)
def test_pages_link_to_the_selfcheck(app, lang):
    html = app.test_client().get(prefixed("/voor-jou/is-het-iets-voor-mij", lang)).get_data(as_text=True)
    assert re.search(r'<a class="button" href="(/en)?/zelftest[^"]*">', html)


@pytest.mark.parametrize("path", [*ALL_PAGES, "/professionals/informatiebladen/beschut-werk-makkelijk"])
def test_dutch_pages_are_easy_to_read(client, path):
    """Flesch-Douma >= 70 and at most 12 words per sentence (run with -s to see the figures)."""
    figures = measure(get_page(client, path, "nl"))
    print(f"\n{path}: Flesch-Douma {figures['flesch_douma']}, {figures['words_per_sentence']} words per sentence, "
          f"{figures['words']} words")
    assert figures["flesch_douma"] >= 70, figures["text"]
    assert figures["words_per_sentence"] <= 12, figures["text"]


def test_the_readability_measure_fails_a_hard_text():
    hard = ("<!DOCTYPE html><html lang='nl'><head><title>x</title></head><body><main>"
            "<p>De gemeentelijke uitvoeringsorganisatie beoordeelt overeenkomstig de toepasselijke "
            "verordening de arbeidsrechtelijke consequenties van de geïndiceerde voorziening beschut werk, "
            "waarbij de arbeidsdeskundige rapportage doorslaggevend is.</p></main></body></html>")
    figures = measure(hard)
    assert figures["flesch_douma"] < 70
    assert figures["words_per_sentence"] > 12


def test_the_summary_fits_on_one_printed_page(client):
    from app.documents.pdf import render_pdf_with_page_count

    for lang in LANGS:
        html = get_page(client, "/voor-jou/samenvatting", lang)
        html = re.sub(r'(href|src)="(/en)?/static/', r'\1="', html)
        _, pages = render_pdf_with_page_count(html)
        assert pages == 1, f"{lang}: the summary prints on {pages} pages"


@pytest.mark.parametrize("lang", LANGS)
def test_no_word_is_doubled_where_a_hard_word_is_linked(client, lang):
    """[[bezwaar]] maken once gave "bezwaar maken maken": the shown text must fit the sentence."""
    paths = [*ALL_PAGES, "/professionals/informatiebladen/beschut-werk-makkelijk"]
    for path in paths:
        root = parse(get_page(client, path, lang))
        for paragraph in root.findall(".//main//p") + root.findall(".//main//li"):
            text = text_of(paragraph)
            doubled = re.search(r"\b(\w{3,}) \1\b", text, re.IGNORECASE)
            assert not doubled, f"{path}: {text!r}"
