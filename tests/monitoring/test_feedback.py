"""'Was deze pagina nuttig?': on every content page, stored without identifiers, refused with a reason."""

import re

import pytest
from sqlalchemy import inspect, select

from app.monitoring.forms import comment_problem
from app.storage.db import session
from app.storage.models import FeedbackEntry
from tests.support.forms import csrf_token
from tests.support.routes import in_language, page_paths

pytestmark = pytest.mark.database

PREFIX = {"nl": "", "en": "/en"}
QUESTION = {"nl": "Was deze pagina nuttig?", "en": "Was this page useful?"}
CONTENT_BLUEPRINTS = {"pages", "voor_jou", "professionals", "monitoring"}
FORM_BLUEPRINTS = {"selfcheck", "aanvraag"}


def entries(app) -> list[FeedbackEntry]:
    with app.app_context():
        return session().scalars(select(FeedbackEntry).order_by(FeedbackEntry.id)).all()


def send(client, lang: str, page: str, data: dict):
    """Fill in the block on `page` the way a browser does: its action, hidden fields and CSRF token."""
    html = client.get(PREFIX[lang] + page).get_data(as_text=True)
    action = f"{PREFIX[lang]}/reactie"
    assert f'action="{action}"' in html, "the feedback form is not on the page"
    assert f'<input name="pagina" type="hidden" value="{page}">' in html
    return client.post(action, data={"pagina": page, **data, "csrf_token": csrf_token(html)})


def endpoints_by_path(app) -> dict[str, str]:
    return {rule.rule: rule.endpoint for rule in app.url_map.iter_rules()}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_content_page_asks_and_no_form_step_does(app, client, lang):
    endpoints = endpoints_by_path(app)
    asked = 0
    for path in page_paths(app):
        blueprint = endpoints[path].partition(".")[0]
        response = client.get(in_language(path, lang))
        if response.status_code != 200:
            continue
        html = response.get_data(as_text=True)
        has_block = 'id="feedback"' in html
        if blueprint in CONTENT_BLUEPRINTS and endpoints[path] != "monitoring.feedback":
            assert has_block, f"{path} has no feedback block"
            assert html.count('id="feedback-titel"') == 1 and QUESTION[lang] in html
            asked += 1
        if blueprint in FORM_BLUEPRINTS:
            assert not has_block, f"{path} is a form step but asks for feedback"
    assert asked >= 6


@pytest.mark.parametrize("start", ["/voor-jou", "/professionals", "/en/professionals"])
def test_pages_with_a_path_argument_ask_as_well(client, start):
    """Content pages such as /professionals/<slug>, reached the way a visitor would: by a link."""
    html = client.get(start).get_data(as_text=True)
    links = set(re.findall(r'href="((?:/en)?/(?:voor-jou|professionals)/[a-z0-9/-]+)"', html))
    asked = 0
    for link in sorted(links):
        response = client.get(link)
        if response.status_code == 200 and response.mimetype == "text/html":
            assert 'id="feedback"' in response.get_data(as_text=True), f"{link} has no feedback block"
            asked += 1
    assert asked >= 1


def test_the_block_is_not_on_a_question_of_the_self_check(client):
    client.get("/zelftest")
    html = client.get("/zelftest/vraag/role").get_data(as_text=True)
    assert 'id="feedback"' not in html


