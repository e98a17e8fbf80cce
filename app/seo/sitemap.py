"""The public pages of the site, from the URL map and the content files.

A public page is a GET route (a form page too) that is not a file, not the API and not static, and that a
new visitor without a session can open (a page of a flow that needs earlier answers redirects,
so it is left out). Routes with a slug list the content files of their folder. A view that opens
for a new visitor but is a state, not content (a "removed" or "expired" notice), says so with
@not_in_sitemap; it is left out and its page asks search engines not to index it.
"""

from flask import Flask

from app.content.loader import list_documents

# Routes with a <slug>: the content folder their slugs come from.
SLUG_FOLDERS = {
    "voor_jou.page": "voor-jou",
    "professionals.page": "professionals",
    "professionals.sheet": "informatiebladen",
}
NOT_PAGES = {"static", "pages.health"}
NOT_PAGE_PREFIXES = ("/api/", "/.well-known/", "/deelbeeld")
NOT_LANDING = "not_in_sitemap"


def not_in_sitemap(view):
    """Mark a view as a state page: kept out of sitemap.xml and given a robots noindex."""
    setattr(view, NOT_LANDING, True)
    return view


def is_landing_page(view) -> bool:
    return not getattr(view, NOT_LANDING, False)


def candidate_rules(app: Flask):
    for rule in app.url_map.iter_rules():
        if "GET" not in (rule.methods or ()) or rule.endpoint in NOT_PAGES or rule.rule.startswith(NOT_PAGE_PREFIXES):
            continue
        if not is_landing_page(app.view_functions.get(rule.endpoint)):
            continue
        if "." in rule.rule.rpartition("/")[2]:  # a file: .pdf, .csv, .xml, .txt
            continue
        yield rule


def _opens_for_a_new_visitor(app: Flask, path: str) -> bool:
    response = app.test_client().get(path)
    # A redirect or 4xx means "not a page on its own"; a 5xx (database down) is still a page.
    return not (300 <= response.status_code < 500)


def public_paths(app: Flask) -> list[str]:
    """Every public page path without language prefix, sorted; worked out once per process."""
    cached = app.extensions.get("beschut.sitemap")
    if cached is not None:
        return cached
    paths = set()
    for rule in candidate_rules(app):
        if rule.arguments:
            folder = SLUG_FOLDERS.get(rule.endpoint)
            if folder is None or rule.arguments != {"slug"}:
                continue
            for document in list_documents("nl", folder):
                paths.add(rule.rule.replace("<slug>", document["slug"]))
        elif _opens_for_a_new_visitor(app, rule.rule):
            paths.add(rule.rule)
    result = sorted(paths)
    app.extensions["beschut.sitemap"] = result
    return result
