"""A wrong or missing CSRF token on any real form: a 400 site page in the person's language
that keeps what they entered (every form of the site, found by tests/security/discovery.py)."""

import re

import pytest

from tests.conftest import language_of
from tests.security.discovery import COOKIE, destructive, site_with_forms
from tests.support.html import parse


@pytest.fixture(scope="module")
def site(tmp_path_factory, migrated_sqlite):
    with site_with_forms(tmp_path_factory, migrated_sqlite, "csrf") as app_and_forms:
        yield app_and_forms


def kept(html: str, name: str, value: str) -> bool:
    """Is `value` still filled in (text) or selected (radio, checkbox, select) for `name`?"""
    root = parse(html)
    for element in root.iter():
        if element.get("name") != name:
            continue
        if element.tag == "textarea" and (element.text or "").strip() == value:
            return True
        if element.tag == "input":
            kind = element.get("type", "text")
            if kind in ("radio", "checkbox"):
                if element.get("value") == value and element.get("checked") is not None:
                    return True
            elif element.get("value") == value:
                return True
        if element.tag == "select":
            for option in element.iter("option"):
                if option.get("value") == value and option.get("selected") is not None:
                    return True
    return False


# What a person reads when the token failed: the form was not sent / not saved yet.
EXPLANATIONS = {
    "nl": ("niet verstuurd", "nog niet", "niet verwijderd"),
    "en": ("not sent", "not been", "not yet", "not deleted"),
}


def form_actions(html: str) -> set[str]:
    return {action.split("?")[0] for action in re.findall(r'<form[^>]*method="post"[^>]*action="([^"]*)"', html)} | {
        action.split("?")[0] for action in re.findall(r'<form[^>]*action="([^"]*)"[^>]*method="post"', html)}


@pytest.mark.parametrize("token", [None, "vervalst-token"])
def test_a_bad_token_gives_a_400_page_in_the_persons_language_keeping_the_answers(site, token):
    app, forms = site
    rerendered = 0
    for form in sorted(forms, key=lambda f: destructive(f.action)):
        client = app.test_client()
        if form.cookie:
            client.set_cookie(COOKIE, form.cookie)
        answers = {k: v for k, v in form.plausible_data().items() if k != "csrf_token"}
        data = dict(answers)
        if token:
            data["csrf_token"] = token
        response = client.post(form.action, data=data)
        label = f"{form.action} (on {form.page})"
        assert response.status_code == 400, f"{label}: {response.status_code}"
        html = response.get_data(as_text=True)
        lang = language_of(form.action)
        assert f'<html lang="{lang}"' in html, f"{label}: not in {lang}"
        text = re.sub(r"\s+", " ", html).lower()
        assert any(words in text for words in EXPLANATIONS[lang]), f"{label}: does not say the form was not sent"
        if form.action.split("?")[0] in form_actions(html):
            # The form page came back (not the general 400 page): every answer is still there.
            for name, value in answers.items():
                if form.fields[name].kind != "hidden":
                    assert kept(html, name, value), f"{label}: answer {name}={value!r} lost"
            rerendered += 1
    # The self-check questions and the request pages re-render themselves with the answers.
    assert rerendered >= 10, f"only {rerendered} forms kept their answers on a CSRF failure"
