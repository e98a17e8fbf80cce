"""Checks an editor can run on the content files (the tests in tests/content run them too)."""

from pathlib import Path

import yaml

from app.content.loader import TERM
from app.languages import LANGUAGES


def content_files(content_dir: Path, lang: str) -> set[str]:
    """Every content file of a language, as a path relative to content/<lang>/."""
    root = Path(content_dir) / lang
    return {path.relative_to(root).as_posix() for path in root.rglob("*.yaml")}


def missing_translations(content_dir: Path) -> list[str]:
    """Files (and list entries) that exist in one language and not in the other."""
    problems = []
    files = {lang: content_files(content_dir, lang) for lang in LANGUAGES}
    for lang in LANGUAGES:
        for other in LANGUAGES:
            for name in sorted(files[lang] - files[other]):
                problems.append(f"{lang}/{name} has no {other} version")
    keyed = {"woordenlijst.yaml": ("words", "id"), "bronnen.yaml": ("sources", "id")}
    for name, (key, field) in keyed.items():
        ids = {}
        for lang in LANGUAGES:
            path = Path(content_dir) / lang / name
            if path.exists():
                ids[lang] = {entry[field] for entry in yaml.safe_load(path.read_text(encoding="utf-8"))[key]}
        if len(ids) == len(LANGUAGES) and ids["nl"] != ids["en"]:
            problems.append(f"{name}: ids differ between nl and en: {sorted(ids['nl'] ^ ids['en'])}")
    pictograms = {}
    for lang in LANGUAGES:
        path = Path(content_dir) / lang / "pictogrammen.yaml"
        if path.exists():
            pictograms[lang] = set(yaml.safe_load(path.read_text(encoding="utf-8"))["pictograms"])
    if len(pictograms) == len(LANGUAGES) and pictograms["nl"] != pictograms["en"]:
        problems.append(f"pictogrammen.yaml: names differ: {sorted(pictograms['nl'] ^ pictograms['en'])}")
    return problems


def texts_of(document: dict) -> list[str]:
    """All Markdown text fields of a page or sheet."""
    texts = [document.get("intro") or ""]
    for section in document.get("sections") or []:
        texts += [section.get("text") or "", section.get("after_table") or ""]
    return texts


def terms_used(document: dict) -> set[str]:
    return {match.group(1) for text in texts_of(document) for match in TERM.finditer(text)}
