"""Long texts per language, read from content/<lang>/ (YAML with Markdown in the text fields).

Editors change the files; nothing here needs to change. The loader has no Flask views.
"""

from app.content.loader import (
    ContentNotFound,
    glossary,
    list_documents,
    load_document,
    markdown_to_html,
    pictograms,
    sources,
)

__all__ = [
    "ContentNotFound",
    "glossary",
    "list_documents",
    "load_document",
    "markdown_to_html",
    "pictograms",
    "sources",
]
