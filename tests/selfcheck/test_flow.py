"""Back, Change, start again, errors, an expired CSRF token, language switching, URL skipping."""

import re

import pytest
from sqlalchemy import func, select

from app import create_app
from app.storage import events
from app.storage.db import session
from app.storage.models import UsageEvent
from tests.conftest import CheckedClient
from tests.selfcheck.cases import case_named
from tests.selfcheck.journey import answer, find, h1_of, outcome_of, page_of, start, title_of, walk

SPEC_EXAMPLE = case_named("12_beschut_werk_likely_spec_example")  # the spec's school example
LIKELY = SPEC_EXAMPLE["answers"]


def checked(root, question_id):
    return [i.get("value") for i in root.iter("input") if i.get("name") == question_id and "checked" in i.attrib]


def back_link(root):
    link = find(root, "a", **{"class": "back-link"})
    return link.get("href") if link is not None else None


def test_start_page_says_what_the_check_is(client):
    html = client.get("/zelftest").get_data(as_text=True)
    assert "5 minuten" in html
    assert "We bewaren niets over jou." in html
    assert "UWV geeft advies. De gemeente beslist." in html
    assert 'data-action="start"' in html and 'href="/zelftest/vraag/role"' in html


def test_english_start_page(client):
    html = client.get("/en/zelftest").get_data(as_text=True)
    assert "about 5 minutes" in html
    assert 'href="/en/zelftest/vraag/role"' in html


def test_back_link_goes_to_the_previous_question_with_the_answer_kept(client):
    url = start(client)
    answer(client, url, "self")
    answer(client, "/zelftest/vraag/age", "16_or_older")
    answer(client, "/zelftest/vraag/situation", "school")
    root = page_of(client.get("/zelftest/vraag/school_type"))
    assert back_link(root) == "/zelftest/vraag/situation"
    back = page_of(client.get(back_link(root)))
    assert checked(back, "situation") == ["school"]
    assert back_link(back) == "/zelftest/vraag/age"
    assert back_link(page_of(client.get("/zelftest/vraag/role"))) == "/zelftest"


def test_going_back_and_on_again_walks_the_questions_in_order(client):
    walk(client, LIKELY, confirm=False)
    posted, _question, _root = answer(client, "/zelftest/vraag/age", "16_or_older")
    assert posted.headers["Location"].endswith("/zelftest/vraag/situation")


def test_change_that_keeps_the_answers_valid_returns_to_check_answers(client):
    walk(client, LIKELY, confirm=False)
    root = page_of(client.get("/zelftest/vraag/needs_guidance?wijzig=1"))
    assert back_link(root) == "/zelftest/controleren"
    assert checked(root, "needs_guidance") == ["no"]
    posted, _q, _r = answer(client, "/zelftest/vraag/needs_guidance?wijzig=1", "yes")
    assert posted.headers["Location"].endswith("/zelftest/controleren")
    html = client.get("/zelftest/controleren").get_data(as_text=True)
    assert "Heb je heel vaak hulp nodig bij je werk, elke dag?" in html


def test_change_that_needs_a_new_answer_asks_it_then_returns_to_check_answers(client):
    walk(client, LIKELY, confirm=False)
    posted, _q, _r = answer(client, "/zelftest/vraag/previous_advice?wijzig=1", "negative")
    assert posted.headers["Location"].endswith("/zelftest/vraag/new_facts?wijzig=1")
    # Check-answers cannot be reached while the new question is open.
    assert client.get("/zelftest/controleren").headers["Location"].endswith("/zelftest/vraag/new_facts")
    posted, _q, _r = answer(client, "/zelftest/vraag/new_facts?wijzig=1", "yes")
    assert posted.headers["Location"].endswith("/zelftest/controleren")
    result = client.get("/zelftest/uitslag")
    assert outcome_of(page_of(result)) == "beschut_werk_likely"


def test_change_that_ends_the_check_early_leads_to_check_answers_and_a_new_outcome(client):
    walk(client, LIKELY, confirm=False)
    posted, _q, _r = answer(client, "/zelftest/vraag/age?wijzig=1", "under_16")
    assert posted.headers["Location"].endswith("/zelftest/controleren")
    html = client.get("/zelftest/controleren").get_data(as_text=True)
    assert html.count('data-question="') == 2
    assert outcome_of(page_of(client.get("/zelftest/uitslag"))) == "too_early"
    # Changing back brings every earlier answer back: nothing was lost.
    posted, _q, _r = answer(client, "/zelftest/vraag/age?wijzig=1", "16_or_older")
    assert posted.headers["Location"].endswith("/zelftest/controleren")
    assert outcome_of(page_of(client.get("/zelftest/uitslag"))) == "beschut_werk_likely"


