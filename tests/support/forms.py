"""Helpers to fill in forms the way a browser would."""

import re


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html
    )
    assert match, "no CSRF token on the page"
    return match.group(1)


def post_form(client, url: str, data: dict, **kwargs):
    """GET the page, take its CSRF token, and POST the data to it."""
    page = client.get(url)
    token = csrf_token(page.get_data(as_text=True))
    return client.post(url, data={**data, "csrf_token": token}, **kwargs)
