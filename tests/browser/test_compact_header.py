"""The header on a small screen and at 400% zoom (issue 16): 1280x1024 at 400% is a 320x256 CSS px
viewport. The header and menu take at most a fifth of the first screen of a question page, so the
question starts above the fold; the menu stays reachable (a disclosure that works without JavaScript)."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

QUESTION = "/zelftest/vraag/role"


def header_height(tab) -> float:
    """From the top of the page to the bottom of the header (logo, language switch, menu); the skip
    link is out of the flow until it has focus."""
    return tab.evaluate("document.querySelector('body > header').getBoundingClientRect().bottom + window.scrollY")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("javascript", [True, False])
def test_header_takes_at_most_a_fifth_of_a_320_by_256_screen(browser, live_server, lang, javascript):
    context = browser.new_context(viewport={"width": 320, "height": 256}, java_script_enabled=javascript)
    tab = context.new_page()
    try:
        response = tab.goto(live_server + ("/en" if lang == "en" else "") + QUESTION)
        assert response.status == 200
        height = header_height(tab)
        print(f"\n320x256 {lang} js={javascript}: header {height:.1f} px of 256")
        assert height <= 256 / 5, f"header is {height:.1f} px high"
        # Nothing sticks out sideways at 400% zoom (WCAG 1.4.10 reflow).
        assert tab.evaluate("document.documentElement.scrollWidth") <= 320
        # The question's heading starts on the first screen.
        assert tab.locator("main h1").bounding_box()["y"] < 256
        # The menu is one tap away and its links are then visible.
        toggle = tab.locator(".site-menu__toggle")
        assert toggle.is_visible()
        box = toggle.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44
        links = tab.locator(".site-menu .site-nav__link")
        assert links.count() >= 3 and not links.first.is_visible()
        toggle.click()
        assert links.first.is_visible()
        assert links.first.bounding_box()["height"] >= 44
        if javascript:
            assert_no_axe_violations(tab, f"open menu at 320x256 ({lang})")
    finally:
        context.close()


def test_a_wide_screen_shows_the_menu_without_a_toggle(page, live_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server + QUESTION)
    assert not page.locator(".site-menu__toggle").is_visible()
    assert page.locator(".site-nav .site-nav__link").first.is_visible()
    assert page.locator("body > header nav:visible").count() == 1
