"""Readability of a rendered page: Dutch Flesch-Douma (textstat) and words per sentence.

The text is what a reader meets in <main>: headings, paragraphs, list items and word
explanations. Each block counts as its own sentence (a heading ends where the next line starts).
Hidden elements (the read-aloud button before JavaScript shows it) are left out.
"""

import copy
import re

import textstat

from tests.support.html import parse, text_of

BLOCKS = {"h1", "h2", "h3", "p", "li", "dt", "dd", "caption", "th", "td"}


def _blocks(element, hidden=False):
    hidden = hidden or element.get("hidden") is not None or "visually-hidden" in (element.get("class") or "")
    if hidden:
        return
    if element.tag in BLOCKS and not any(child.tag in BLOCKS for child in element.iter() if child is not element):
        # A summary shown as its own line under a link ("__summary") is a sentence of its own.
        element = copy.deepcopy(element)
        summaries = [child for child in element if (child.get("class") or "").endswith("__summary")]
        for child in summaries:
            element.remove(child)
        # Each line of a paragraph (after <br>) is a sentence of its own.
        lines = [line for line in "".join(element.itertext()).split("\n") if line.strip()]
        lines += [text_of(child) for child in summaries]
        yield from (re.sub(r"\s+", " ", line).strip() for line in lines)
        return
    for child in element:
        yield from _blocks(child, hidden)


def main_text(html: str) -> str:
    """The readable text of the page's <main>, one sentence-ending mark per block."""
    main = parse(html).find(".//main")
    sentences = []
    for block in _blocks(main):
        if block:
            sentences.append(block if block[-1] in ".?!:" else block + ".")
    return " ".join(sentences)


def measure(html: str) -> dict:
    text = main_text(html)
    textstat.set_lang("nl")
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    return {
        "flesch_douma": round(textstat.flesch_reading_ease(text), 1),
        "words_per_sentence": round(words / sentences, 1),
        "words": words,
        "sentences": sentences,
        "text": text,
    }


__all__ = ["measure", "main_text", "text_of"]
