"""Structure checks that every HTML page must pass (after alphagov/notifications-admin).

The test client runs them on every HTML response, so every page that a later issue adds
inherits them without writing a line.
"""

import re

import html5lib

ERROR_PREFIXES = ("Fout: ", "Error: ")
# A self-check question page's title starts with its number ("Vraag 3: ", spec selfcheck.md),
# then the h1.
QUESTION_NUMBER = re.compile(r"^(Vraag|Question) \d+: ")


def parse(html: str):
    """Parse as HTML5; html5lib in strict mode raises on any parse error."""
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), strict=True, namespaceHTMLElements=False)
    return parser.parse(html)


def text_of(element) -> str:
    return re.sub(r"\s+", " ", "".join(element.itertext())).strip()


def check_page(html: str, lang: str) -> None:
    """Raise AssertionError describing the first structural problem of a page."""
    try:
        root = parse(html)
    except Exception as error:  # noqa: BLE001 - html5lib raises its own ParseError types
        raise AssertionError(f"page does not parse as HTML5: {error}") from error

    assert html.lstrip().lower().startswith("<!doctype html>"), "page lacks <!DOCTYPE html>"
    assert root.get("lang") == lang, f"<html lang> is {root.get('lang')!r}, expected {lang!r}"

    headings = root.findall(".//h1")
    assert len(headings) == 1, f"expected exactly one <h1>, found {len(headings)}"
    h1 = text_of(headings[0])
    assert h1, "the <h1> is empty"

    title_element = root.find(".//head/title")
    assert title_element is not None, "page has no <title>"
    title = text_of(title_element)
    for prefix in ERROR_PREFIXES:
        title = title.removeprefix(prefix)
    title = QUESTION_NUMBER.sub("", title)
    assert title.startswith(h1), f"<title> {title!r} does not start with the h1 {h1!r}"

    ids = [element.get("id") for element in root.iter() if element.get("id")]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids: {duplicates}"

    links = root.findall(".//body//a")
    assert links, "page has no links"
    skip = links[0]
    href = skip.get("href", "")
    assert href.startswith("#") and href[1:] in ids, "the first link is not a skip link to an element on the page"
    main = root.findall(".//main")
    assert len(main) == 1, f"expected one <main>, found {len(main)}"

    for script in root.iter("script"):
        assert script.get("src"), "inline <script> found (the CSP forbids it)"
    assert not list(root.iter("style")), "inline <style> found (the CSP forbids it)"
    for element in root.iter():
        assert "style" not in element.attrib, f"style attribute on <{element.tag}>"
        handlers = [name for name in element.attrib if name.lower().startswith("on")]
        assert not handlers, f"inline event handler {handlers} on <{element.tag}>"