def restart_form(client, page):
    """"Opnieuw beginnen" is a link to a page that asks once more; its form clears the answers."""
    link = find(page, "a", data_action="restart")
    assert link is not None, "no Opnieuw beginnen link"
    assert find(page, "form", **{"class": "restart-form"}) is None, "one tap must not clear the answers"
    confirm = client.get(link.get("href"))
    assert confirm.status_code == 200
    return find(page_of(confirm), "form", **{"class": "restart-form"})


def test_start_again_clears_every_answer(client):
    result = walk(client, LIKELY)
    form = restart_form(client, result.result)
    token = find(form, "input", name="csrf_token").get("value")
    response = client.post(form.get("action"), data={"csrf_token": token})
    assert response.headers["Location"].endswith("/zelftest/vraag/role")
    assert checked(page_of(client.get("/zelftest/vraag/role")), "role") == []
    assert client.get("/zelftest/uitslag").headers["Location"].endswith("/zelftest/vraag/role")
    assert client.get("/zelftest/vraag/age").headers["Location"].endswith("/zelftest/vraag/role")


def test_start_page_offers_to_go_on_or_start_again_when_answers_exist(client):
    answer(client, start(client), "self")
    html = client.get("/zelftest").get_data(as_text=True)
    assert 'href="/zelftest/vraag/age" data-action="start"' in html
    # Starting again asks once more: the start page links to that question, which posts to /opnieuw.
    assert 'href="/zelftest/opnieuw" data-action="restart"' in html
    assert 'action="/zelftest/opnieuw"' in client.get("/zelftest/opnieuw").get_data(as_text=True)


@pytest.mark.parametrize(("lang", "prefix", "message"), [
    ("nl", "Fout: Vraag 1: ", "Kies een antwoord."),
    ("en", "Error: Question 1: ", "Choose an answer."),
])
def test_an_empty_answer_shows_an_error_linked_to_the_field(client, lang, prefix, message):
    url = start(client, lang)
    response, question_id, _root = answer(client, url, None)
    assert response.status_code == 400
    root = page_of(response)
    assert title_of(root).startswith(prefix + h1_of(root))
    summary = find(root, "div", **{"class": "error-summary"})
    assert summary is not None and summary.get("role") == "alert" and summary.get("tabindex") == "-1"
    assert "autofocus" in summary.attrib
    link = summary.find(".//a")
    assert link.text == message
    target = link.get("href").removeprefix("#")
    field = find(root, "input", id=target)
    assert field is not None and field.get("name") == question_id
    assert find(root, "p", id=f"{question_id}-error") is not None


def test_an_unknown_option_value_is_an_error_not_a_crash(client):
    url = start(client)
    page = page_of(client.get(url))
    token = find(page, "input", name="csrf_token").get("value")
    response = client.post(url, data={"csrf_token": token, "role": "robot"})
    assert response.status_code == 400
    assert "Kies een van de antwoorden hieronder." in response.get_data(as_text=True)
    assert client.get("/zelftest/vraag/age").status_code == 302


@pytest.mark.parametrize("token", ["", "expired-or-wrong"])
def test_an_expired_csrf_token_keeps_the_choice_and_asks_to_press_again(client, token):
    walk(client, LIKELY, confirm=False)
    data = {"needs_guidance": "yes"}
    if token:
        data["csrf_token"] = token
    response = client.post("/zelftest/vraag/needs_guidance", data=data)
    assert response.status_code == 400
    root = page_of(response)
    assert title_of(root).startswith("Fout: ")
    assert checked(root, "needs_guidance") == ["yes"]
    summary = find(root, "div", **{"class": "error-summary"})
    assert "nog niet bewaard" in summary.find(".//a").text
    assert "Ga verder" in summary.find(".//a").text
    # Nothing else was lost, and pressing again with the page's token saves it.
    token = find(root, "input", name="csrf_token").get("value")
    again = client.post("/zelftest/vraag/needs_guidance", data={"csrf_token": token, "needs_guidance": "yes"})
    assert again.status_code == 302
    assert checked(page_of(client.get("/zelftest/vraag/needs_guidance")), "needs_guidance") == ["yes"]
    assert client.get("/zelftest/controleren").status_code == 200


def test_an_expired_token_on_check_answers_shows_the_page_again(client):
    walk(client, LIKELY, confirm=False)
    response = client.post("/zelftest/controleren", data={"csrf_token": "old"})
    assert response.status_code == 400
    root = page_of(response)
    assert title_of(root).startswith("Fout: ")
    assert find(root, "div", **{"class": "error-summary"}) is not None
    assert len([a for a in root.iter("a") if a.get("data-question")]) == len(SPEC_EXAMPLE["expected"]["path"])


