"""Journeys through the HTML forms: every outcome, in both languages and both roles."""

import re

import pytest

from app.selfcheck.questionnaire import OUTCOMES
from tests.selfcheck.cases import case_for_outcome
from tests.selfcheck.journey import find, h1_of, outcome_of, text_of, walk

ROLES = ("self", "helper")
# Outcomes whose page says there is no (new) request to UWV, so it offers none (spec selfcheck.md);
# has_positive_advice leads to the letter to the gemeente, made on the request pages.
NO_REQUEST = {"too_early", "not_applicable", "already_wsw"}
LANGS = ("nl", "en")

# The wording a reader sees in each role and language (the pupil variant when at school).
ROLE_WORDS = {
    ("nl", "self"): ("Hoe oud ben je?", None),
    ("nl", "helper"): ("Hoe oud is de persoon?", "de "),
    ("en", "self"): ("How old are you?", None),
    ("en", "helper"): ("How old is the person?", "the "),
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_journey_reaches_the_outcome(client, outcome, role, lang):
    case = case_for_outcome(outcome)
    answers = {**case["answers"], "role": role}
    result = walk(client, answers, lang)

    assert result.asked == case["expected"]["path"]
    assert outcome_of(result.result) == outcome
    age_heading, helper_word = ROLE_WORDS[(lang, role)]
    assert result.headings["age"] == age_heading
    you = {"nl": {"je", "jij", "jou", "jouw"}, "en": {"you", "your"}}[lang]
    for question_id, heading in result.headings.items():
        words = set(heading.lower().replace("?", " ").replace(",", " ").split())
        if helper_word and question_id != "role":
            assert not words & you, f"helper wording addresses the reader: {heading!r}"
    # The title starts with "Vraag N" (N = the place on the path); the only total shown is the
    # fixed number of parts ("Deel 2 van 4"), never a number of questions that could change.
    step, part, of = ("Vraag", "Deel", "van") if lang == "nl" else ("Question", "Part", "of")
    for number, question_id in enumerate(result.asked, start=1):
        title = result.titles[question_id]
        assert title.startswith(f"{step} {number}: {result.headings[question_id]}"), title
        assert re.search(rf" - {part} [1-4] {of} 4: ", title), title
    # The result page: one plain sentence as the h1, reasons, the request link, a print view.
    html = result.result_response.get_data(as_text=True)
    reasons = [li.get("data-reason") for li in result.result.iter("li") if li.get("data-reason")]
    assert reasons == case["expected"]["reasons"]
    assert h1_of(result.result)
    assert 'data-action="print-view"' in html
    # The request link is there where the spec's table lets the person ask UWV (anyway), and
    # nowhere on the pages that say there is no request to make (they would contradict themselves).
    prefix = "/en" if lang == "en" else ""
    if outcome in NO_REQUEST:
        assert f'href="{prefix}/aanvraag' not in html
    else:
        assert f'href="{prefix}/aanvraag' in html
    if lang == "en":
        assert '<html lang="en">' in html


def test_helper_at_school_reads_about_the_pupil(client):
    case = case_for_outcome("beschut_werk_likely")
    answers = {**case["answers"], "role": "helper", "situation": "school", "school_type": "pro"}
    result = walk(client, answers, "nl")
    assert result.headings["can_do_task"] == "Kan de leerling een taak doen op een werkplek?"
    assert result.headings["age"] == "Hoe oud is de persoon?"
    assert h1_of(result.result) == "Beschut werk past misschien bij de leerling."


def test_check_answers_has_a_change_link_naming_each_question(client):
    case = case_for_outcome("beschut_werk_likely")
    result = walk(client, case["answers"], "nl", confirm=False)
    links = [a for a in result.check_answers.iter("a") if a.get("data-question")]
    assert [a.get("data-question") for a in links] == case["expected"]["path"]
    for link in links:
        assert link.get("href").endswith("?wijzig=1")
        hidden = link.find("span")
        assert hidden is not None and "visually-hidden" in hidden.get("class")
        assert len(text_of(hidden)) > len("antwoord op:")
    assert find(result.check_answers, "form", data_action="confirm") is not None
