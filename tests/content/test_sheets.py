"""Information sheets: web page and PDF/UA-1 from the same content, in both languages;
the list gives language, pages and size; downloads are counted anonymously."""

import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.storage.db import session
from app.storage.events import SHEET_DOWNLOAD
from app.storage.models import UsageEvent
from tests.content.conftest import LANGS, prefixed
from tests.support.html import parse, text_of

SHEETS = ["beschut-werk-makkelijk", "mentoren-pro-vso", "stappen-aanvraag", "verschillen", "gespreksleidraad"]
BASE = "/professionals/informatiebladen"


def pdf_of(client, slug, lang):
    response = client.get(prefixed(f"{BASE}/{slug}.pdf", lang))
    assert response.status_code == 200, f"{slug} {lang}: {response.status_code}"
    assert response.mimetype == "application/pdf"
    return response


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_is_a_web_page_in_both_languages(client, lang):
    for slug in SHEETS:
        response = client.get(prefixed(f"{BASE}/{slug}", lang))
        assert response.status_code == 200, slug


@pytest.mark.parametrize("lang", LANGS)
def test_every_pdf_is_tagged_pdf_ua_with_the_right_language_and_title(client, lang):
    for slug in SHEETS:
        reader = PdfReader(io.BytesIO(pdf_of(client, slug, lang).data))
        root = reader.trailer["/Root"]
        assert root["/Lang"] == lang, slug
        assert "/StructTreeRoot" in root
        assert bool(root["/MarkInfo"]["/Marked"])
        assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
        page = parse(client.get(prefixed(f"{BASE}/{slug}", lang)).get_data(as_text=True))
        assert reader.metadata.title == text_of(page.find(".//h1"))
        assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode("utf-8", "ignore")


@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_says_what_the_web_page_says(client, lang):
    """Same content source: every heading and every list item of the web page is in the PDF text."""
    for slug in SHEETS:
        page = parse(client.get(prefixed(f"{BASE}/{slug}", lang)).get_data(as_text=True))
        article = page.find(".//article[@class='sheet']")
        reader = PdfReader(io.BytesIO(pdf_of(client, slug, lang).data))
        pdf_text = words(" ".join(p.extract_text() for p in reader.pages))
        squashed = pdf_text.replace(" ", "")
        blocks = [*article.iter("h2"), *article.iter("li"), *article.iter("th"),
                  *(p for p in article.iter("p") if p.get("class") == "note-line")]
        for element in blocks:
            expected = words(text_of(element)).replace(" ", "")
            assert expected[:60] in squashed, f"{slug} ({lang}): {text_of(element)!r} missing from the PDF"


def test_the_dutch_and_english_pdfs_differ(client):
    dutch = PdfReader(io.BytesIO(pdf_of(client, "stappen-aanvraag", "nl").data)).pages[0].extract_text()
    english = PdfReader(io.BytesIO(pdf_of(client, "stappen-aanvraag", "en").data)).pages[0].extract_text()
    assert "Voorbereiden" in dutch and "Prepare" in english
    assert "Prepare" not in dutch


@pytest.mark.parametrize("lang", LANGS)
def test_the_easy_read_sheet_has_a_pictogram_with_alt_text_in_every_section(client, lang):
    html = client.get(prefixed(f"{BASE}/beschut-werk-makkelijk", lang)).get_data(as_text=True)
    assert "data-read-aloud hidden" in html and re.search(r"js/read-aloud\.[0-9a-f]{12}\.js", html)
    page = parse(html)
    sections = page.findall(".//article//section[@class='content-section']")
    assert len(sections) >= 5
    for section in sections:
        image = section.find(".//img")
        assert image is not None and image.get("alt")


