"""Every GET page of the app, found from its URL map, so new pages are checked automatically."""

# Endpoints that do not serve an HTML page.
NOT_PAGES = {"static", "pages.health"}
NOT_PAGE_SUFFIXES = (".csv", ".pdf", ".json", ".txt", ".xml")


def page_paths(app) -> list[str]:
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments or rule.endpoint in NOT_PAGES:
            continue
        if rule.rule.startswith("/api/") or rule.rule.startswith("/.well-known/"):
            continue
        if rule.rule.endswith(NOT_PAGE_SUFFIXES):
            continue
        paths.append(rule.rule)
    return sorted(set(paths))


def in_language(path: str, lang: str) -> str:
    return ("/en" + path if path != "/" else "/en/") if lang == "en" else path
