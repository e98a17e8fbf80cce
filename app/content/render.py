"""Turn a content document into what a template needs: HTML for its texts and the hard words it uses.

Used by the web pages and by the PDF sheets alike, so both show the same words.
"""

from app.content.loader import glossary, markdown_to_html, pictograms


def prepare(document: dict, lang: str, explain_words: bool = True) -> dict:
    """Title, intro and sections as HTML; `words` lists the glossary entries used, in order.

    Links within the site are written in content files as Dutch paths ("/professionals/criteria");
    in English content they get the /en prefix, so a reader stays in their language.
    """
    words = glossary(lang) if explain_words else {}
    prefix = "/en" if lang == "en" else ""
    alts = pictograms(lang)
    used: list[str] = []
    intro = markdown_to_html(document.get("intro"), words, used, prefix)
    sections = []
    for number, section in enumerate(document.get("sections") or [], start=1):
        pictogram = section.get("pictogram")
        sections.append({
            "id": section.get("id") or f"deel-{number}",
            "heading": section.get("heading", ""),
            "pictogram": pictogram if pictogram in alts else None,
            "pictogram_alt": alts.get(pictogram, ""),
            "html": markdown_to_html(section.get("text"), words, used, prefix),
            "table": section.get("table"),
            "lines": section.get("lines") or [],
            "after_table": markdown_to_html(section.get("after_table"), words, used, prefix),
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
