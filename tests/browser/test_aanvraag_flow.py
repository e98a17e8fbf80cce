"""The request in a real browser: axe-core on every page of the flow (error state included), in both
languages; focus on the error summary; the live character counter; tap targets."""

import pytest

from tests.aanvraag.helpers import ABOUT_YOU, HELPER, OWN_WORDS, SCHOOL
from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


def fill(page, data: dict) -> None:
    for name, value in data.items():
        field = page.locator(f'[name="{name}"]')
        kind = field.first.get_attribute("type")
        if kind == "radio":
            page.check(f'[name="{name}"][value="{value}"]')
        elif kind == "checkbox":
            page.check(f'[name="{name}"]')
        else:
            field.fill(value)


def press_continue(page) -> None:
    with page.expect_navigation():
        page.click("main form button[type=submit]")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_on_any_page_of_the_request(live_server, page, lang):
    prefix = "/en" if lang == "en" else ""
    page.goto(live_server + prefix + "/aanvraag")
    assert_no_axe_violations(page, "start")
    with page.expect_navigation():
        page.click('[data-action="start"]')

    # Step 1 with errors first: the error summary takes focus.
    fill(page, {**ABOUT_YOU, "postcode": "12", "birth_date-day": "31", "birth_date-month": "2", "phone": "1"})
    press_continue(page)
    assert page.title().startswith("Error: " if lang == "en" else "Fout: ")
    assert page.evaluate("document.activeElement.className") == "error-summary"
    assert_no_axe_violations(page, "over-jou with errors")
    page.click(".error-summary a[href='#postcode']")
    assert page.evaluate("document.activeElement.id") == "postcode"
    fill(page, ABOUT_YOU)
    press_continue(page)

    for data, label in [(SCHOOL, "school-en-werk"), (HELPER, "wie-helpt-je")]:
        assert_no_axe_violations(page, label)
        fill(page, data)
        press_continue(page)

    assert_no_axe_violations(page, "in-je-eigen-woorden")
    fill(page, {**OWN_WORDS, "reason": "x" * 2001})
    press_continue(page)
    assert_no_axe_violations(page, "in-je-eigen-woorden with errors")
    fill(page, OWN_WORDS)
    press_continue(page)

    assert_no_axe_violations(page, "controleren")
    with page.expect_navigation():
        page.click('[data-action="confirm"] button')
    assert_no_axe_violations(page, "klaar")
    assert page.locator('a[data-document="voorbereiding"]').count() == 1
    assert page.locator('a[data-document="brief-gemeente"]').count() == 1

    for kind in ("voorbereiding", "brief-gemeente"):
        page.goto(live_server + prefix + f"/aanvraag/afdrukken/{kind}")
        assert_no_axe_violations(page, f"print view {kind}")
    page.goto(live_server + prefix + "/aanvraag/klaar")
    with page.expect_navigation():
        page.click('[data-action="delete"] button')
    assert_no_axe_violations(page, "verwijderd")
    assert page.locator("h1").inner_text() == ("Your details have been deleted" if lang == "en"
                                                else "Je gegevens zijn verwijderd")


def test_live_character_counter_and_tap_targets(live_server, page):
    page.goto(live_server + "/aanvraag")
    with page.expect_navigation():
        page.click('[data-action="start"]')
    fill(page, ABOUT_YOU)
    press_continue(page)
    press_continue(page)
    press_continue(page)
    message = page.locator("#reason-count")
    assert "0 van de 2000" in message.inner_text()  # the count the server wrote
    page.fill("#reason", "a" * 1990)
    assert message.inner_text() == "Je kunt nog 10 tekens typen."
    page.fill("#reason", "a" * 2005)
    assert message.inner_text() == "Je hebt 5 tekens te veel."
    # Nothing is cut off: the browser keeps every character (no maxlength).
    assert len(page.input_value("#reason")) == 2005
    for selector in ["main button", ".back-link", "textarea"]:
        for box in [element.bounding_box() for element in page.query_selector_all(selector)]:
            assert box["height"] >= 44, f"{selector} is {box['height']}px high"


