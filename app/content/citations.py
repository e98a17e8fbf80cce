"""Source markers in content texts, so that every statement of fact names where it comes from.

An editor ends a paragraph (or a list item) with `[bron: besluit, pw-10b]`: the ids of the entries in
bronnen.yaml that it rests on. A paragraph that states no fact (advice, or a note about this site)
ends with `[zonder bron]` instead. A lead-in that ends with ":" belongs to the block after it.
The markers are the same in both languages; on the page a marker becomes a link to each source.

`unsourced()` lists the blocks without a marker: tests/content/test_sources.py fails on them for the
professional pages, so an unsourced statement of fact is not published.
"""

import re

from markupsafe import escape

CITE = re.compile(r"[ \t]*\[bron:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*\]")
NO_SOURCE = re.compile(r"[ \t]*\[zonder bron\]")
LIST_ITEM = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")
LABEL = {"nl": "Bron", "en": "Source"}
LABEL_PLURAL = {"nl": "Bronnen", "en": "Sources"}


def blocks(text: str | None) -> list[str]:
    """The paragraphs and lists of a Markdown text (separated by blank lines)."""
    return [block.strip() for block in re.split(r"\n\s*\n", text or "") if block.strip()]


def _statements(block: str) -> list[str]:
    """A list gives one statement per item; any other block is one statement."""
    lines = block.splitlines()
    if lines and all(LIST_ITEM.match(line) or not line.strip() or line.startswith("  ") for line in lines) \
            and LIST_ITEM.match(lines[0]):
        items: list[str] = []
        for line in lines:
            if LIST_ITEM.match(line):
                items.append(line)
            else:
                items[-1] += " " + line.strip()
        return items
    return [block]


def _lead_in(block: str) -> bool:
    """A block that introduces the next one: it ends with ":" (a marker after the colon allowed)."""
    return NO_SOURCE.sub("", CITE.sub("", block)).rstrip().endswith(":")


def unsourced(text: str | None) -> list[str]:
    """Statements (paragraphs, list items) that carry neither `[bron: ...]` nor `[zonder bron]`.

    A lead-in ending with ":" needs no marker of its own; when it has one, that source covers the
    list right after it ("Alle 4 criteria moeten gelden: [bron: uwv-perspectief]"), so the items
    need a marker only where they rest on another source too.
    """
    missing = []
    covered = False
    for block in blocks(text):
        for statement in _statements(block):
            if CITE.search(statement) or NO_SOURCE.search(statement) or _lead_in(statement):
                continue
            if covered and LIST_ITEM.match(statement):
                continue
            missing.append(statement)
        covered = _lead_in(block) and bool(CITE.search(block))
    return missing


def cited(text: str | None) -> list[str]:
    """The source ids named in a text, in order of first mention."""
    ids: list[str] = []
    for match in CITE.finditer(text or ""):
        for source_id in (part.strip() for part in match.group(1).split(",")):
            if source_id not in ids:
                ids.append(source_id)
    return ids


def short_title(source: dict) -> str:
    """The title without its parts in brackets: "Besluit advisering beschut werk (tekst ...)" -> "Besluit ..."."""
    return re.sub(r"\s*\([^)]*\)", "", source["title"]).strip()


def source_links(ids: list[str], known: dict[str, dict], lang: str) -> str:
    """'(Bron: <a>..</a>; <a>..</a>)' as HTML; an unknown id is shown as text (the tests fail on it)."""
    links = []
    for source_id in ids:
        source = known.get(source_id)
        if source is None:
            links.append(str(escape(source_id)))
        else:
            links.append(f'<a href="{escape(source["url"])}">{escape(short_title(source))}</a>')
    label = (LABEL_PLURAL if len(ids) > 1 else LABEL).get(lang, LABEL["nl"])
    return f'<span class="source-ref">({label}: {"; ".join(links)})</span>'


def render_markers(text: str | None, known: dict[str, dict], lang: str) -> str | None:
    """The text with each `[bron: ...]` replaced by source links and `[zonder bron]` removed."""
    if not text:
        return text
    text = NO_SOURCE.sub("", text)
    return CITE.sub(lambda m: " " + source_links(cited(m.group(0)), known, lang), text)