@pytest.mark.parametrize("lang", LANGS)
def test_the_list_gives_language_pages_and_size_of_every_pdf(client, lang):
    html = client.get(prefixed(BASE, lang)).get_data(as_text=True)
    root = parse(html)
    cards = root.findall(".//main//li[@class='sheet-card']")
    assert len(cards) == len(SHEETS)
    names = {"nl": {"nl": "Nederlands", "en": "Engels"}, "en": {"nl": "Dutch", "en": "English"}}[lang]
    page_word = {"nl": r"pagina(?:'s)?", "en": r"pages?"}[lang]
    for card in cards:
        links = card.findall(".//a[@class='sheet-card__download']")
        assert {link.get("hreflang") for link in links} == {"nl", "en"}
        for link in links:
            pdf_lang = link.get("hreflang")
            label = words(text_of(link))
            match = re.search(rf"\({names[pdf_lang]}, (?P<pages>\d+) {page_word}, (?P<kb>\d+) kB\)", label)
            assert match, label
            pdf = client.get(link.get("href"))
            assert pdf.status_code == 200
            assert PdfReader(io.BytesIO(pdf.data)).trailer["/Root"]["/Lang"] == pdf_lang
            assert int(match.group("kb")) == round(len(pdf.data) / 1024)
            assert int(match.group("pages")) == len(PdfReader(io.BytesIO(pdf.data)).pages)


@pytest.mark.database
def test_a_download_is_counted_with_slug_and_language_only(app, client):
    pdf_of(client, "verschillen", "nl")
    pdf_of(client, "verschillen", "en")
    pdf_of(client, "stappen-aanvraag", "en")
    client.get(prefixed(f"{BASE}/verschillen", "nl"))  # the web page is not a download
    with app.app_context():
        events = session().scalars(select(UsageEvent).where(UsageEvent.name == SHEET_DOWNLOAD)).all()
    assert sorted(e.value for e in events) == ["stappen-aanvraag-en", "verschillen-en", "verschillen-nl"]


def test_a_download_is_a_named_attachment(client):
    response = pdf_of(client, "mentoren-pro-vso", "en")
    assert response.headers["Content-Disposition"] == 'attachment; filename="beschut-werk-mentoren-pro-vso-en.pdf"'


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_sheet_is_not_found(client, lang):
    for path in [f"{BASE}/bestaat-niet", f"{BASE}/bestaat-niet.pdf", f"{BASE}/..%2Fbronnen.pdf"]:
        assert client.get(prefixed(path, lang)).status_code == 404, path


def test_a_changed_content_file_gives_a_new_pdf(app, tmp_path):
    import os
    import shutil

    from app.documents import sheets
    from tests.content.conftest import CONTENT

    shutil.copytree(CONTENT, tmp_path / "content")
    app.config["CONTENT_DIR"] = str(tmp_path / "content")
    with app.test_request_context("/"):
        before = sheets.sheet_pdf("verschillen", "nl")
        path = tmp_path / "content" / "nl" / "informatiebladen" / "verschillen.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("Goed om te weten", "Let goed op"), encoding="utf-8")
        os.utime(path, (1, 1))
        after = sheets.sheet_pdf("verschillen", "nl")
    assert "Let goed op" in "".join(p.extract_text() for p in PdfReader(io.BytesIO(after.data)).pages)
    assert before.data != after.data


def structure_elements(reader, tag: str) -> list:
    """Every element of the PDF's structure tree with the given tag (e.g. "/Figure")."""
    from pypdf.generic import ArrayObject, DictionaryObject

    found, stack = [], [reader.trailer["/Root"]["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, ArrayObject):
            stack.extend(node)
        elif isinstance(node, DictionaryObject):
            if node.get("/S") == tag:
                found.append(node)
            if "/K" in node:
                stack.append(node["/K"])
    return found


@pytest.mark.parametrize("lang", LANGS)
def test_the_pictograms_in_the_easy_read_pdf_are_tagged_figures_with_their_text_alternative(client, lang):
    import yaml

    from tests.content.conftest import CONTENT

    alts = yaml.safe_load((CONTENT / lang / "pictogrammen.yaml").read_text(encoding="utf-8"))["pictograms"]
    sheet = yaml.safe_load((CONTENT / lang / "informatiebladen" / "beschut-werk-makkelijk.yaml").read_text("utf-8"))
    expected = [alts[section["pictogram"]] for section in sheet["sections"]]
    reader = PdfReader(io.BytesIO(pdf_of(client, "beschut-werk-makkelijk", lang).data))
    figures = structure_elements(reader, "/Figure")
    assert sorted(str(f.get("/Alt")) for f in figures) == sorted(expected)
    assert len(structure_elements(reader, "/H2")) >= len(expected)
