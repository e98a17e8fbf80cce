"""The words of a result page as HTML: hard words marked, links real, one primary action.

content.outcome_texts() gives Markdown per role; this module turns it into what the result and
print templates show, and collects the hard words the page uses so the page can explain them
("Moeilijke woorden op deze pagina"). Web layer: it builds URLs with url_for().
"""

import re
from functools import lru_cache

from flask import url_for
from markupsafe import Markup, escape

from app.content.loader import markdown_to_html
from app.selfcheck import content

PARTS = ("summary", "steps", "when", "help", "anyway")


@lru_cache(maxsize=2048)
def _line(text: str, lang: str) -> tuple[Markup, tuple[str, ...]]:
    """One text as inline HTML (no wrapping <p>) and the word ids it marks, in order."""
    used: list[str] = []
    html = str(markdown_to_html(text, content.outcome_words(lang), used, "/en" if lang == "en" else ""))
    # One paragraph: keep it inline, so it fits in a list item or a lead paragraph.
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        html = html[3:-4]
    return Markup(html), tuple(used)  # noqa: S704 - content files are part of the code base


def primary_href(primary, lang: str) -> str:
    if "endpoint" in primary:
        return url_for(primary["endpoint"])
    if "path" in primary:
        return ("/en" if lang == "en" else "") + primary["path"]
    return primary["url"]


def result_texts(texts, lang: str, reasons: list[dict] = ()) -> dict:
    """The outcome's texts as HTML, with `words`: the hard words used on the page, explained.

    The reasons are the answers in words (shared with check-answers and the documents, so they
    carry no marks): a hard word that occurs in them is explained on the page too.
    """
    used: list[str] = []
    words = content.outcome_words(lang)
    said = " ".join(reason["text"] for reason in reasons).lower()
    used.extend(i for i, word in words.items() if re.search(rf"\b{re.escape(word['term'].lower())}\b", said))

    def html(text: str) -> Markup:
        line, ids = _line(text, lang)
        used.extend(i for i in ids if i not in used)
        return line

    page = {
        "title": texts["title"],
        "summary": html(texts["summary"]) if texts["summary"] else "",
        "steps": [html(t) for t in texts["steps"]],
        "when": [html(t) for t in texts["when"]],
        "help": [html(t) for t in texts["help"]],
        "anyway": html(texts["anyway"]) if texts["anyway"] else "",
        "anyway_link": texts["anyway_link"],
        "primary": {"text": texts["primary"]["text"], "href": primary_href(texts["primary"], lang),
                    "external": "url" in texts["primary"]},
    }
    page["words"] = [{"id": word_id, **words[word_id]} for word_id in used]
    return page


_ANCHOR = re.compile(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', re.S)


def for_paper(html) -> Markup:
    """A text for the printed result: no links that only work on a screen.

    A link to another site keeps its address in words (a reader can type it); a link within the
    site or to a word on the page becomes plain text.
    """
    def replace(match: re.Match) -> str:
        href, label = match.group(1), match.group(2)
        if href.startswith("http"):
            return f"{label} ({escape(href.split('://', 1)[1])})"
        return label

    return Markup(_ANCHOR.sub(replace, str(html)))  # noqa: S704 - the input is our own escaped HTML


