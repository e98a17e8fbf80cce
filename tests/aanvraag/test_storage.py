"""Personal details: encrypted in the database, key only in the cookie, 24 hours at most, deleted at once."""

import logging
import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from app.aanvraag import drafts
from tests.aanvraag.helpers import (
    NAME,
    OWN_WORDS,
    PAGES,
    SELFCHECK_ANSWERS,
    SURNAME,
    confirm,
    fill_all,
    flat,
    pdf_text,
    submit,
)
from tests.support.forms import csrf_token

pytestmark = pytest.mark.database


def raw_rows(database_url):
    engine = create_engine(database_url)
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT id, expires_at, ciphertext FROM request_draft")).all()
    engine.dispose()
    return rows


def database_dump(database_url) -> bytes:
    """Every row of every table, as bytes, the way a stolen copy would look."""
    engine = create_engine(database_url)
    dump = b""
    with engine.connect() as connection:
        for table in ("request_draft", "usage_event", "feedback_entry", "monthly_total"):
            for row in connection.execute(text(f"SELECT * FROM {table}")):  # noqa: S608 - fixed names
                dump += repr(tuple(row)).encode()
    engine.dispose()
    return dump


class Clock:
    def __init__(self, monkeypatch, start=datetime(2026, 11, 28, 9, 0, tzinfo=UTC)):
        self.now = start
        monkeypatch.setattr(drafts, "now", lambda: self.now)

    def advance(self, **delta):
        self.now += timedelta(**delta)


def test_the_database_and_the_log_hold_no_entered_name(client, database_url, caplog):
    caplog.set_level(logging.DEBUG)
    fill_all(client)
    confirm(client)
    client.get("/aanvraag/document/voorbereiding.pdf")
    client.get("/aanvraag/document/brief-gemeente.pdf")
    rows = raw_rows(database_url)
    assert len(rows) == 1
    dump = database_dump(database_url)
    for value in (NAME, SURNAME, "Lindelaan", "3511", "samira@voorbeeld.nl", "Joost", OWN_WORDS["reason"][:20]):
        assert value.encode() not in dump, value
        assert value not in caplog.text, value
    assert rows[0].ciphertext.startswith(b"gAAAAA")  # a Fernet token


def test_the_database_alone_cannot_be_read_and_the_key_is_only_in_the_cookie(client, database_url):
    from cryptography.fernet import Fernet, InvalidToken

    fill_all(client, pages=PAGES[:1])
    with client.session_transaction() as session:
        reference = dict(session[drafts.COOKIE_KEY])
    row = raw_rows(database_url)[0]
    assert row.id == reference["id"]
    assert reference["key"].encode() not in database_dump(database_url)
    with pytest.raises(InvalidToken):
        Fernet(Fernet.generate_key()).decrypt(bytes(row.ciphertext))
    assert NAME.encode() in Fernet(reference["key"].encode()).decrypt(bytes(row.ciphertext))


def test_2000_characters_in_both_free_text_fields_lose_nothing(client, database_url):
    reason = ("Ik werk graag met mijn handen. " * 70)[:1999] + "!"
    examples = ("Iemand legt de taak uit. Éérst laten zien. " * 50)[:1999] + "?"
    assert len(reason) == len(examples) == 2000
    fill_all(client, pages=PAGES[:3])
    assert submit(client, "/aanvraag/in-je-eigen-woorden", {"reason": reason, "support_examples": examples}
                  ).status_code == 303
    page = client.get("/aanvraag/in-je-eigen-woorden").get_data(as_text=True)
    assert reason in page and examples in page
    # Not in the cookie: the session cookie stays small.
    cookie = client.get_cookie("beschut_sessie")
    assert cookie is not None and len(cookie.value) < 1000
    confirm(client)
    printed = pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data)
    # A long text runs over a page break; the foot of each page (name, date, "pagina X van Y") is
    # read out between its two parts, so leave the page feet out before comparing.
    printed = re.sub(r"Voor [^\n]*\. Gemaakt op [^\n]*\.\s*pagina \d+ van \d+", " ", printed)
    text_in_pdf = flat(printed)
    assert flat(reason) in text_in_pdf and flat(examples) in text_in_pdf


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_delete_removes_the_details_at_once(client, database_url, lang):
    prefix = "/en" if lang == "en" else ""
    fill_all(client, lang)
    confirm(client, lang)
    done = client.get(prefix + "/aanvraag/klaar").get_data(as_text=True)
    assert 'data-action="delete"' in done
    assert len(raw_rows(database_url)) == 1
    response = client.post(prefix + "/aanvraag/verwijderen", data={"csrf_token": csrf_token(done)})
    assert response.status_code == 303
    assert raw_rows(database_url) == []
    page = client.get(response.location)
    assert page.status_code == 200
    assert ("have been deleted" if lang == "en" else "zijn verwijderd") in page.get_data(as_text=True)
    # The document links no longer serve the details.
    for kind in ("voorbereiding", "brief-gemeente"):
        again = client.get(prefix + f"/aanvraag/document/{kind}.pdf")
        assert again.status_code == 303 and again.mimetype != "application/pdf"
    assert client.get(prefix + "/aanvraag/afdrukken/voorbereiding").status_code == 303
    assert 'value="Samira"' not in client.get(prefix + "/aanvraag/over-jou").get_data(as_text=True)


