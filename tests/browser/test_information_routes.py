"""The information routes in a real browser: axe on every page with an argument, in both languages;
the read-aloud button as an enhancement; hard words work without JavaScript; 44px targets."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

# Fake speech support for the tests: one Dutch and one English voice, local or not, and a
# speak() that records what it was asked to say instead of speaking.
VOICES = """
    window.__spoken = [];
    const voices = [
        {name: "Lokale stem", lang: "nl-NL", localService: LOCAL},
        {name: "Local voice", lang: "en-GB", localService: LOCAL},
    ];
    window.speechSynthesis.getVoices = () => voices;
    window.SpeechSynthesisUtterance = function (text) { this.text = text; };
    window.speechSynthesis.speak = (u) => window.__spoken.push([u.lang, u.text, u.voice && u.voice.name]);
"""

PAGES = [
    "/voor-jou/wat-is-beschut-werk", "/voor-jou/is-het-iets-voor-mij", "/voor-jou/advies-vragen",
    "/voor-jou/na-je-vraag", "/voor-jou/samenvatting",
    "/professionals/wettelijk-kader", "/professionals/wie-kan-aanvragen", "/professionals/criteria",
    "/professionals/procedure", "/professionals/na-de-aanvraag", "/professionals/bezwaar", "/professionals/school",
    "/professionals/vergelijking",
    "/professionals/zelftest-samen",
    "/professionals/informatiebladen/beschut-werk-makkelijk", "/professionals/informatiebladen/mentoren-pro-vso",
    "/professionals/informatiebladen/stappen-aanvraag", "/professionals/informatiebladen/verschillen",
    "/professionals/informatiebladen/gespreksleidraad",
]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_on_the_pages_with_a_slug(live_server, page, lang):
    for path in PAGES:
        url = live_server + ("/en" + path if lang == "en" else path)
        response = page.goto(url)
        assert response.status == 200, url
        assert_no_axe_violations(page, url)


def click_read_aloud(page) -> list:
    """Press the visible "Lees voor" button (44 px at least) and return what was spoken."""
    button = page.locator(".read-aloud__button")
    assert button.is_visible()
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    button.click()
    return page.evaluate("window.__spoken")


def test_read_aloud_shows_with_speech_support_and_speaks_the_page(live_server, page):
    page.add_init_script(VOICES.replace("LOCAL", "true"))
    page.goto(live_server + "/voor-jou/na-je-vraag")
    spoken = click_read_aloud(page)
    assert spoken[0][0] == "nl-NL"
    assert spoken[0][2] == "Lokale stem"
    assert "UWV geeft binnen 8 weken advies" in spoken[0][1]
    assert "Lees voor" not in spoken[0][1]
    assert page.locator(".read-aloud__button").get_attribute("aria-pressed") == "true"


def test_read_aloud_stays_hidden_when_the_only_voice_is_a_network_voice(live_server, page):
    """A network voice would send the page text to another company: no button then."""
    page.add_init_script(VOICES.replace("LOCAL", "false"))
    page.goto(live_server + "/voor-jou/na-je-vraag")
    page.wait_for_timeout(200)
    assert not page.locator(".read-aloud__button").is_visible()


def test_read_aloud_stays_hidden_without_speech_support(live_server, page):
    page.add_init_script("delete window.speechSynthesis; delete window.SpeechSynthesisUtterance;")
    page.goto(live_server + "/en/voor-jou/advies-vragen")
    assert page.locator(".read-aloud__button").count() == 1
    assert not page.locator(".read-aloud__button").is_visible()


def test_without_javascript_the_button_is_hidden_and_hard_words_still_work(browser, live_server):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    try:
        tab.goto(live_server + "/voor-jou/is-het-iets-voor-mij")
        assert not tab.locator(".read-aloud__button").is_visible()
        assert not tab.locator("[data-print]").is_visible()
        tab.locator("a.term").first.click()
        target = tab.evaluate("location.hash")
        assert target.startswith("#woord-")
        assert tab.locator(f"dt{target}").is_visible()
        assert tab.locator(f"dt{target} + dd").inner_text().strip()
    finally:
        context.close()


def test_links_and_buttons_of_the_routes_are_at_least_44px(live_server, page):
    checks = {
        "/voor-jou": [".content-nav__link", ".link-list a"],
        "/voor-jou/advies-vragen": [".pager__link", "a.term"],
        "/professionals/criteria": [".content-nav__link", ".cited-sources a", ".back-link"],
        "/professionals/informatiebladen": [".sheet-card__download", ".sheet-card__title a"],
    }
    for path, selectors in checks.items():
        page.goto(live_server + path)
        for selector in selectors:
            elements = page.query_selector_all(selector)
            assert elements, f"{path}: nothing matches {selector}"
            for element in elements:
                box = element.bounding_box()
                if selector == "a.term":
                    # Inline words in running text: WCAG 2.5.8 exempts inline targets.
                    continue
                assert box["height"] >= 44, f"{path} {selector} is {box['height']}px high"


def test_pages_stay_light(browser, live_server):
    """Whole page with CSS, JavaScript and images under 100 KB (a fresh browser per page: no cache)."""
    for path in ["/voor-jou/advies-vragen", "/professionals/bronnen", "/professionals/informatiebladen",
                 "/en/professionals/vergelijking", "/en/voor-jou/samenvatting"]:
        context = browser.new_context()
        tab = context.new_page()
        sizes: list[int] = []
        tab.on("response", lambda response, sizes=sizes: sizes.append(len(response.body()) if response.ok else 0))
        tab.goto(live_server + path, wait_until="networkidle")
        context.close()
        assert len(sizes) >= 3 and sum(sizes) < 100 * 1024, f"{path}: {sum(sizes)} bytes"
        print(f"\n{path}: {sum(sizes)} bytes in {len(sizes)} responses")


@pytest.mark.parametrize("path", ["/voor-jou/samenvatting", "/en/voor-jou/samenvatting"])
def test_the_summary_prints_on_one_page_in_the_browser(live_server, page, path):
    import io

    from pypdf import PdfReader

    page.goto(live_server + path)
    for paper in ("A4", "Letter"):
        pages = len(PdfReader(io.BytesIO(page.pdf(format=paper))).pages)
        assert pages == 1, f"{path} prints on {pages} {paper} pages"
