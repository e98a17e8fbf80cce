"""The one content loader: content/<lang>/<folder>/<slug>.yaml, the shared lists per language and
the self-check's wording, all from the CONTENT_DIR setting (the project's content/ outside an app).

A content file is YAML. Text fields hold Markdown. A hard word is written as [[id]] or
[[id|shown text]]; it becomes a link to its explanation in the glossary on the same page.
"""

import re
from functools import cache
from pathlib import Path

import markdown
import yaml
from flask import current_app, has_app_context
from markupsafe import Markup, escape

from app.languages import check_language

# At most 100 characters: a longer name is no page of ours, and past 255 the file system
# refuses to look it up at all (OSError "file name too long" instead of a 404).
SLUG = re.compile(r"^(?=.{1,100}$)[a-z0-9]+(?:-[a-z0-9]+)*$")
TERM = re.compile(r"\[\[([a-z0-9-]+)(?:\|([^\]]+))?\]\]")
DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "content"

_cache: dict[Path, tuple[float, object]] = {}


class ContentNotFound(LookupError):
    """No content file for this language, folder and slug."""


def content_dir() -> Path:
    return Path(_content_setting())


def _content_setting() -> str:
    if has_app_context():
        return str(current_app.config.get("CONTENT_DIR", DEFAULT_DIR))
    return str(DEFAULT_DIR)


def _read(path: Path):
    """Parse a YAML file once; parse again only when the file changed on disk."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError as error:
        raise ContentNotFound(str(path.name)) from error
    cached = _cache.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _cache[path] = (mtime, data)
    return data


def _path(lang: str, *parts: str) -> Path:
    check_language(lang)
    if not all(SLUG.match(part) for part in parts):
        raise ContentNotFound("/".join(parts))
    return content_dir() / lang / (Path(*parts).as_posix() + ".yaml")


def load_document(lang: str, folder: str, slug: str) -> dict:
    """One page or sheet as a dict, with its slug added."""
    data = _read(_path(lang, folder, slug))
    return {**data, "slug": slug}


def list_documents(lang: str, folder: str) -> list[dict]:
    """All pages or sheets of a folder, in their `order`."""
    directory = content_dir() / check_language(lang) / folder
    documents = [load_document(lang, folder, path.stem) for path in sorted(directory.glob("*.yaml"))]
    return sorted(documents, key=lambda d: (d.get("order", 99), d["slug"]))


def glossary(lang: str) -> dict[str, dict]:
    """Hard words: id -> {"term": ..., "text": ...}, in the order of the file."""
    return {entry["id"]: entry for entry in _read(_path(lang, "woordenlijst"))["words"]}


def pictograms(lang: str) -> dict[str, str]:
    """Pictogram name -> its text alternative in this language."""
    return dict(_read(_path(lang, "pictogrammen"))["pictograms"])


def sources(lang: str) -> list[dict]:
    """The sources of the professional pages: id, title, url, checked (YYYY-MM), note."""
    return list(_read(_path(lang, "bronnen"))["sources"])


def selfcheck_texts(lang: str) -> tuple[str, dict]:
    """(content folder, the parsed content/<lang>/selfcheck.yaml), read once per folder and language.

    Read once, not checked against the file on every call: the self-check asks for it several
    times on every page. The folder comes along so callers can key their own caches by it.
    """
    directory = _content_setting()
    return directory, _selfcheck_texts(directory, lang)


@cache
def _selfcheck_texts(directory: str, lang: str) -> dict:
    check_language(lang)
    return _read(Path(directory) / lang / "selfcheck.yaml")


def markdown_to_html(
    text: str | None, words: dict | None = None, used: list | None = None, link_prefix: str = ""
) -> Markup:
    """Markdown to HTML. [[id]] becomes a link to #woord-<id>; the ids found are appended to `used`.

    Site links ("/professionals/...") get `link_prefix` ("/en" on English pages).
    """
    if not text:
        return Markup("")
    words = words or {}

    def term(match: re.Match) -> str:
        word_id, shown = match.group(1), match.group(2)
        entry = words.get(word_id)
        label = shown or (entry["term"] if entry else word_id)
        if entry is None:
            return str(escape(label))
        if used is not None and word_id not in used:
            used.append(word_id)
        return f'<a class="term" href="#woord-{word_id}">{escape(label)}</a>'

    html = markdown.markdown(TERM.sub(term, text), extensions=["sane_lists", "nl2br"], output_format="html")
    if link_prefix:
        html = html.replace('href="/', f'href="{link_prefix}/')
    return Markup(html)  # noqa: S704 - content files are part of the code base, edited by the team


def plain_text(text: str | None) -> str:
    """The words of a Markdown text without markup, for readability checks."""
    if not text:
        return ""
    text = TERM.sub(lambda m: m.group(2) or m.group(1), text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return re.sub(r"[*_`#>]", "", text)