def test_delete_with_a_bad_token_says_it_did_not_happen(client, database_url):
    fill_all(client)
    response = client.post("/aanvraag/verwijderen", data={"csrf_token": "fout"})
    assert response.status_code == 400
    assert "niet verwijderd" in response.get_data(as_text=True)
    assert len(raw_rows(database_url)) == 1


def test_details_expire_after_24_hours_even_when_changed_in_between(client, database_url, monkeypatch):
    clock = Clock(monkeypatch)
    fill_all(client)
    confirm(client)
    assert str(raw_rows(database_url)[0].expires_at).startswith("2026-11-29 09:00")
    clock.advance(hours=23)
    submit(client, "/aanvraag/wie-helpt-je?wijzig=1", {"helper_name": "Anna"})  # a later save does not extend
    confirm(client)
    assert client.get("/aanvraag/document/voorbereiding.pdf").mimetype == "application/pdf"
    clock.advance(hours=1)
    # Expired: read as if deleted.
    assert client.get("/aanvraag/klaar").status_code == 303
    assert client.get("/aanvraag/document/voorbereiding.pdf").status_code == 303
    assert 'value="Samira"' not in client.get("/aanvraag/over-jou").get_data(as_text=True)


def test_expired_drafts_are_purged_on_every_write_and_by_the_command(app, client, database_url, monkeypatch):
    clock = Clock(monkeypatch)
    fill_all(client, pages=PAGES[:1])
    other = app.test_client()
    clock.advance(hours=25)
    fill_all(other, pages=PAGES[:1])  # a write by someone else removes the expired row
    rows = raw_rows(database_url)
    assert len(rows) == 1
    clock.advance(hours=25)
    runner = app.test_cli_runner()
    result = runner.invoke(args=["aanvraag", "purge"])
    assert result.exit_code == 0 and "purged 1" in result.output
    assert raw_rows(database_url) == []


def test_a_tampered_key_reads_as_no_details(client):
    fill_all(client, pages=PAGES[:1])
    with client.session_transaction() as session:
        reference = dict(session[drafts.COOKIE_KEY])
        reference["key"] = "bm90LWEta2V5"
        session[drafts.COOKIE_KEY] = reference
    html = client.get("/aanvraag/over-jou").get_data(as_text=True)
    assert 'value="Samira"' not in html


def test_database_down_keeps_the_page_and_says_so(client, monkeypatch):
    def broken(data):
        raise drafts.StorageUnavailable

    monkeypatch.setattr(drafts, "save", broken)
    response = submit(client, "/aanvraag/over-jou", PAGES[0][1])
    html = response.get_data(as_text=True)
    assert response.status_code == 503
    assert "Fout: " in html and "niet bewaren" in html
    assert 'value="Samira"' in html


def test_a_page_sent_after_the_details_expired_is_kept(client, monkeypatch):
    clock = Clock(monkeypatch)
    fill_all(client, pages=PAGES[:3])
    page = client.get("/aanvraag/in-je-eigen-woorden").get_data(as_text=True)
    clock.advance(hours=25)
    response = client.post("/aanvraag/in-je-eigen-woorden",
                           data={**OWN_WORDS, "csrf_token": csrf_token(page)})
    assert response.status_code == 303 and response.location.endswith("/aanvraag/over-jou")
    assert 'value="Samira"' not in client.get("/aanvraag/over-jou").get_data(as_text=True)
    fill_all(client, pages=PAGES[:3])
    # After the three pages again, the last one still holds what was typed before.
    html = client.get("/aanvraag/in-je-eigen-woorden").get_data(as_text=True)
    assert OWN_WORDS["reason"] in html


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("role", ["self", "helper"])
def test_reading_a_request_page_during_an_outage_says_the_details_are_kept(client, monkeypatch, lang, role):
    """Issue 14 point 3: a page read while the database is down is a 503 in the right voice."""
    from app.selfcheck import session_store

    fill_all(client)
    confirm(client)
    with client.session_transaction() as session:
        session[session_store.KEY] = {"answers": {**SELFCHECK_ANSWERS, "role": role}}

    def broken():
        raise drafts.StorageUnavailable

    monkeypatch.setattr(drafts, "load", broken)
    prefix = "/en" if lang == "en" else ""
    for path in ["/aanvraag", "/aanvraag/over-jou", "/aanvraag/controleren", "/aanvraag/klaar",
                 "/aanvraag/document/brief-gemeente.pdf", "/aanvraag/afdrukken/voorbereiding"]:
        response = client.get(prefix + path)
        html = response.get_data(as_text=True)
        assert response.status_code == 503, f"{prefix}{path}: {response.status_code}"
        assert ("Nothing has been lost" if lang == "en" else "Er is niets verloren") in html, path
        helper_words = {"nl": "De antwoorden van de leerling", "en": "The answers of the pupil"}[lang]
        person_words = {"nl": "Je antwoorden zijn bewaard", "en": "Your answers are kept"}[lang]
        assert (helper_words in html) == (role == "helper"), path
        assert (person_words in html) == (role == "self"), path
        assert SURNAME not in html
