"""Hostile values posted to every form and to the API: never a 500, nothing echoed unescaped.

The forms are discovered by tests/security/discovery.py, so forms that land later are covered
without changing this file.
"""

import json
import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.security.discovery import COOKIE, destructive, site_with_forms

# Each contains a tag that must never reach an HTML page as markup.
MARKUP_PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "<a href=javascript:alert(1)>x</a>",
    "<iframe src=//evil.example>",
]
OTHER_PAYLOADS = [
    "'; DROP TABLE usage_event; --",
    "{{ 7*7 }}{% raw %}",
    "${7*7}",
    "\r\nSet-Cookie: gestolen=1",
    "\x00\x01\x02",
    "\u202egnp.exe",
    "../../../../etc/passwd",
    "A" * 5000,
    "🙂" * 300,
    "-1",
    "99999999999999999999999",
    "",
    " ",
]
PAYLOADS = MARKUP_PAYLOADS + OTHER_PAYLOADS

# Forms without a CSRF token on purpose, by path, each with its reason. None at present:
# every form, the page feedback included, carries one.
CSRF_EXEMPT: dict[str, str] = {}


def csrf_exempt(form) -> bool:
    path = form.action.split("?")[0]
    return path.removeprefix("/en") in CSRF_EXEMPT


# Hypothesis: free text, our payloads, and payloads wrapped in free text.
# Surrogates cannot be sent in a form, so they are left out.
free_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=300)
hostile = st.one_of(
    free_text,
    st.sampled_from(PAYLOADS),
    st.builds(lambda a, p, b: a + p + b, free_text, st.sampled_from(MARKUP_PAYLOADS), free_text),
)


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_sqlite):
    with site_with_forms(tmp_path_factory, migrated_sqlite, "hostile") as app_and_forms:
        yield app_and_forms


def post_hostile(app, form, values: dict[str, str], with_token: bool = True):
    client = app.test_client()
    if form.cookie:
        client.set_cookie(COOKIE, form.cookie)
    data = dict(values)
    token = form.fields.get("csrf_token")
    if with_token and token and token.values:
        data["csrf_token"] = token.values[0]
    return client.post(form.action, data=data)


def assert_safe(response, values, label: str) -> None:
    assert response.status_code < 500, f"{label}: {response.status_code}"
    if response.mimetype == "text/html":
        body = response.get_data(as_text=True)
        for value in values:
            for payload in MARKUP_PAYLOADS:
                if payload in value:
                    assert payload not in body, f"{label}: {payload!r} echoed unescaped"


def test_forms_are_discovered(site):
    _app, forms = site
    assert forms, "no POST forms found on the site"
    for form in forms:
        if not csrf_exempt(form):
            assert "csrf_token" in form.fields, f"form to {form.action} on {form.page} has no CSRF token"


def test_every_payload_in_every_field_of_every_form(site):
    app, forms = site
    posts = 0
    # Forms that delete a draft go last, so the others still find theirs.
    for form in sorted(forms, key=lambda f: destructive(f.action)):
        names = [n for n in form.fields if n != "csrf_token"]
        for payload in PAYLOADS:
            values = {name: payload for name in names}
            values["onbekend_veld"] = payload
            for with_token in (True, False):
                response = post_hostile(app, form, values, with_token)
                assert_safe(response, values.values(), f"{form.action} ({form.page})")
                if not with_token and not csrf_exempt(form):
                    assert response.status_code == 400, f"{form.action}: no CSRF token but {response.status_code}"
                posts += 1
    assert posts >= len(forms) * len(PAYLOADS) * 2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_random_hostile_values_never_break_a_form(site, data):
    app, forms = site
    with_fields = [f for f in forms if set(f.fields) - {"csrf_token"} and not destructive(f.action)]
    form = data.draw(st.sampled_from(with_fields), label="form")
    names = [n for n in form.fields if n != "csrf_token"]
    values = {name: data.draw(hostile, label=name) for name in names}
    response = post_hostile(app, form, values)
    assert_safe(response, values.values(), form.action)


# The JSON API: every route under /api/, hostile bodies, query strings and path arguments.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | hostile,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(hostile, inner, max_size=5),
    max_leaves=20,
)


def api_rules(app):
    return [rule for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")]


def api_url(rule, value: str) -> str:
    """The rule's URL with every path argument replaced by the hostile value."""
    return re.sub(r"<[^>]+>", lambda _m: quote(value, safe="") or "x", rule.rule)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_the_api_never_fails_on_hostile_input(site, data):
    app, _forms = site
    rules = api_rules(app)
    assert rules, "no API routes"
    rule = data.draw(st.sampled_from(rules), label="route")
    text = data.draw(hostile, label="text")
    url = api_url(rule, text)
    client = app.test_client()
    if "POST" in rule.methods:
        body = data.draw(json_values, label="body")
        raw = data.draw(st.sampled_from([True, False]), label="as raw bytes")
        if raw:
            response = client.post(url, data=text.encode("utf-8", "surrogatepass"), content_type="application/json")
        else:
            response = client.post(url, data=json.dumps(body), content_type="application/json")
    else:
        response = client.get(url, query_string={"q": text, text[:20] or "x": text})
    assert response.status_code < 500, f"{url}: {response.status_code}"
    assert response.is_json, f"{url}: the API answered with {response.mimetype}"


def page_rules(app):
    return [rule for rule in app.url_map.iter_rules()
            if "GET" in rule.methods and not rule.rule.startswith(("/api/", "/static/"))]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow])
@given(data=st.data())
def test_hostile_paths_and_query_strings_never_break_a_page(site, data):
    """Every GET route, in both languages, with hostile path arguments and query strings."""
    app, _forms = site
    rule = data.draw(st.sampled_from(page_rules(app)), label="route")
    value = data.draw(hostile, label="value")
    prefix = data.draw(st.sampled_from(["", "/en"]), label="language")
    url = prefix + api_url(rule, value)
    response = app.test_client().get(url, query_string={"pagina": value, value[:30] or "x": value})
    assert response.status_code < 500, f"{url}: {response.status_code}"
    assert_safe(response, [value], url)
