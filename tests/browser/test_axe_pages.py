"""axe-core finds no WCAG 2.2 A/AA violation on any GET page, in either language."""

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.support.routes import in_language, page_paths

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_on_any_page(live_app, live_server, page, lang):
    checked = 0
    for path in page_paths(live_app):
        url = live_server + in_language(path, lang)
        response = page.goto(url)
        assert response is not None and response.status in (200, 302, 303)
        assert_no_axe_violations(page, url)
        checked += 1
    assert checked >= 5


@pytest.mark.parametrize("path", ["/bestaat-niet", "/en/does-not-exist"])
def test_no_axe_violations_on_the_not_found_page(live_server, page, path):
    response = page.goto(live_server + path)
    assert response.status == 404
    assert_no_axe_violations(page)


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(live_server, page):
    page.goto(live_server + "/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skiplink"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


def test_tap_targets_in_header_and_footer_are_at_least_44px(live_server, page):
    page.goto(live_server + "/")
    # On a phone the menu folds into "Menu" (issue 16): open it, then measure the links it shows.
    if page.locator(".site-menu__toggle").is_visible():
        page.click(".site-menu__toggle")
    assert page.locator(".site-nav__link:visible").count() >= 3
    for selector in [".site-nav__link", ".language-switch", ".site-footer__links a", ".site-header__home"]:
        for box in [element.bounding_box() for element in page.query_selector_all(selector + ":visible")]:
            assert box["height"] >= 44, f"{selector} is {box['height']}px high"
