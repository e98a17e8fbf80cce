"""The materials page for intermediaries (issue 15) in a real browser: axe in both languages; the
ready texts are selectable, and the copy button appears only with JavaScript and copies."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_axe_violations_on_the_materials_page(live_server, page, prefix):
    response = page.goto(live_server + prefix + "/professionals/materialen")
    assert response.status == 200
    assert_no_axe_violations(page)


def test_a_ready_text_is_selectable_and_the_copy_button_copies_it(live_server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    page = context.new_page()
    page.goto(live_server + "/professionals/materialen")
    text = page.locator("#tekst-kort")
    text.focus()
    text.press("Control+a")
    selected = page.evaluate("() => { const t = document.getElementById('tekst-kort'); "
                             "return t.value.substring(t.selectionStart, t.selectionEnd); }")
    assert selected == text.input_value() and len(selected) > 50
    button = page.locator("[data-copy='tekst-kort'] button")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["height"] >= 44
    button.click()
    # The status is written when the clipboard's promise resolves: wait for it, not a fixed moment.
    expect(page.locator("[data-copy='tekst-kort'] [role='status']")).to_have_text("Gekopieerd")
    assert page.evaluate("() => navigator.clipboard.readText()") == text.input_value()
    context.close()


def test_without_javascript_the_copy_buttons_stay_hidden(live_server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/professionals/materialen")
    assert page.locator("#tekst-ouderbrief").is_visible()
    assert not page.locator("[data-copy='tekst-ouderbrief'] button").is_visible()
    context.close()