def test_switching_language_halfway_keeps_the_answers(client):
    url = start(client, "nl")
    answer(client, url, "helper")
    answer(client, "/zelftest/vraag/age", "16_or_older")
    root = page_of(client.get("/en/zelftest/vraag/age"))
    assert h1_of(root) == "How old is the person?"
    assert checked(root, "age") == ["16_or_older"]
    english = page_of(client.get("/en/zelftest/vraag/situation"))
    assert find(english, "form").get("action") == "/en/zelftest/vraag/situation"
    posted, _q, _r = answer(client, "/en/zelftest/vraag/situation", "wsw_job")
    assert posted.headers["Location"].endswith("/en/zelftest/controleren")
    assert outcome_of(page_of(client.get("/zelftest/uitslag"))) == "already_wsw"


def test_a_later_question_cannot_be_opened_by_typing_its_url(client):
    assert client.get("/zelftest/vraag/needs_supervision").headers["Location"].endswith("/zelftest/vraag/role")
    answer(client, start(client), "self")
    response = client.post("/zelftest/vraag/needs_supervision", data={"needs_supervision": "yes"})
    assert response.headers["Location"].endswith("/zelftest/vraag/age")
    assert client.get("/zelftest/vraag/bestaat-niet").status_code == 404


def test_result_and_print_view_need_a_complete_check(client):
    assert client.get("/zelftest/uitslag").status_code == 302
    assert client.get("/zelftest/uitslag/afdrukken").status_code == 302
    assert client.get("/zelftest/controleren").status_code == 302


def test_print_view_has_the_outcome_the_reasons_and_every_answer(client):
    walk(client, {**LIKELY, "role": "helper"})
    response = client.get("/zelftest/uitslag/afdrukken")
    root = page_of(response)
    html = response.get_data(as_text=True)
    assert outcome_of(root) == "beschut_werk_likely"
    assert "Beschut werk past misschien bij de leerling." in html
    assert "De leerling zit op het praktijkonderwijs (pro)." in html
    assert "Een gewone baas kan de leerling die hulp niet geven, ook niet met een jobcoach." in html
    # This result is the request itself (spec selfcheck.md's table), so the print says how to ask,
    # in the helper's words, with the UWV page written out (a link does not work on paper).
    assert "Kies in het formulier: <em>Advies indicatie beschut werk</em>." in html
    assert "De leerling logt in met een eigen DigiD. Jij zit ernaast en helpt." in html
    assert "formulier van UWV (uwv.nl/nl/beoordeling-arbeidsvermogen-aanvragen)" in html


def _event_counts(app):
    with app.app_context():
        rows = session().execute(
            select(UsageEvent.name, UsageEvent.value, func.count()).group_by(UsageEvent.name, UsageEvent.value)
        ).all()
    return {(name, value): count for name, value, count in rows}


@pytest.mark.database
def test_anonymous_events_are_counted_once_per_check(app, client):
    result = walk(client, LIKELY)
    path = result.asked
    # Confirming again, a Change and reading the result again add no events.
    answer(client, "/zelftest/vraag/needs_guidance?wijzig=1", "yes")
    page = page_of(client.get("/zelftest/controleren"))
    form = find(page, "form", data_action="confirm")
    client.post(form.get("action"), data={"csrf_token": find(form, "input", name="csrf_token").get("value")})
    counts = _event_counts(app)
    assert counts[(events.SELFCHECK_STARTED, "nl")] == 1
    assert counts[(events.SELFCHECK_ROLE, "self")] == 1
    for question_id in path:
        assert counts[(events.SELFCHECK_QUESTION, question_id)] == 1
    assert counts[(events.SELFCHECK_FINISHED, "nl")] == 1
    assert counts[(events.SELFCHECK_OUTCOME, "beschut_werk_likely")] == 1
    assert sum(counts.values()) == 4 + len(path)
    for name, value in counts:
        assert re.fullmatch(r"[a-z0-9_]+", value), (name, value)


@pytest.mark.database
def test_a_new_check_after_start_again_counts_again(app, client):
    walk(client, LIKELY)
    root = page_of(client.get("/zelftest/uitslag"))
    form = restart_form(client, root)
    client.post(form.get("action"), data={"csrf_token": find(form, "input", name="csrf_token").get("value")})
    walk(client, {**LIKELY, "role": "helper"}, "en")
    counts = _event_counts(app)
    assert counts[(events.SELFCHECK_STARTED, "nl")] == 1
    assert counts[(events.SELFCHECK_STARTED, "en")] == 1
    assert counts[(events.SELFCHECK_ROLE, "helper")] == 1
    assert counts[(events.SELFCHECK_OUTCOME, "beschut_werk_likely")] == 2


def test_the_check_works_when_the_database_is_down():
    app = create_app("testing", DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    app.test_client_class = CheckedClient
    result = walk(app.test_client(), LIKELY, "en")
    assert outcome_of(result.result) == "beschut_werk_likely"
