"""Issue 13: "Wis alles op deze computer", "Verwijder mijn gegevens" removing the self-check too,
a delete that tells the truth when the database cannot be reached, and coming back after 24 hours."""

import pytest
from sqlalchemy.exc import OperationalError

from app.aanvraag import drafts
from app.selfcheck import session_store
from tests.aanvraag.helpers import PAGES, confirm, fill_all, submit, walk_selfcheck
from tests.aanvraag.test_storage import Clock, raw_rows
from tests.support.forms import csrf_token

pytestmark = pytest.mark.database


def prefix(lang: str) -> str:
    return "/en" if lang == "en" else ""


def selfcheck_answers(client) -> dict:
    with client.session_transaction() as session:
        return dict((session.get(session_store.KEY) or {}).get("answers") or {})


def cookie_part(client, key: str):
    with client.session_transaction() as session:
        return session.get(key)


class BrokenDatabase:
    """A database session whose every statement fails, as when PostgreSQL is unreachable."""

    def execute(self, *args, **kwargs):
        raise OperationalError("DELETE", {}, ConnectionRefusedError())

    def get(self, *args, **kwargs):
        raise OperationalError("SELECT", {}, ConnectionRefusedError())

    def commit(self):
        raise OperationalError("COMMIT", {}, ConnectionRefusedError())

    def rollback(self):
        pass


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_wiping_leaves_no_selfcheck_result_and_no_draft(client, database_url, lang):
    p = prefix(lang)
    result = walk_selfcheck(client, lang)
    assert 'data-action="wipe-start"' in result  # offered on the result page
    fill_all(client, lang)
    confirm(client, lang)
    done = client.get(f"{p}/aanvraag/klaar").get_data(as_text=True)
    assert 'data-action="wipe-start"' in done  # and on the klaar page
    assert len(raw_rows(database_url)) == 1 and selfcheck_answers(client)

    page = client.get(f"{p}/wis-alles")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'data-action="wipe"' in html
    assert ("your self-check answers" if lang == "en" else "je antwoorden van de zelftest") in html
    assert ("your request details" if lang == "en" else "je gegevens voor de aanvraag") in html
    assert "data-resume-code" in html  # the code can be written down before it all goes
    # Asking is all the GET does: nothing is gone yet.
    assert len(raw_rows(database_url)) == 1 and selfcheck_answers(client)

    response = client.post(f"{p}/wis-alles", data={"csrf_token": csrf_token(html)})
    assert response.status_code == 303
    assert raw_rows(database_url) == []
    assert selfcheck_answers(client) == {}
    assert cookie_part(client, drafts.COOKIE_KEY) is None
    said = client.get(response.location)
    text = said.get_data(as_text=True)
    assert said.status_code == 200 and 'data-removed="zelftest aanvraag"' in text
    # No result and no request to see any more.
    assert client.get(f"{p}/zelftest/uitslag").status_code == 302
    assert client.get(f"{p}/aanvraag/klaar").status_code == 303
    assert client.get(f"{p}/aanvraag/document/voorbereiding.pdf").status_code == 303


def test_wiping_says_only_what_was_there(client, database_url):
    walk_selfcheck(client)
    html = client.get("/wis-alles").get_data(as_text=True)
    response = client.post("/wis-alles", data={"csrf_token": csrf_token(html)})
    text = client.get(response.location).get_data(as_text=True)
    assert 'data-removed="zelftest"' in text and "je gegevens voor de aanvraag" not in text


def test_wiping_with_a_bad_token_removes_nothing(client, database_url):
    walk_selfcheck(client)
    fill_all(client)
    response = client.post("/wis-alles", data={"csrf_token": "fout"})
    assert response.status_code == 400
    assert "niet verwijderd" in response.get_data(as_text=True)
    assert len(raw_rows(database_url)) == 1 and selfcheck_answers(client)


def test_the_request_offers_the_wipe_on_its_start_page(client):
    assert 'data-action="wipe-start"' in client.get("/aanvraag").get_data(as_text=True)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_request_step_offers_the_wipe(client, lang):
    from app.aanvraag.fields import SLUGS

    walk_selfcheck(client, lang)
    fill_all(client, lang)  # every step done, so each step page opens
    for slug in SLUGS:
        page = client.get(f"{prefix(lang)}/aanvraag/{slug}")
        assert page.status_code == 200, slug
        assert 'data-action="wipe-start"' in page.get_data(as_text=True), slug


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_delete_my_details_removes_the_selfcheck_answers_too(client, database_url, lang):
    p = prefix(lang)
    walk_selfcheck(client, lang)
    fill_all(client, lang)
    confirm(client, lang)
    done = client.get(f"{p}/aanvraag/klaar").get_data(as_text=True)
    response = client.post(f"{p}/aanvraag/verwijderen", data={"csrf_token": csrf_token(done)})
    assert response.status_code == 303
    assert raw_rows(database_url) == [] and selfcheck_answers(client) == {}
    page = client.get(response.location).get_data(as_text=True)
    assert ("self-check answers have been wiped too" if lang == "en" else "zelftest zijn ook gewist") in page
    assert client.get(f"{p}/zelftest/uitslag").status_code == 302


