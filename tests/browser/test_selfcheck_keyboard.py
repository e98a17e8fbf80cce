"""A keyboard-only walk through the self-check, from the start page to the result."""

import pytest

pytestmark = pytest.mark.browser

ANSWERS = {  # the spec's first example: beschut werk likely (a pro pupil: no Wsw-indicatie question)
    "role": "self", "age": "16_or_older", "situation": "school", "school_type": "pro", "previous_advice": "no",
    "can_do_task": "yes", "basic_work_skills": "yes", "work_one_hour": "yes",
    "work_four_hours": "yes", "needs_supervision": "yes", "needs_guidance": "no", "needs_adaptations": "yes",
    "regular_employer_possible": "no",
}


def active(page, expression: str):
    return page.evaluate(f"(() => {{ const e = document.activeElement; return {expression}; }})()")


def tab_to(page, condition: str, limit: int = 60) -> None:
    """Press Tab until the focused element matches the JavaScript condition on `e`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if active(page, condition):
            outline = active(page, "getComputedStyle(e).outlineStyle + getComputedStyle(e).boxShadow")
            assert outline not in ("nonenone", ""), "focused element has no visible focus style"
            return
    raise AssertionError(f"Tab never reached {condition}")


def test_keyboard_only_walk_from_start_to_result(live_server, page):
    page.goto(live_server + "/zelftest")
    tab_to(page, "e.dataset.action === 'start'")
    page.keyboard.press("Enter")
    page.wait_for_selector("form.question-form")
    asked = []
    while page.query_selector("form.question-form"):
        question_id = page.get_attribute("form.question-form input[type=radio]", "name")
        asked.append(question_id)
        values = page.eval_on_selector_all(f"input[name={question_id}]", "els => els.map(e => e.value)")
        tab_to(page, f"e.name === '{question_id}'")
        # The first radio of an unanswered group takes focus; Space chooses it, arrows move on.
        page.keyboard.press("Space")
        for _ in range(values.index(ANSWERS[question_id])):
            page.keyboard.press("ArrowDown")
        assert active(page, "e.value") == ANSWERS[question_id]
        assert active(page, "e.checked")
        tab_to(page, "e.dataset.action === 'continue'")
        with page.expect_navigation():
            page.keyboard.press("Enter")
    assert asked == list(ANSWERS)
    tab_to(page, "e.id === 'bevestigen'", limit=80)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.get_attribute("main", "data-outcome") == "beschut_werk_likely"
