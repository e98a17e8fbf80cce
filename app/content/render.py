"""Turn a content document into what a template needs: HTML for its texts and the hard words it uses.

Used by the web pages and by the PDF sheets alike, so both show the same words.
"""

from markupsafe import Markup

from app.content.citations import render_markers, source_links
from app.content.loader import glossary, markdown_to_html, pictograms, sources


def prepare(document: dict, lang: str, explain_words: bool = True) -> dict:
    """Title, intro and sections as HTML; `words` lists the glossary entries used, in order.

    Links within the site are written in content files as Dutch paths ("/professionals/criteria");
    in English content they get the /en prefix, so a reader stays in their language.
    Source markers ("[bron: besluit]", app/content/citations.py) become links to the sources.
    """
    words = glossary(lang) if explain_words else {}
    prefix = "/en" if lang == "en" else ""
    alts = pictograms(lang)
    used: list[str] = []
    known = {source["id"]: source for source in sources(lang)}

    def html(text):
        return markdown_to_html(render_markers(text, known, lang), words, used, prefix)

    intro = html(document.get("intro"))
    sections = []
    for number, section in enumerate(document.get("sections") or [], start=1):
        pictogram = section.get("pictogram")
        sections.append({
            "id": section.get("id") or f"deel-{number}",
            "heading": section.get("heading", ""),
            "pictogram": pictogram if pictogram in alts else None,
            "pictogram_alt": alts.get(pictogram, ""),
            "html": html(section.get("text")),
            "table": section.get("table"),
            "lines": section.get("lines") or [],
            "after_table": html(section.get("after_table")),
            # A table's facts name their sources on the section: `sources: [id, ...]`.
            "sources_html": Markup(source_links(section["sources"], known, lang)) if section.get("sources") else "",  # noqa: S704 - built from escaped parts
        })
    return {
        "slug": document["slug"],
        "title": document.get("title", ""),
        "summary": document.get("summary", ""),
        "intro": intro,
        "sections": sections,
        "sources": document.get("sources") or [],
        "updated": document.get("updated", ""),
        "words": [{"id": word_id, **words[word_id]} for word_id in used],
        "raw": document,
    }
