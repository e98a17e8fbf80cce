"""axe-core in chromium on every self-check page: each question page, an error state,
check-answers and every result page, in Dutch and English; plus focus and tap targets."""

import pytest

from app.selfcheck.questionnaire import OUTCOMES, QUESTIONS
from tests.browser.conftest import ask_then_confirm, assert_no_axe_violations, give_session
from tests.selfcheck.cases import case_for_outcome

pytestmark = pytest.mark.browser

# Two walks that together open every question page: the first through school (the entreeopleiding:
# pro and vso pupils are not asked about a Wsw-indicatie), a negative advice with new facts, a
# Wsw-indicatie and the needs; the second to the minimum-wage question.
WALK_A = {
    "role": "helper", "age": "16_or_older", "situation": "school", "school_type": "entree",
    "previous_advice": "negative", "new_facts": "yes", "wsw_indication": "yes", "wsw_supported_work": "dont_know",
    "can_do_task": "yes", "basic_work_skills": "yes", "work_one_hour": "yes", "work_four_hours": "yes",
    "needs_supervision": "yes", "needs_guidance": "dont_know", "needs_adaptations": "no",
    "regular_employer_possible": "no",
}
WALK_B = {
    "role": "self", "age": "16_or_older", "situation": "none", "previous_advice": "no", "wsw_indication": "no",
    "can_do_task": "yes", "basic_work_skills": "yes", "work_one_hour": "yes", "work_four_hours": "yes",
    "needs_supervision": "no", "needs_guidance": "no", "needs_adaptations": "no", "earn_minimum_wage": "no",
}
PREFIX = {"nl": "", "en": "/en"}


def question_id_of(page) -> str:
    return page.get_attribute("form.question-form input[type=radio]", "name")


def browser_walk(page, base: str, answers: dict) -> list[str]:
    """Answer with the mouse, running axe on every question page; return the questions seen."""
    seen = []
    while page.query_selector("form.question-form"):
        question_id = question_id_of(page)
        assert_no_axe_violations(page, f"{page.url} ({question_id})")
        seen.append(question_id)
        page.check(f"#{question_id}-{answers[question_id]}")
        with page.expect_navigation():
            page.click("button[data-action=continue]")
    return seen


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_every_question_page_and_check_answers(live_server, page, lang):
    seen = set()
    for answers in (WALK_A, WALK_B):
        page.context.clear_cookies()
        page.goto(f"{live_server}{PREFIX[lang]}/zelftest")
        assert_no_axe_violations(page, "start page")
        with page.expect_navigation():
            page.click("[data-action=start]")
        seen.update(browser_walk(page, live_server, answers))
        assert page.query_selector("form[data-action=confirm]"), page.url
        assert_no_axe_violations(page, "check answers")
    assert seen == {q.id for q in QUESTIONS}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_error_state_and_the_summary_takes_focus(live_server, page, lang):
    page.goto(f"{live_server}{PREFIX[lang]}/zelftest/vraag/role")
    with page.expect_navigation():
        page.click("button[data-action=continue]")
    assert page.title().startswith("Fout: " if lang == "nl" else "Error: ")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert_no_axe_violations(page, "error state")
    page.click(".error-summary a")
    assert page.evaluate("document.activeElement.id") == "role-self"


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_axe_on_every_result_page_and_its_print_view(live_app, live_server, page, outcome, lang):
    answers = case_for_outcome(outcome)["answers"]
    give_session(page, live_app, live_server, {"selfcheck": {"answers": answers}})
    page.goto(f"{live_server}{PREFIX[lang]}/zelftest/uitslag")
    assert page.get_attribute("main", "data-outcome") == outcome
    assert_no_axe_violations(page, f"result {outcome}")
    with page.expect_navigation():
        page.click("[data-action=print-view]")
    assert page.get_attribute("main", "data-outcome") == outcome
    assert page.is_visible("[data-print] button"), "the print button should appear with JavaScript"
    assert_no_axe_violations(page, f"print view {outcome}")


def test_answer_choices_and_buttons_are_at_least_44px(live_server, page):
    page.goto(f"{live_server}/zelftest/vraag/role")
    for selector in [".choice label", "button[data-action=continue]", ".back-link", "details summary"]:
        for element in page.query_selector_all(selector):
            box = element.bounding_box()
            assert box["height"] >= 44, f"{selector} is {box['height']}px high"


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_restart_question_and_every_result_in_the_helper_role(live_app, live_server, page, lang):
    """Issue 11: the page that asks before clearing, and the helper's variant of every result."""
    for outcome in OUTCOMES:
        answers = {**case_for_outcome(outcome)["answers"], "role": "helper"}
        page.context.clear_cookies()
        give_session(page, live_app, live_server, {"selfcheck": {"answers": answers}})
        page.goto(f"{live_server}{PREFIX[lang]}/zelftest/uitslag")
        assert page.get_attribute("main", "data-role") == "helper"
        assert_no_axe_violations(page, f"helper result {outcome}")
        box = page.query_selector("[data-action=primary]").bounding_box()
        assert box["height"] >= 44, f"primary action of {outcome} is {box['height']}px high"
    ask_then_confirm(page, "[data-action=restart]", "confirm-restart", "restart question")
    assert page.url.endswith("/zelftest/vraag/role")
