"""Materials for intermediaries as PDF/UA-1: poster (A4), flyer (A5), card (A6), a landscape slide
deck and the presenter's guide, from content/<lang>/materialen/<slug>.yaml.

Each file names its `format`; one template (documents/material_pdf.html) lays out every format.
The QR code (SVG from segno) and the address in text lead to the self-check in the material's
language. PDFs are cached by the hash of their HTML, like the information sheets.
"""

import base64
import hashlib

import segno
from flask import render_template, request, url_for
from flask_babel import force_locale

from app.content.loader import list_documents, load_document, markdown_to_html, pictograms
from app.documents.pdf import render_pdf_with_page_count
from app.documents.sheets import PdfMemory, SheetPdf
from app.seo.links import path_in_language
from app.site_address import site_address_text, site_url

FOLDER = "materialen"
PAGE = "materialen"  # content/<lang>/start/materialen.yaml: the page and its texts to copy
FORMATS = ("poster", "flyer", "card", "deck", "guide")

_cache = PdfMemory()


def selfcheck_path(lang: str) -> str:
    """/zelftest (or /en/zelftest), whatever the language of the page asking."""
    path = url_for("selfcheck.start").removeprefix(request.script_root)
    return path_in_language(path, lang)


def selfcheck_address(lang: str) -> dict:
    """The self-check's address as a URL (for the QR code) and as a person types it."""
    path = selfcheck_path(lang)
    return {"url": site_url() + path, "text": site_address_text() + path}


def qr_data_uri(url: str) -> str:
    """A QR code as an SVG data URI, so the PDF can carry it as an <img> with a text alternative."""
    svg = segno.make(url, error="m").svg_inline(scale=4, border=2, dark="#000000")
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def prepare_material(document: dict, lang: str) -> dict:
    alts = pictograms(lang)
    steps = [
        {**step, "html": markdown_to_html(step.get("text")), "pictogram_alt": alts.get(step.get("pictogram"), "")}
        for step in document.get("steps") or []
    ]
    slides = [{**slide, "pictogram_alt": alts.get(slide.get("pictogram"), "")}
              for slide in document.get("slides") or [] if isinstance(slide, dict)]
    # The guide names the headings of the deck it goes with, so a presenter finds each slide.
    deck = load_document(lang, FOLDER, document["deck"]) if document.get("deck") else {}
    deck_headings = [slide.get("heading", "") for slide in deck.get("slides") or []]
    return {**document, "raw": document, "steps": steps, "deck_headings": deck_headings,
            "slides": slides or document.get("slides") or [], "intro_html": markdown_to_html(document.get("intro"))}


def material_html(slug: str, lang: str) -> str:
    """The HTML document the PDF is made from (needs a request context for the address)."""
    material = prepare_material(load_document(lang, FOLDER, slug), lang)
    if material.get("format") not in FORMATS:
        raise ValueError(f"{lang}/{FOLDER}/{slug}: unknown format {material.get('format')!r}")
    address = selfcheck_address(lang)
    with force_locale(lang):
        return render_template("documents/material_pdf.html", material=material, lang=lang,
                               address=address, qr=qr_data_uri(address["url"]),
                               site_address=site_address_text())


def material_pdf(slug: str, lang: str) -> SheetPdf:
    """The material as PDF; raises ContentNotFound for an unknown slug or language."""
    html = material_html(slug, lang)
    key = hashlib.sha256(html.encode("utf-8")).hexdigest()
    return _cache.get(slug, lang, key, lambda: render_pdf_with_page_count(html))


def materials(lang: str) -> list[dict]:
    return list_documents(lang, FOLDER)


def ready_texts(page: dict, address: str) -> list[dict]:
    """The texts to copy, with the self-check's address filled in and their length in characters."""
    texts = []
    for entry in page.get("texts") or []:
        text = str(entry["text"]).strip().replace("{zelftest}", address)
        texts.append({**entry, "text": text, "count": len(text), "rows": text.count("\n") + 2 + len(text) // 70})
    return texts
