"""Every link that stands on a line of its own is a 44 px target: on every page, on the self-check's
pages and on the result of every outcome, in both languages, on a phone and on a wide screen.

"On its own" means the link is all the text of its paragraph, list item or table cell (or it is the
"Wis alles" link, which has its hint below it). Links inside a sentence (a word of the glossary)
stay text, as WCAG 2.5.8 allows; the radios, buttons and menu are tested elsewhere."""

import pytest

from tests.browser.conftest import give_session
from tests.selfcheck.cases import COMPLETE_CASES, case_for_outcome
from tests.support.routes import in_language, page_paths

pytestmark = pytest.mark.browser
TARGET = 44
WIDTHS = (390, 1280)
STANDALONE_LINKS = """() => [...document.querySelectorAll('main a')].filter(a => {
  const block = a.closest('p, li, th, td, dd');
  if (!block) return false;
  return a.parentElement.classList.contains('wipe-link')
    || block.textContent.trim() === a.textContent.trim();
}).map(a => [a.getAttribute('href'), a.getBoundingClientRect().height, a.textContent.trim()])"""


def with_answers(page, live_app, live_server, answers: dict) -> None:
    page.context.clear_cookies()
    give_session(page, live_app, live_server, {"selfcheck": {"answers": answers}})


def small_links(page, url: str) -> list:
    page.goto(url)
    return [(url, *link) for link in page.evaluate(STANDALONE_LINKS) if link[1] < TARGET]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_links_on_a_line_of_their_own_are_44px_high(live_app, live_server, page, lang):
    outcomes = sorted({case["expected"]["outcome"] for _name, case in COMPLETE_CASES})
    assert len(outcomes) >= 4
    checked, small = 0, []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        with_answers(page, live_app, live_server, case_for_outcome("uncertain")["answers"])
        paths = [*page_paths(live_app), "/zelftest/vraag/role", "/zelftest/controleren"]
        for path in paths:
            small += small_links(page, live_server + in_language(path, lang))
            checked += 1
        for outcome in outcomes:
            with_answers(page, live_app, live_server, case_for_outcome(outcome)["answers"])
            small += small_links(page, live_server + in_language("/zelftest/uitslag", lang))
            checked += 1
    assert checked >= 60
    assert not small, "\n".join(f"{url}: {text!r} ({href}) is {height:.0f}px high" for url, href, height, text in small)


def test_the_check_finds_a_small_standalone_link(live_server, page):
    """The scan itself: a paragraph holding only a plain link is found, a word in a sentence is not."""
    page.goto(live_server + "/")
    page.evaluate("""() => {
        const main = document.querySelector('main');
        main.insertAdjacentHTML('beforeend',
          '<p><a href="/x">Alleen een link</a></p><p>Een <a href="/y">woord</a> in een zin.</p>');
    }""")
    found = [link[0] for link in page.evaluate(STANDALONE_LINKS) if link[1] < TARGET]
    assert found == ["/x"]