@pytest.mark.parametrize("path", ["/bestaat-niet", "/en/bestaat-niet"])
def test_the_block_is_not_on_the_not_found_page(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert 'id="feedback"' not in response.get_data(as_text=True)


def test_the_block_is_not_on_the_error_page(app):
    def broken():
        raise RuntimeError("boom")

    app.view_functions["pages.voor_jou"] = broken
    response = app.test_client().get("/voor-jou")
    assert response.status_code == 500
    assert 'id="feedback"' not in response.get_data(as_text=True)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_yes_with_a_comment_is_stored_without_identifiers_and_thanked(app, client, lang):
    response = send(client, lang, "/voor-jou", {"nuttig": "ja", "opmerking": "  Duidelijke uitleg, dank!  "})
    assert response.status_code == 302
    assert response.location == f"{PREFIX[lang]}/voor-jou#feedback"
    [entry] = entries(app)
    stored = (entry.page, entry.language, entry.useful, entry.comment)
    assert stored == ("/voor-jou", lang, True, "Duidelijke uitleg, dank!")
    thanks = {"nl": "Bedankt voor je reactie", "en": "Thank you for your feedback"}[lang]
    html = client.get(response.location).get_data(as_text=True)
    assert thanks in html
    assert QUESTION[lang] not in html
    assert thanks not in client.get(PREFIX[lang] + "/voor-jou").get_data(as_text=True)  # only once


def test_no_without_a_comment_is_stored_as_no(app, client):
    assert send(client, "nl", "/professionals/cijfers", {"nuttig": "nee"}).status_code == 302
    [entry] = entries(app)
    assert (entry.page, entry.useful, entry.comment) == ("/professionals/cijfers", False, None)


def test_the_table_has_no_column_that_could_identify_someone(app):
    with app.app_context():
        columns = {c["name"] for c in inspect(session().get_bind()).get_columns("feedback_entry")}
    assert columns == {"id", "day", "page", "language", "useful", "comment"}


REFUSED = [
    ("nl", "Mail me: jan.jansen@example.nl", "Haal het e-mailadres weg."),
    ("en", "write to me at jan@example.org please", "Remove the email address."),
    ("nl", "Bel me op 06-12345678", "Haal het telefoonnummer weg."),
    ("en", "call +31 20 123 4567", "Remove the phone number."),
    ("nl", "mijn bsn is 111222333", "Haal het burgerservicenummer (BSN) weg."),
    ("en", "x" * 501, "Your comment is too long. Use 500 characters at most. It now has 501."),
]


@pytest.mark.parametrize(("lang", "comment", "reason"), REFUSED)
def test_a_comment_with_personal_details_is_refused_with_the_reason_and_kept(app, client, lang, comment, reason):
    response = send(client, lang, "/voor-jou", {"nuttig": "ja", "opmerking": comment})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert html.count(reason) == 2  # in the error summary and at the field
    assert {"nl": "<title>Fout: ", "en": "<title>Error: "}[lang] in html
    assert 'class="error-summary"' in html and 'href="#feedback-opmerking"' in html
    assert f">{comment}</textarea>" in html  # nothing typed is lost
    assert 'value="ja" checked' in html
    assert entries(app) == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_choice_is_asked_for_and_the_comment_is_kept(app, client, lang):
    response = send(client, lang, "/privacy", {"opmerking": "Te lang verhaal"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert {"nl": "Kies ja of nee.", "en": "Choose yes or no."}[lang] in html
    assert 'href="#feedback-nuttig-ja"' in html
    assert ">Te lang verhaal</textarea>" in html
    assert entries(app) == []


def test_after_an_error_the_corrected_form_is_stored(app, client):
    html = send(client, "nl", "/voor-jou", {"nuttig": "nee", "opmerking": "bel 0201234567"}).get_data(as_text=True)
    assert '<input name="pagina" type="hidden" value="/voor-jou">' in html
    response = client.post("/reactie", data={
        "pagina": "/voor-jou", "nuttig": "nee", "opmerking": "Te moeilijk", "csrf_token": csrf_token(html)})
    assert response.status_code == 302
    assert [e.comment for e in entries(app)] == ["Te moeilijk"]


def test_exactly_500_characters_is_allowed(app, client):
    assert send(client, "nl", "/voor-jou", {"nuttig": "ja", "opmerking": "a" * 500}).status_code == 302


@pytest.mark.parametrize("page", ["https://example.org/", "//example.org/", "/bestaat-niet", "/zelftest/vraag/role",
                                  "/reactie", "/health", "voor-jou", "/voor-jou?x=1", "/" + "a" * 300,
                                  "/professionals/\ufffe", "/professionals/\x7f", ""])
def test_only_pages_of_this_site_that_ask_for_feedback_are_accepted(app, client, page):
    html = client.get("/voor-jou").get_data(as_text=True)
    response = client.post("/reactie", data={"pagina": page, "nuttig": "ja", "csrf_token": csrf_token(html)})
    assert response.status_code == 400
    assert entries(app) == []
    get = client.get("/reactie", query_string={"pagina": page})
    assert get.status_code == 302 and get.location == "/"


def test_without_a_csrf_token_nothing_is_stored(app, client):
    response = client.post("/reactie", data={"pagina": "/voor-jou", "nuttig": "ja"})
    assert response.status_code == 400
    assert entries(app) == []


def test_every_page_posts_to_one_address(client):
    """One form for the whole site (per language), so tools that list forms see it once."""
    actions = {re.search(r'<form method="post" action="([^"]+)"', client.get(path).get_data(as_text=True)).group(1)
               for path in ("/", "/voor-jou", "/privacy", "/professionals/cijfers")}
    assert actions == {"/reactie"}


@pytest.mark.parametrize(("lang", "other"), [("nl", "/en"), ("en", "")])
def test_after_an_error_the_language_switch_leads_to_the_same_form(client, lang, other):
    html = send(client, lang, "/privacy", {"opmerking": "x"}).get_data(as_text=True)
    assert f'class="language-switch" href="{other}/reactie?pagina=%2Fprivacy"' in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_form_has_its_own_page_for_the_language_switch(client, lang):
    response = client.get(f"{PREFIX[lang]}/reactie?pagina=%2Fvoor-jou")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert f'href="{PREFIX[lang]}/voor-jou"' in html
    assert {"nl": "Was de pagina nuttig?", "en": "Was the page useful?"}[lang] in html


@pytest.mark.parametrize("text", [
    "jan@example.nl", "JAN.DE.VRIES+x@sub.example.co.uk", "06-12345678", "06 12 34 56 78", "0612345678",
    "020-1234567", "(020) 123 45 67", "+31 6 12345678", "+31612345678", "0031 6 12345678", "+44 20 7946 0958",
    "bsn 111222333", "BSN: 111.222.333",
])
def test_personal_details_are_recognised(text):
    assert comment_problem(f"Hallo, {text} graag") is not None


@pytest.mark.parametrize("text", [
    "Op 12-05-2026 om 14:00 had ik een gesprek", "Ik werk 4 uur per dag, 5 dagen", "Artikel 10b Participatiewet",
    "Stap 2 van 6 was onduidelijk", "123456789 is geen geldig bsn", "In 2017 en 2024 veranderde de wet",
    "@UWV op sociale media", "",
])
def test_ordinary_comments_are_accepted(text):
    assert comment_problem(text) is None


@pytest.mark.parametrize(("lang", "title"), [("nl", "<title>Even wachten"), ("en", "<title>Please wait a moment")])
def test_a_flood_of_feedback_is_stopped_with_a_page_in_the_persons_language(database_url, lang, title):
    from app import create_app

    app = create_app("testing", DATABASE_URL=database_url, RATELIMIT_ENABLED=True)
    client = app.test_client()
    codes = []
    for _ in range(11):
        html = client.get(f"{PREFIX[lang]}/reactie?pagina=/voor-jou").get_data(as_text=True)
        response = client.post(f"{PREFIX[lang]}/reactie",
                               data={"pagina": "/voor-jou", "nuttig": "ja", "csrf_token": csrf_token(html)})
        codes.append(response.status_code)
    assert codes == [302] * 10 + [429]
    assert title in response.get_data(as_text=True)
    assert len(entries(app)) == 10


def test_a_view_can_switch_the_block_off(app):
    from flask import render_template

    with app.test_request_context("/privacy"):
        assert 'id="feedback"' in render_template("pages/privacy.html")
        assert 'id="feedback"' not in render_template("pages/privacy.html", show_feedback=False)
