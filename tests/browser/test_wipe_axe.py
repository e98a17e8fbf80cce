"""axe-core on the pages of issue 13 that hold something, in both languages: "Wis alles" asking
and done, both pages when the database cannot be reached, and the page after the 24 hours."""

import pytest
from sqlalchemy.exc import OperationalError

from app.aanvraag import drafts
from tests.browser.conftest import ask_then_confirm, assert_no_axe_violations, give_session
from tests.selfcheck.cases import case_for_outcome

pytestmark = pytest.mark.browser
PREFIX = {"nl": "", "en": "/en"}
# A key to request details whose row does not exist (any more): as after the 24 hours.
GONE = {"id": "x" * 43, "key": "a" * 43 + "="}


class BrokenDatabase:
    def execute(self, *args, **kwargs):
        raise OperationalError("DELETE", {}, ConnectionRefusedError())

    def rollback(self):
        pass


def visit(page, live_app, live_server, **session):
    give_session(page, live_app, live_server, session)


def answers():
    return {"answers": case_for_outcome("uncertain")["answers"]}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_wipe_asking_and_done(live_app, live_server, page, lang):
    visit(page, live_app, live_server, selfcheck=answers(), aanvraag=GONE)
    page.goto(f"{live_server}{PREFIX[lang]}/zelftest/uitslag")
    ask_then_confirm(page, "[data-action=wipe-start]", "wipe", "wipe: asking")
    assert page.get_attribute("[data-removed]", "data-removed") == "zelftest aanvraag"
    assert_no_axe_violations(page, "wipe: done")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_wipe_and_delete_while_the_database_is_down(live_app, live_server, page, lang, monkeypatch):
    monkeypatch.setattr(drafts, "db_session", lambda: BrokenDatabase())
    visit(page, live_app, live_server, selfcheck=answers(), aanvraag=GONE)
    page.goto(f"{live_server}{PREFIX[lang]}/wis-alles")
    with page.expect_navigation():
        page.click("form[data-action=wipe] button")
    assert page.title().startswith("Fout: " if lang == "nl" else "Error: ")
    assert page.query_selector("form[data-action=wipe]")  # try again
    assert_no_axe_violations(page, "wipe: database down")
    # The same with "Verwijder mijn gegevens": this page's form (and token) sent to its address.
    page.eval_on_selector("form[data-action=wipe]",
                          "f => { f.action = f.action.replace('/wis-alles', '/aanvraag/verwijderen'); }")
    with page.expect_navigation():
        page.click("form[data-action=wipe] button")
    assert page.query_selector("form[data-action=delete]")
    assert page.title().startswith("Fout: " if lang == "nl" else "Error: ")
    assert_no_axe_violations(page, "delete: database down")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_page_after_the_24_hours(live_app, live_server, page, lang):
    visit(page, live_app, live_server, selfcheck=answers(), aanvraag=GONE)
    page.goto(f"{live_server}{PREFIX[lang]}/aanvraag")
    assert page.url.endswith(f"{PREFIX[lang]}/aanvraag/verlopen")
    assert_no_axe_violations(page, "details expired")
