"""axe-core on the figures page with data and on the feedback error state, in both languages;
tap targets of the feedback form; the feedback form works with the keyboard alone."""

import shutil
import threading
from datetime import date

import pytest
from werkzeug.serving import make_server

from app import create_app
from app.storage.db import session
from app.storage.models import UsageEvent
from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser

PREFIX = {"nl": "", "en": "/en"}


@pytest.fixture(scope="module")
def figures_server(tmp_path_factory, migrated_sqlite):
    """A live server of its own, with a month of events (some below 10) and a month of last year."""
    path = tmp_path_factory.mktemp("monitoring") / "live.sqlite3"
    shutil.copy(migrated_sqlite, path)
    app = create_app("testing", DATABASE_URL=f"sqlite:///{path}")
    today = date.today()
    seed = [
        ("selfcheck_started", "nl", 40), ("selfcheck_started", "en", 12), ("selfcheck_finished", "nl", 30),
        ("selfcheck_finished", "en", 4), ("selfcheck_outcome", "beschut_werk_likely", 12),
        ("selfcheck_outcome", "uncertain", 15), ("selfcheck_outcome", "regular_work", 3),
        ("selfcheck_role", "self", 35), ("selfcheck_role", "helper", 17), ("selfcheck_question", "role", 52),
        ("selfcheck_question", "age", 45), ("selfcheck_question", "situation", 40),
        ("request_document", "voorbereiding", 11), ("sheet_download", "stappen-aanvraag-nl", 23),
    ]
    with app.app_context():
        db = session()
        for name, value, count in seed:
            db.add_all(UsageEvent(day=today, name=name, value=value) for _ in range(count))
            db.add_all(UsageEvent(day=date(today.year - 1, 6, 1), name=name, value=value) for _ in range(count))
        db.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_on_the_figures_page_with_data(figures_server, page, lang):
    response = page.goto(figures_server + PREFIX[lang] + "/professionals/cijfers")
    assert response.status == 200
    assert page.locator("svg.chart").count() == 7
    assert page.locator("table").count() >= 8
    assert_no_axe_violations(page)
    # The wide layout puts chart and table side by side: axe again, and the chart is beside the table.
    page.set_viewport_size({"width": 1280, "height": 900})
    chart = page.locator(".figure-pair__chart").first.bounding_box()
    table = page.locator(".figure-pair__table").first.bounding_box()
    assert table["x"] > chart["x"] + chart["width"] - 1
    assert_no_axe_violations(page)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_axe_violations_when_a_month_is_wrong(figures_server, page, lang):
    response = page.goto(figures_server + PREFIX[lang] + "/professionals/cijfers?maand=2099-99")
    assert response.status == 400
    assert page.title().startswith({"nl": "Fout: ", "en": "Error: "}[lang])
    assert_no_axe_violations(page)


@pytest.mark.parametrize(("lang", "reason"), [
    ("nl", "Haal het e-mailadres weg."),
    ("en", "Remove the email address."),
])
def test_feedback_error_state_is_accessible_and_keeps_the_text(figures_server, page, lang, reason):
    page.goto(figures_server + PREFIX[lang] + "/voor-jou")
    assert_no_axe_violations(page, "page with the feedback block")
    page.locator("#feedback-nuttig-nee").check()
    page.locator("#feedback-opmerking").fill("Mail me op iemand@example.nl")
    page.locator("#feedback button[type=submit]").click()
    page.wait_for_load_state()
    assert page.title().startswith({"nl": "Fout: ", "en": "Error: "}[lang])
    assert reason in page.locator(".error-summary").inner_text()
    assert page.locator("#feedback-opmerking").input_value() == "Mail me op iemand@example.nl"
    assert page.locator("#feedback-nuttig-nee").is_checked()
    assert_no_axe_violations(page, "feedback error state")


def test_feedback_with_the_keyboard_alone_returns_to_the_page_with_thanks(figures_server, page):
    page.goto(figures_server + "/privacy")
    page.locator("#feedback-nuttig-ja").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # to the first radio's group end? the next stop is the comment field
    page.keyboard.type("Duidelijk")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/privacy#feedback")
    assert "Bedankt voor je reactie" in page.locator("#feedback").inner_text()
    assert_no_axe_violations(page, "thank-you state")


def test_feedback_tap_targets_are_at_least_44px(figures_server, page):
    page.goto(figures_server + "/voor-jou")
    for selector in ["#feedback .choice", "#feedback label[for^=feedback-nuttig]", "#feedback button",
                     "#feedback-opmerking"]:
        for box in [element.bounding_box() for element in page.query_selector_all(selector)]:
            assert box["height"] >= 44, f"{selector} is {box['height']}px high"


@pytest.mark.parametrize(("lang", "left", "over"), [
    ("nl", "Je hebt nog 490 tekens over.", "Je hebt 5 tekens te veel."),
    ("en", "You have 490 characters left.", "You have 5 characters too many."),
])
def test_the_character_count_follows_the_comment(figures_server, page, lang, left, over):
    page.goto(figures_server + PREFIX[lang] + "/voor-jou")
    page.locator("#feedback-opmerking").fill("0123456789")
    assert page.locator(".feedback__count").inner_text() == left
    page.locator("#feedback-opmerking").fill("x" * 505)
    assert page.locator(".feedback__count").inner_text() == over
    assert "feedback__count--over" in page.locator(".feedback__count").get_attribute("class")
    page.wait_for_timeout(1100)
    assert page.locator("#feedback [aria-live=polite]").inner_text() == over
    assert_no_axe_violations(page, "character count")
