"""The request in the helper role: the pages ask the helper about the person; the documents stay
in the person's own voice (request.md; issue 11 point 3)."""

import re

import pytest

from tests.aanvraag.helpers import (
    ABOUT_YOU,
    HELPER,
    OWN_WORDS,
    PAGES,
    SCHOOL,
    SELFCHECK_ANSWERS,
    confirm,
    lang_prefix,
    pdf_text,
    submit,
)
from tests.support.html import parse, text_of

pytestmark = pytest.mark.database

# Words that speak to the person, as the self role has them (never on a helper's page).
ADDRESSING_THE_PERSON = {
    "nl": ["Over jou", "Vul je ", "Wie helpt je?", "Naam van je helper", "van je helper", "je BSN",
           "Je papieren zijn klaar", "Maak mijn papieren", "log in met je DigiD", "Jij krijgt het advies",
           "In je eigen woorden", "Waarom vraag je advies", "Welke hulp heb je nodig", "Wat deed je?",
           "Je krijgt een brief", "je paspoort", "De gemeente waar je woont", "Je aanvraag voorbereiden",
           "Wat krijg je?", "aan je gemeente"],
    "en": ["About you", "Enter your", "Who is helping you?", "Your helper's name", "your helper",
           "Your documents are ready", "Make my documents", "log in with your DigiD", "You will get the advice",
           "In your own words", "Why are you asking", "What help do you need", "What did you do?"],
}


def as_helper(client, situation="school"):
    from app.selfcheck import session_store

    with client.session_transaction() as session:
        session[session_store.KEY] = {"answers": {**SELFCHECK_ANSWERS, "role": "helper", "situation": situation}}


def main_text(html: str) -> str:
    main = next(el for el in parse(html).iter() if el.tag == "main")
    return re.sub(r"\s+", " ", text_of(main))


def assert_speaks_to_the_helper(html: str, lang: str, where: str):
    text = main_text(html)
    for words in ADDRESSING_THE_PERSON[lang]:
        assert words not in text, f"{where}: {words!r} speaks to the person"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_request_in_the_helper_role_asks_about_the_pupil(client, lang):
    as_helper(client)
    prefix = lang_prefix(lang)
    pupil = "the pupil" if lang == "en" else "de leerling"
    start = client.get(prefix + "/aanvraag").get_data(as_text=True)
    assert_speaks_to_the_helper(start, lang, "start")

    # An empty first page: the messages are about the pupil too.
    errors = submit(client, "/aanvraag/over-jou", {name: "" for name in ABOUT_YOU}, lang).get_data(as_text=True)
    assert_speaks_to_the_helper(errors, lang, "over-jou with errors")
    assert ("Fill in the first names of the pupil." if lang == "en"
            else "Vul de voornamen van de leerling in.") in main_text(errors)

    headings = {}
    for path, data in PAGES:
        html = client.get(prefix + path).get_data(as_text=True)
        assert_speaks_to_the_helper(html, lang, path)
        headings[path] = re.search(r"<h1>(.*?)</h1>", html).group(1)
        if path.endswith("over-jou"):
            assert ("First names of the pupil" if lang == "en" else "Voornamen van de leerling") in html
        if path.endswith("wie-helpt-je"):
            # The helper page is about the helper who fills it in.
            assert ("Your name" if lang == "en" else "Je naam") in html
        assert submit(client, path, data, lang).status_code == 303
    assert headings["/aanvraag/over-jou"] == ("About the pupil" if lang == "en" else "Over de leerling")
    assert headings["/aanvraag/wie-helpt-je"] == ("Who helps the pupil?" if lang == "en" else "Wie helpt de leerling?")
    assert pupil in headings["/aanvraag/in-je-eigen-woorden"]

    check = client.get(prefix + "/aanvraag/controleren").get_data(as_text=True)
    assert_speaks_to_the_helper(check, lang, "controleren")
    confirm(client, lang)
    done = client.get(prefix + "/aanvraag/klaar").get_data(as_text=True)
    assert_speaks_to_the_helper(done, lang, "klaar")
    assert ("DigiD machtiging" if lang == "en" else "DigiD-machtiging") in main_text(done)


def test_outside_school_the_helper_is_asked_about_the_person(client):
    as_helper(client, situation="none")
    html = client.get("/aanvraag/over-jou").get_data(as_text=True)
    assert "<h1>Over de persoon</h1>" in html and "Voornamen van de persoon" in html
    assert_speaks_to_the_helper(html, "nl", "over-jou")


def test_the_documents_stay_in_the_persons_voice(client):
    as_helper(client)
    for path, data in [("/aanvraag/over-jou", ABOUT_YOU), ("/aanvraag/school-en-werk", SCHOOL),
                       ("/aanvraag/wie-helpt-je", HELPER), ("/aanvraag/in-je-eigen-woorden", OWN_WORDS)]:
        assert submit(client, path, data).status_code == 303
    confirm(client)
    text = re.sub(r"\s+", " ", pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data))
    assert "Over jou" in text and "Wie helpt je?" in text and "Naam van je helper Joost Mentorman" in text
    assert "de leerling" not in text.replace("Iemand die de leerling helpt", "")
    assert "Over de leerling" not in text


OUTCOME_ANSWERS = {
    "too_early": {"age": "under_16"},
    "not_applicable": {"age": "aow_age"},
    "already_wsw": {"age": "16_or_older", "situation": "wsw_job"},
    "has_positive_advice": {"age": "16_or_older", "situation": "none", "previous_advice": "positive"},
}
FIRST_WORDS = {
    "too_early": "nog te vroeg", "not_applicable": "AOW-leeftijd", "already_wsw": "sociale werkvoorziening",
    "has_positive_advice": "brief aan de gemeente",
}


@pytest.mark.parametrize("role", ["self", "helper"])
@pytest.mark.parametrize("outcome", list(OUTCOME_ANSWERS))
def test_the_start_page_says_first_what_the_outcome_means_for_a_request(client, outcome, role):
    from app.selfcheck import session_store

    with client.session_transaction() as session:
        session[session_store.KEY] = {"answers": {"role": role, **OUTCOME_ANSWERS[outcome]}}
    html = client.get("/aanvraag").get_data(as_text=True)
    notice = html.index(f'data-outcome-notice="{outcome}"')
    assert notice < html.index("<h2>Wat krijg")  # first, before what the request gives
    assert FIRST_WORDS[outcome] in main_text(html)
    if role == "helper":
        assert_speaks_to_the_helper(html, "nl", f"start after {outcome}")
        assert "je school" not in main_text(html) and "je werk?" not in main_text(html)
    english = client.get("/en/aanvraag").get_data(as_text=True)
    assert f'data-outcome-notice="{outcome}"' in english


def test_after_a_likely_outcome_the_start_page_has_no_such_notice(client):
    as_helper(client)
    assert "data-outcome-notice" not in client.get("/aanvraag").get_data(as_text=True)
