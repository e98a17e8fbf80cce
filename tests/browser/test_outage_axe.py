"""axe-core on the page a request page shows when its details cannot be read (issue 14 point 3),
in both languages and in both voices."""

import pytest
from sqlalchemy.exc import OperationalError

from app.aanvraag import drafts
from tests.browser.conftest import assert_no_axe_violations, give_session
from tests.selfcheck.cases import case_for_outcome

pytestmark = pytest.mark.browser
PREFIX = {"nl": "", "en": "/en"}
SOME_DETAILS = {"id": "x" * 43, "key": "a" * 43 + "="}


class BrokenDatabase:
    def get(self, *args, **kwargs):
        raise OperationalError("SELECT", {}, ConnectionRefusedError())

    def rollback(self):
        pass


@pytest.mark.parametrize("role", ["self", "helper"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_axe_on_the_details_unreachable_page(live_app, live_server, page, lang, role, monkeypatch):
    monkeypatch.setattr(drafts, "db_session", lambda: BrokenDatabase())
    answers = {**case_for_outcome("uncertain")["answers"], "role": role}
    give_session(page, live_app, live_server, {"selfcheck": {"answers": answers}, "aanvraag": SOME_DETAILS})
    response = page.goto(f"{live_server}{PREFIX[lang]}/aanvraag/controleren")
    assert response.status == 503
    assert page.query_selector("[data-state=onbereikbaar]")
    assert page.title().startswith("Fout: " if lang == "nl" else "Error: ")
    assert_no_axe_violations(page, f"request details unreachable ({lang}, {role})")
