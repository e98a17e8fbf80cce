"""The site's public address, for what leaves the screen: printouts, PDFs, QR codes, link previews.

`SITE_URL` (e.g. https://beschutwerk.example.nl) names it; without it the address the page was
served from is used, so a new user's printout shows the address they actually visited.
"""

from flask import current_app, has_request_context, request, url_for


def site_url() -> str:
    """The base address without a trailing slash, e.g. 'https://beschutwerk.example.nl'."""
    configured = (current_app.config.get("SITE_URL") or "").strip().rstrip("/")
    if configured:
        return configured
    if has_request_context():
        return request.host_url.rstrip("/")
    return "http://localhost"


def absolute_url(endpoint: str, **values) -> str:
    """url_for() with the public address in front (the /en prefix included on English pages)."""
    return site_url() + url_for(endpoint, **values)


def site_address_text() -> str:
    """The address as a person reads and types it: no scheme, no trailing slash."""
    return site_url().split("://", 1)[-1]