def test_radios_and_links_on_the_request_pages_have_44px_targets(live_server, page):
    page.goto(live_server + "/aanvraag")
    with page.expect_navigation():
        page.click('[data-action="start"]')
    fill(page, ABOUT_YOU)
    for selector in ["main input[type=text]", "main input[type=tel]", "main input[type=email]"]:
        for box in [element.bounding_box() for element in page.query_selector_all(selector)]:
            assert box["height"] >= 44
    press_continue(page)
    for box in [element.bounding_box() for element in page.query_selector_all(".choice")]:
        assert box["height"] >= 44


def _session(live_app, page) -> tuple[dict, object]:
    serializer = live_app.session_interface.get_signing_serializer(live_app)
    name = live_app.config["SESSION_COOKIE_NAME"]
    cookie = next((c for c in page.context.cookies() if c["name"] == name), None)
    return (serializer.loads(cookie["value"]) if cookie else {}), serializer


def _set_session(live_app, live_server, page, data: dict, serializer) -> None:
    page.context.add_cookies([{"name": live_app.config["SESSION_COOKIE_NAME"], "value": serializer.dumps(data),
                               "url": live_server}])


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_in_the_helper_role_and_when_asked_to_confirm_again(live_app, live_server, page, lang):
    from tests.aanvraag.helpers import SELFCHECK_ANSWERS

    prefix = "/en" if lang == "en" else ""
    page.goto(live_server + prefix + "/aanvraag")
    data, serializer = _session(live_app, page)
    helper = {**SELFCHECK_ANSWERS, "role": "helper"}
    _set_session(live_app, live_server, page, {**data, "selfcheck": {"answers": helper}}, serializer)
    page.goto(live_server + prefix + "/aanvraag")
    assert_no_axe_violations(page, "start, helper role")
    with page.expect_navigation():
        page.click('[data-action="start"]')
    assert page.locator("h1").inner_text() == ("About the pupil" if lang == "en" else "Over de leerling")
    for data_of_page, label in [(ABOUT_YOU, "over-jou"), (SCHOOL, "school-en-werk"), (HELPER, "wie-helpt-je"),
                                (OWN_WORDS, "in-je-eigen-woorden")]:
        assert_no_axe_violations(page, f"{label}, helper role")
        fill(page, data_of_page)
        press_continue(page)
    with page.expect_navigation():
        page.click('[data-action="confirm"] button')
    assert_no_axe_violations(page, "klaar, helper role")

    # The self-check done again after confirming: both pages ask to confirm again.
    data, serializer = _session(live_app, page)
    _set_session(live_app, live_server, page,
                 {**data, "selfcheck": {"answers": {**helper, "work_one_hour": "no"}}}, serializer)
    page.goto(live_server + prefix + "/aanvraag/klaar")
    assert page.locator("[data-confirm-again]").count() == 1
    assert_no_axe_violations(page, "klaar, confirm again")
    page.goto(live_server + prefix + "/aanvraag/controleren")
    assert page.locator("[data-confirm-again]").count() == 1
    assert_no_axe_violations(page, "controleren, confirm again")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_on_the_start_page_after_an_outcome_that_needs_no_request(live_app, live_server, page, lang):
    prefix = "/en" if lang == "en" else ""
    page.goto(live_server + prefix + "/aanvraag")
    data, serializer = _session(live_app, page)
    for role, outcome, answers in [("helper", "has_positive_advice", {"age": "16_or_older", "situation": "none",
                                                                        "previous_advice": "positive"}),
                                   ("self", "too_early", {"age": "under_16"})]:
        _set_session(live_app, live_server, page, {**data, "selfcheck": {"answers": {"role": role, **answers}}},
                     serializer)
        page.goto(live_server + prefix + "/aanvraag")
        assert page.locator(f'[data-outcome-notice="{outcome}"]').count() == 1
        assert_no_axe_violations(page, f"start after {outcome}")
