"""Materials for intermediaries (issue 15): a page linked from /professionals with a poster, flyer,
card, slide deck and presenter's guide as tagged PDFs in both languages, and texts to copy."""

import io
import re

import pytest
import yaml
from pypdf import PdfReader
from sqlalchemy import select

from app.storage.db import session
from app.storage.events import SHEET_DOWNLOAD
from app.storage.models import UsageEvent
from tests.content.conftest import CONTENT, LANGS, prefixed
from tests.content.test_sheets import structure_elements
from tests.support.html import parse, text_of

PAGE = "/professionals/materialen"
MM = 72 / 25.4
SIZES = {"poster": (210, 297), "flyer": (148, 210), "card": (105, 148), "guide": (210, 297), "deck": (297, 210)}


def materials(lang: str) -> dict[str, dict]:
    paths = sorted((CONTENT / lang / "materialen").glob("*.yaml"))
    return {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in paths}


def address(lang: str) -> str:
    """The self-check's address as printed: the test client's host and the path in that language."""
    return "localhost" + prefixed("/zelftest", lang)


def pdf_links(html: str) -> dict[tuple[str, str], str]:
    links = {}
    for a in parse(html).iter("a"):
        match = re.fullmatch(r"(?:/en)?/professionals/materialen/([a-z0-9-]+)\.pdf", a.get("href") or "")
        if match:
            links[(match.group(1), a.get("hreflang"))] = a.get("href")
    return links


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_is_linked_from_professionals(client, lang):
    html = client.get(prefixed("/professionals", lang)).get_data(as_text=True)
    assert f'href="{prefixed(PAGE, lang)}"' in html


def test_the_five_materials_exist_in_both_languages():
    for lang in LANGS:
        formats = sorted(doc["format"] for doc in materials(lang).values())
        assert formats == ["card", "deck", "flyer", "guide", "poster"], lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_material_is_linked_in_both_languages_and_is_a_tagged_pdf_in_its_language_with_the_address(client, lang):
    page = client.get(prefixed(PAGE, lang))
    assert page.status_code == 200
    links = pdf_links(page.get_data(as_text=True))
    for slug in materials(lang):
        for pdf_lang in LANGS:
            href = links.get((slug, pdf_lang))
            assert href == prefixed(f"{PAGE}/{slug}.pdf", pdf_lang), f"{slug} ({pdf_lang}) is not linked from {lang}"
            response = client.get(href)
            assert response.status_code == 200 and response.mimetype == "application/pdf"
            reader = PdfReader(io.BytesIO(response.data))
            root = reader.trailer["/Root"]
            assert root["/Lang"] == pdf_lang, slug
            assert "/StructTreeRoot" in root and bool(root["/MarkInfo"]["/Marked"])
            assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
            assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode("utf-8", "ignore")
            title = materials(pdf_lang)[slug]["title"]
            assert reader.metadata.title == title
            text = re.sub(r"\s+", "", " ".join(p.extract_text() for p in reader.pages))
            assert address(pdf_lang).replace(" ", "") in text, f"{slug} ({pdf_lang}) does not give the address"
            width, height = SIZES[materials(pdf_lang)[slug]["format"]]
            for number, pdf_page in enumerate(reader.pages, start=1):
                box = pdf_page.mediabox
                assert abs(float(box.width) - width * MM) < 2 and abs(float(box.height) - height * MM) < 2, (
                    f"{slug} page {number}: {float(box.width) / MM:.0f} x {float(box.height) / MM:.0f} mm")


