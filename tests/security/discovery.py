"""Find every POST form of the site, including forms behind a flow, the way a visitor would.

Starts at every GET page (both languages), parses each <form method="post">, fills it in with
plausible answers (the first option of each radio group or select, "ja" in text fields) and
follows where it leads, so the self-check's questions and the request's pages are found
without this file knowing them. Each form comes with the session cookie it was found under.
"""

import re
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from tests.support.routes import in_language, page_paths

COOKIE = "beschut_sessie"
MAX_FORMS = 100
MAX_STEPS = 400
# Forms that throw away what was entered: found, but never submitted while walking, so the
# drafts the other forms were found under stay alive.
DESTRUCTIVE = ("verwijder", "opnieuw", "delete", "restart", "wis-alles")


def destructive(action: str) -> bool:
    return any(word in action.split("?")[0] for word in DESTRUCTIVE)


@dataclass
class Field:
    name: str
    kind: str  # text, radio, checkbox, select, textarea, hidden, ...
    values: list[str] = field(default_factory=list)


@dataclass
class Form:
    page: str  # the URL the form was shown on
    action: str
    fields: dict[str, Field]
    cookie: str | None = None  # the session cookie it was found under

    @property
    def key(self) -> tuple:
        """Forms that differ only in the query string (?pagina=, ?wijzig=1) count once."""
        return (self.action.split("?")[0], tuple(sorted(self.fields)))

    def plausible_data(self, choice: int = 0) -> dict[str, str]:
        """Answers a visitor might give; `choice` picks the option of the first choice field."""
        data = {}
        first_choice = True
        for f in self.fields.values():
            name = f.name.lower()
            if f.kind in ("submit", "button"):
                continue
            if f.kind in ("radio", "select", "checkbox", "hidden") and f.values:
                index = choice if first_choice and f.kind in ("radio", "select") else 0
                data[f.name] = f.values[min(index, len(f.values) - 1)]
                first_choice = first_choice and f.kind not in ("radio", "select")
            elif name.endswith(("day", "month")):
                data[f.name] = "1"
            elif name.endswith("year"):
                data[f.name] = "2000"
            elif "postcode" in name:
                data[f.name] = "1234 AB"
            elif "mail" in name:
                data[f.name] = "test@example.org"
            elif "phone" in name or "telefoon" in name:
                data[f.name] = "0612345678"
            else:
                data[f.name] = "Sam"
        return data

    def choices(self) -> int:
        """How many options the first radio group or select has (1 when none)."""
        for f in self.fields.values():
            if f.kind in ("radio", "select") and f.values:
                return min(len(f.values), 6)
        return 1


class _FormParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[tuple[str, dict[str, Field]]] = []
        self._current: dict[str, Field] | None = None
        self._select: Field | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form" and a.get("method", "get").lower() == "post":
            self._current = {}
            self.forms.append((a.get("action", ""), self._current))
        elif self._current is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text").lower()
            f = self._current.setdefault(a["name"], Field(a["name"], kind))
            if kind in ("radio", "checkbox", "hidden", "submit") and "value" in a:
                f.values.append(a["value"])
        elif tag == "textarea" and a.get("name"):
            self._current.setdefault(a["name"], Field(a["name"], "textarea"))
        elif tag == "select" and a.get("name"):
            self._select = self._current.setdefault(a["name"], Field(a["name"], "select"))
        elif tag == "option" and self._select is not None and a.get("value"):
            self._select.values.append(a["value"])
        elif tag == "button" and a.get("name"):
            f = self._current.setdefault(a["name"], Field(a["name"], "button"))
            f.values.append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


def parse_forms(html: str, page_url: str, cookie: str | None) -> list[Form]:
    parser = _FormParser()
    parser.feed(html)
    forms = []
    for action, fields in parser.forms:
        target = urlsplit(urljoin("http://localhost" + page_url, action or page_url))
        forms.append(Form(page_url, target.path + (f"?{target.query}" if target.query else ""), fields, cookie))
    return forms


def session_cookie(client) -> str | None:
    cookie = client.get_cookie(COOKIE)
    return cookie.value if cookie else None


def internal_links(html: str) -> list[str]:
    return [h for h in re.findall(r'href="(/[^"#]*)"', html) if not h.startswith("/static/")]


def _client(app, cookie: str | None):
    client = app.test_client()
    if cookie:
        client.set_cookie(COOKIE, cookie)
    return client


def _path_of(response) -> str:
    return (response.request.root_path or "") + response.request.path


def discover_forms(app) -> list[Form]:
    """Every distinct POST form, found by walking pages and trying each option of each question."""
    start = [in_language(p, lang) for p in page_paths(app) for lang in ("nl", "en")]
    found: dict[tuple, Form] = {}
    queue: list[tuple[str, str | None]] = [(url, None) for url in start]
    seen_pages = set(start)
    steps = 0
    while queue and steps < MAX_STEPS and len(found) < MAX_FORMS:
        steps += 1
        url, cookie = queue.pop(0)
        client = _client(app, cookie)
        response = client.get(url, follow_redirects=True)
        if response.mimetype != "text/html":
            continue
        html = response.get_data(as_text=True)
        cookie = session_cookie(client)
        for link in internal_links(html):
            if link not in seen_pages and not link.endswith(".pdf"):
                seen_pages.add(link)
                queue.append((link, cookie))
        for form in parse_forms(html, _path_of(response), cookie):
            if form.key in found:
                continue
            found[form.key] = form
            if destructive(form.action):
                continue
            # Answer it with each option in turn and follow where that leads (the next question).
            for choice in range(form.choices()):
                branch = _client(app, cookie)
                data = form.plausible_data(choice)
                token = form.fields.get("csrf_token")
                if token and token.values:
                    data["csrf_token"] = token.values[0]
                after = branch.post(form.action, data=data, follow_redirects=True)
                if after.mimetype == "text/html":
                    queue.insert(0, (_path_of(after), session_cookie(branch)))
    return list(found.values())


@contextmanager
def site_with_forms(tmp_path_factory, migrated_sqlite, name: str):
    """An app on its own copy of the migrated database, with every form it has, for one test module."""
    from app import create_app
    from tests.conftest import CheckedClient

    path = tmp_path_factory.mktemp(name) / f"{name}.sqlite3"
    shutil.copy(migrated_sqlite, path)
    app = create_app("testing", DATABASE_URL=f"sqlite:///{path}", RATELIMIT_ENABLED=False)
    app.test_client_class = CheckedClient
    try:
        yield app, discover_forms(app)
    finally:
        app.extensions["database"].kw["bind"].dispose()
