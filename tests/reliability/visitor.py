"""A visitor with a browser's memory (the session cookie) who can switch between servers."""

import http.client
import re
from urllib.parse import urlencode, urlsplit

from tests.security.discovery import parse_forms

COOKIE = "beschut_sessie"


class Response:
    def __init__(self, status: int, headers: dict[str, str], body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")

    @property
    def location(self) -> str | None:
        location = self.headers.get("location")
        if location is None:
            return None
        parts = urlsplit(location)
        return parts.path + (f"?{parts.query}" if parts.query else "")


class Visitor:
    def __init__(self):
        self.cookie: str | None = None

    def request(self, base_url: str, method: str, path: str, data: dict | None = None, timeout: float = 30) -> Response:
        parts = urlsplit(base_url)
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout)
        headers = {"Accept-Language": "nl"}
        body = None
        if self.cookie:
            headers["Cookie"] = f"{COOKIE}={self.cookie}"
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            raw = connection.getresponse()
            payload = raw.read()
            result = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, payload)
            for name, value in raw.getheaders():
                if name.lower() == "set-cookie" and value.startswith(COOKIE + "="):
                    self.cookie = value.split(";", 1)[0].split("=", 1)[1] or None
            return result
        finally:
            connection.close()

    def get(self, base_url: str, path: str) -> Response:
        return self.request(base_url, "GET", path)

    def post(self, base_url: str, path: str, data: dict) -> Response:
        return self.request(base_url, "POST", path, data)

    def follow(self, servers: list[str], path: str, limit: int = 10) -> tuple[str, Response]:
        """GET the path, following redirects, each hop on the next server in turn."""
        for hop in range(limit):
            response = self.get(servers[hop % len(servers)], path)
            if response.status not in (301, 302, 303, 307, 308):
                return path, response
            path = response.location
        raise AssertionError(f"too many redirects at {path}")


def main_form(html: str, page: str, prefix: str):
    """The page's own form (not the page-feedback form): the first POST form under `prefix`."""
    for form in parse_forms(html, page, None):
        if form.action.startswith(prefix):
            return form
    return None


def checked_value(html: str, name: str) -> str | None:
    for tag in re.findall(r"<input[^>]*>", html):
        if f'name="{name}"' in tag and "checked" in tag:
            match = re.search(r'value="([^"]*)"', tag)
            return match.group(1) if match else None
    return None