@pytest.mark.parametrize("lang", LANGS)
def test_the_deck_has_about_ten_landscape_slides_and_the_guide_one_page(client, lang):
    formats = {doc["format"]: slug for slug, doc in materials(lang).items()}
    deck = PdfReader(io.BytesIO(client.get(prefixed(f"{PAGE}/{formats['deck']}.pdf", lang)).data))
    assert len(deck.pages) == len(materials(lang)[formats["deck"]]["slides"])
    assert 8 <= len(deck.pages) <= 12
    assert all(float(p.mediabox.width) > float(p.mediabox.height) for p in deck.pages)
    for number, (page, slide) in enumerate(zip(deck.pages, materials(lang)[formats["deck"]]["slides"], strict=True), 1):
        assert slide["heading"].replace(" ", "") in page.extract_text().replace(" ", "").replace("\n", ""), number
    guide = PdfReader(io.BytesIO(client.get(prefixed(f"{PAGE}/{formats['guide']}.pdf", lang)).data))
    assert len(guide.pages) == 1
    guide_text = guide.pages[0].extract_text()
    assert len(materials(lang)[formats["guide"]]["slides"]) == len(materials(lang)[formats["deck"]]["slides"])
    for qa in materials(lang)[formats["guide"]]["questions"]:
        assert qa["question"] in guide_text


@pytest.mark.parametrize("lang", LANGS)
def test_pictograms_and_qr_codes_are_figures_with_a_text_alternative(client, lang):
    alts = yaml.safe_load((CONTENT / lang / "pictogrammen.yaml").read_text(encoding="utf-8"))["pictograms"]
    for slug, document in materials(lang).items():
        reader = PdfReader(io.BytesIO(client.get(prefixed(f"{PAGE}/{slug}.pdf", lang)).data))
        figures = [str(f.get("/Alt") or "") for f in structure_elements(reader, "/Figure")]
        assert all(figures), f"{slug}: a figure without text alternative"
        parts = document.get("steps") or [s for s in document.get("slides") or [] if isinstance(s, dict)]
        expected = [alts[part["pictogram"]] for part in parts]
        assert sorted(f for f in figures if f.startswith(("Pictogram", "Pictogram:"))) == sorted(expected), slug
        qr = [f for f in figures if address(lang) in f and f not in expected]
        if document["format"] in ("poster", "flyer"):
            assert len(qr) == 1, f"{slug}: one QR code naming the address"


@pytest.mark.parametrize("lang", LANGS)
def test_each_ready_text_shows_its_own_length_and_the_short_post_fits_280(client, lang):
    root = parse(client.get(prefixed(PAGE, lang)).get_data(as_text=True))
    areas = {t.get("id"): t for t in root.iter("textarea") if (t.get("id") or "").startswith("tekst-")}
    assert {"tekst-nieuwsbrief", "tekst-kort", "tekst-lang", "tekst-ouderbrief"} <= set(areas)
    counts = {p.get("id"): p for p in root.iter("p") if (p.get("id") or "").endswith("-telling")}
    for area_id, area in areas.items():
        text = area.text or ""
        assert area.get("readonly") is not None, "selectable without JavaScript, never edited by accident"
        assert address(lang) in text
        shown = counts[f"{area_id}-telling"]
        number = int(re.match(r"\d+", text_of(shown)).group())
        assert number == len(text) == int(shown.get("data-count")), area_id
    assert len(areas["tekst-kort"].text) <= 280
    copy = [d for d in root.iter("div") if d.get("data-copy")]
    assert len(copy) == len(areas) and all(d.get("hidden") is not None for d in copy), "the copy button only adds"


@pytest.mark.database
def test_a_material_download_is_counted_with_the_sheets(app, client):
    client.get(f"{PAGE}/poster.pdf")
    client.get(f"/en{PAGE}/presentatie.pdf")
    client.get(PAGE)  # the page is not a download
    with app.app_context():
        events = session().scalars(select(UsageEvent).where(UsageEvent.name == SHEET_DOWNLOAD)).all()
    assert sorted(e.value for e in events) == ["materiaal-poster-nl", "materiaal-presentatie-en"]


def test_an_unknown_material_is_not_found(client):
    assert client.get(f"{PAGE}/bestaat-niet.pdf").status_code == 404
    assert client.get(f"/en{PAGE}/..%2Fposter.pdf").status_code == 404