def test_a_delete_while_the_database_is_down_says_so_and_a_retry_removes_the_row(client, database_url, monkeypatch):
    walk_selfcheck(client)
    fill_all(client)
    confirm(client)
    done = client.get("/aanvraag/klaar").get_data(as_text=True)
    row_id = raw_rows(database_url)[0].id
    with monkeypatch.context() as outage:
        outage.setattr(drafts, "db_session", lambda: BrokenDatabase())
        response = client.post("/aanvraag/verwijderen", data={"csrf_token": csrf_token(done)})
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Fout: " in html and "nog niet verwijderd" in html and "zijn verwijderd" not in html
    assert 'data-action="delete"' in html  # the same button tries again
    assert len(raw_rows(database_url)) == 1  # the truth: still there
    # What is kept: the row's id, not its key, so nothing can be read meanwhile.
    assert cookie_part(client, drafts.PENDING_KEY) == [row_id]
    assert cookie_part(client, drafts.COOKIE_KEY) is None
    assert client.get("/aanvraag/document/voorbereiding.pdf").status_code == 303
    assert selfcheck_answers(client) == {}

    again = client.post("/aanvraag/verwijderen", data={"csrf_token": csrf_token(html)})
    assert again.status_code == 303
    assert raw_rows(database_url) == []
    assert cookie_part(client, drafts.PENDING_KEY) is None
    assert "zijn verwijderd" in client.get(again.location).get_data(as_text=True)


def test_wiping_while_the_database_is_down_says_what_went_and_a_retry_finishes(client, database_url, monkeypatch):
    walk_selfcheck(client)
    fill_all(client)
    html = client.get("/wis-alles").get_data(as_text=True)
    with monkeypatch.context() as outage:
        outage.setattr(drafts, "db_session", lambda: BrokenDatabase())
        response = client.post("/wis-alles", data={"csrf_token": csrf_token(html)})
    page = response.get_data(as_text=True)
    assert response.status_code == 503
    assert 'data-removed="zelftest"' in page and "nog niet gewist" in page
    assert len(raw_rows(database_url)) == 1 and selfcheck_answers(client) == {}
    again = client.post("/wis-alles", data={"csrf_token": csrf_token(page)})
    assert again.status_code == 303
    assert raw_rows(database_url) == []
    assert "aanvraag" in client.get(again.location).get_data(as_text=True)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_coming_back_after_24_hours_says_the_details_were_removed(client, database_url, monkeypatch, lang):
    p = prefix(lang)
    clock = Clock(monkeypatch)
    fill_all(client, lang)
    confirm(client, lang)
    clock.advance(hours=24, minutes=1)
    for path in ("/aanvraag", "/aanvraag/klaar", "/aanvraag/over-jou"):
        response = client.get(p + path)
        assert response.status_code == 303 and response.location.endswith(f"{p}/aanvraag/verlopen"), path
    page = client.get(f"{p}/aanvraag/verlopen")
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "24" in text
    assert ("after 24 hours" in text or "24 hours" in text) if lang == "en" else "24 uur" in text
    assert f'href="{p}/zelftest/verder"' in text  # the resume code brings the self-check back
    assert f'href="{p}/aanvraag"' in text
    # Said once: the next visit starts afresh.
    assert client.get(f"{p}/aanvraag").status_code == 200
    assert submit(client, "/aanvraag/over-jou", PAGES[0][1], lang).status_code == 303


def test_the_expired_page_leads_to_the_result_when_the_selfcheck_is_still_there(client, database_url, monkeypatch):
    clock = Clock(monkeypatch)
    walk_selfcheck(client)
    fill_all(client, pages=PAGES[:1])
    clock.advance(hours=25)
    assert client.get("/aanvraag/over-jou").location.endswith("/aanvraag/verlopen")
    assert 'href="/zelftest/uitslag"' in client.get("/aanvraag/verlopen").get_data(as_text=True)


def test_details_still_fresh_are_not_called_expired(client, database_url, monkeypatch):
    clock = Clock(monkeypatch)
    fill_all(client, pages=PAGES[:1])
    clock.advance(hours=23, minutes=59)
    assert client.get("/aanvraag/over-jou").status_code == 200
