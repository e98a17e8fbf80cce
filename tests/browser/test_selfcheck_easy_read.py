""""Lees voor" and pictograms on the self-check's pages in a real browser (issue 16): the button
reads the question, its examples and its answers in order (or the result), with the device's own
voice; it stays hidden without JavaScript; the pages with pictograms pass axe."""

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_information_routes import VOICES, click_read_aloud

pytestmark = pytest.mark.browser


def spoken_text(page) -> str:
    spoken = click_read_aloud(page)
    assert len(spoken) == 1 and spoken[0][2] in ("Lokale stem", "Local voice")
    return spoken[0][1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_question_is_read_with_its_examples_and_answers_in_order(live_server, page, lang):
    page.add_init_script(VOICES.replace("LOCAL", "true"))
    page.goto(live_server + ("/en" if lang == "en" else "") + "/zelftest/vraag/role")
    assert_no_axe_violations(page, f"question with pictograms ({lang})")
    heading = page.inner_text("main h1")
    examples = page.locator(".question-form fieldset .hint li").all_inner_texts()
    answers = page.locator(".question-form fieldset label").all_inner_texts()
    assert examples and len(answers) >= 2
    text = spoken_text(page)
    positions = [text.index(part.strip()) for part in [heading, *examples, *answers]]
    assert positions == sorted(positions), text
    for left_out in ["Ga verder", "Continue", "Terug", "Back", "Waarom vragen we dit", "Why do we ask"]:
        assert left_out not in text


def test_a_yes_no_question_reads_its_three_answers_but_not_the_hidden_divider(live_server, page):
    page.add_init_script(VOICES.replace("LOCAL", "true"))
    page.goto(live_server + "/zelftest/vraag/role")
    for question, value in [("role", "self"), ("age", "16_or_older"), ("situation", "school"),
                            ("school_type", "pro"), ("previous_advice", "no")]:
        page.check(f"#{question}-{value}")
        with page.expect_navigation():
            page.click('[data-action="continue"]')
    assert page.locator("input[type=radio]").first.get_attribute("name") == "can_do_task"
    pictograms = page.locator(".question-form label img").evaluate_all("els => els.map(e => e.dataset.pictogram)")
    assert pictograms == ["ja", "nee", "weet-niet"]
    text = spoken_text(page)
    assert text.startswith(page.inner_text("main h1").strip())
    assert "Ja. Nee. Ik weet het niet." in text, text


def test_without_javascript_the_read_aloud_button_stays_hidden_and_pictograms_show(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        tab.goto(live_server + "/zelftest/vraag/role")
        assert tab.locator(".read-aloud__button").count() == 1
        assert not tab.locator(".read-aloud__button").is_visible()
        assert tab.locator("legend img.pictogram--question").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_result_is_read_in_order_without_the_buttons(live_server, page, lang):
    page.add_init_script(VOICES.replace("LOCAL", "true"))
    prefix = "/en" if lang == "en" else ""
    page.goto(live_server + prefix + "/zelftest/vraag/role")
    for question, value in [("role", "self"), ("age", "under_16")]:
        page.check(f"#{question}-{value}")
        with page.expect_navigation():
            page.click('[data-action="continue"]')
    with page.expect_navigation():
        page.click("#bevestigen")
    assert page.get_attribute("main", "data-outcome") == "too_early"
    assert_no_axe_violations(page, f"result with pictograms ({lang})")
    heading = page.inner_text("main h1").strip()
    reasons = page.locator("ul.reasons li").all_inner_texts()
    text = spoken_text(page)
    assert text.startswith(heading)
    positions = [text.index(part.strip()) for part in [heading, *reasons]]
    assert positions == sorted(positions)
    for left_out in ["Opnieuw beginnen", "Start again", "Uitslag afdrukken", "Print the result", "Lees voor",
                     "Read aloud"]:
        assert left_out not in text
