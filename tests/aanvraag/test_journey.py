"""Whole journeys through the request, in Dutch and English: from a self-check result to both PDFs."""

import re

import pytest

from app.storage.models import UsageEvent
from tests.aanvraag.helpers import (
    NAME,
    PAGES,
    SURNAME,
    complete_selfcheck,
    confirm,
    document_links,
    fill_all,
    lang_prefix,
    pdf_text,
    submit,
    walk_selfcheck,
)

pytestmark = pytest.mark.database


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_from_a_selfcheck_result_to_both_documents(client, app, lang):
    prefix = lang_prefix(lang)
    result = walk_selfcheck(client, lang)
    assert 'data-outcome="beschut_werk_likely"' in result
    assert f'href="{prefix}/aanvraag"' in result

    start = client.get(prefix + "/aanvraag").get_data(as_text=True)
    assert 'data-action="start"' in start
    fill_all(client, lang)
    check = client.get(prefix + "/aanvraag/controleren").get_data(as_text=True)
    assert 'data-action="confirm"' in check
    assert NAME in check and "3511 AB" in check
    # The self-check answers are shown, each with a link to change it in the self-check.
    assert "data-selfcheck-answers" in check
    assert f'href="{prefix}/zelftest/vraag/needs_supervision?wijzig=1"' in check

    assert confirm(client, lang).location.endswith(prefix + "/aanvraag/klaar")
    done = client.get(prefix + "/aanvraag/klaar").get_data(as_text=True)
    links = document_links(done)
    assert set(links) == {"voorbereiding", "brief-gemeente"}
    assert 'data-action="delete"' in done

    for href in links.values():
        response = client.get(href)
        assert response.status_code == 200
        assert response.mimetype == "application/pdf"
        text = pdf_text(response.data)
        assert NAME in text and SURNAME in text.replace("\n", "")
        # Dutch by default, whatever the language of the page.
        assert "Geboortedatum" in text and "15 maart 2007" in text
        assert "zelftest is niet gedaan" not in text
        if "voorbereiding" in href:
            assert "Uitkomst van de zelftest" in text
        else:  # the letter says it in the person's own voice (request.md)
            assert "Ik heb de zelftest op de website Beschut werk gedaan" in text.replace("\n", " ")
    with app.app_context():
        from app.storage.db import session

        values = sorted(e.value for e in session().query(UsageEvent).filter_by(name="request_document"))
    assert values == ["brief-gemeente", "voorbereiding"]


def test_the_self_check_answers_are_written_out_in_the_document(client):
    from app.selfcheck import describe

    complete_selfcheck(client)
    fill_all(client)
    confirm(client)
    text = pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data)
    from tests.aanvraag.helpers import SELFCHECK_ANSWERS

    first = describe.answer_sentences(SELFCHECK_ANSWERS, "nl")[0]
    assert re.sub(r"\s+", " ", first) in re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_directly_without_a_self_check_the_document_says_so(client, lang):
    fill_all(client, lang)
    confirm(client, lang)
    # The document link on the final page (in either language) gives the Dutch document.
    links = document_links(client.get(lang_prefix(lang) + "/aanvraag/klaar").get_data(as_text=True))
    text = pdf_text(client.get(links["voorbereiding"]).data)
    assert "De zelftest is niet gedaan." in text


def test_english_reading_copy_says_uwv_works_in_dutch(client):
    fill_all(client, "en")
    confirm(client, "en")
    done = client.get("/en/aanvraag/klaar").get_data(as_text=True)
    match = re.search(r'<a href="([^"]+)" data-reading-copy="voorbereiding"', done)
    assert match
    text = pdf_text(client.get(match.group(1).replace("&amp;", "&")).data)
    assert "reading copy" in text and "Dutch" in text
    assert "Date of birth" in text and "Geboortedatum" not in text
    assert "Log in with your DigiD" in text
    # Dutch official terms stay in Dutch (in italics, marked as Dutch), with no markup left over.
    assert "Advies indicatie beschut werk" in text and "*" not in text


def test_dutch_terms_on_english_pages_are_in_italics_and_marked_as_dutch(client):
    fill_all(client, "en")
    confirm(client, "en")
    html = client.get("/en/aanvraag/klaar").get_data(as_text=True)
    assert '<i lang="nl">Advies indicatie beschut werk</i>' in html
    assert "*" not in html.split("<main", 1)[1]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pages_show_step_n_of_m_and_a_back_link(client, lang):
    prefix = lang_prefix(lang)
    word = "Step" if lang == "en" else "Stap"
    previous = prefix + "/aanvraag"
    for number, (path, data) in enumerate(PAGES, start=1):
        html = client.get(prefix + path).get_data(as_text=True)
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert f"{word} {number} {'of' if lang == 'en' else 'van'} 5" in title
        assert f'class="step-indicator">{word} {number}' in html
        assert f'<a class="back-link" href="{previous}">' in html
        submit(client, path, data, lang)
        previous = prefix + path
    html = client.get(prefix + "/aanvraag/controleren").get_data(as_text=True)
    assert f"{word} 5" in re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def test_optional_fields_say_so_and_personal_fields_have_autocomplete(client):
    html = client.get("/aanvraag/over-jou").get_data(as_text=True)
    for name, token in [("given_names", "given-name"), ("surname", "family-name"), ("birth_date-day", "bday-day"),
                        ("birth_date-month", "bday-month"), ("birth_date-year", "bday-year"),
                        ("street", "address-line1"), ("postcode", "postal-code"), ("city", "address-level2"),
                        ("phone", "tel"), ("email", "email")]:
        assert re.search(rf'name="{name}"[^>]*autocomplete="{token}"', html), name
    assert html.count("(optioneel)") == 2  # phone and e-mail
    english = client.get("/en/aanvraag/over-jou").get_data(as_text=True)
    assert english.count("(optional)") == 2


def test_every_input_on_every_page_has_an_autocomplete_attribute(client):
    fill_all(client)
    for path, _data in PAGES:
        html = client.get(path).get_data(as_text=True)
        for tag in re.findall(r"<(?:input|textarea)\b[^>]*>", html):
            if 'type="hidden"' in tag or 'type="radio"' in tag or 'type="checkbox"' in tag:
                continue
            assert "autocomplete=" in tag, tag


def test_pages_cannot_be_skipped_by_url(client):
    response = client.get("/aanvraag/wie-helpt-je")
    assert response.status_code == 303 and response.location.endswith("/aanvraag/over-jou")
    assert client.get("/aanvraag/controleren").location.endswith("/aanvraag/over-jou")
    assert client.get("/aanvraag/klaar").location.endswith("/aanvraag")
    assert client.get("/aanvraag/document/voorbereiding.pdf").status_code == 303
    assert client.get("/aanvraag/bestaat-niet").status_code == 404


def test_change_link_returns_to_check_answers_with_the_new_value(client):
    fill_all(client)
    check = client.get("/aanvraag/controleren").get_data(as_text=True)
    assert 'href="/aanvraag/school-en-werk?wijzig=1#school_name"' in check
    page = client.get("/aanvraag/school-en-werk?wijzig=1").get_data(as_text=True)
    assert 'value="De Bolder"' in page and 'value="pro" checked' in page
    assert '<a class="back-link" href="/aanvraag/controleren">' in page
    response = submit(client, "/aanvraag/school-en-werk?wijzig=1", {"school_name": "Het Kompas", "school_type": "vso"})
    assert response.status_code == 303 and response.location.endswith("/aanvraag/controleren")
    check = client.get("/aanvraag/controleren").get_data(as_text=True)
    assert "Het Kompas" in check and "Voortgezet speciaal onderwijs" in check


def test_a_change_asks_for_confirmation_again(client):
    fill_all(client)
    confirm(client)
    assert client.get("/aanvraag/klaar").status_code == 200
    submit(client, "/aanvraag/over-jou?wijzig=1", {**PAGES[0][1], "city": "Zeist"})
    assert client.get("/aanvraag/klaar").status_code == 303
    confirm(client)
    text = pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data)
    assert "Zeist" in text


def test_empty_optional_fields_read_niet_ingevuld(client):
    pages = [PAGES[0], ("/aanvraag/school-en-werk", {}), ("/aanvraag/wie-helpt-je", {}),
             ("/aanvraag/in-je-eigen-woorden", {})]
    fill_all(client, pages=pages)
    check = client.get("/aanvraag/controleren").get_data(as_text=True)
    assert check.count("Niet ingevuld") >= 10
    confirm(client)
    text = pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data)
    assert text.count("Niet ingevuld") >= 10


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_print_view_shows_the_same_document(client, lang):
    fill_all(client, lang)
    confirm(client, lang)
    prefix = lang_prefix(lang)
    done = client.get(prefix + "/aanvraag/klaar").get_data(as_text=True)
    # The Dutch document's print view is at the Dutch URL, the English reading copy's under /en/.
    assert 'href="/aanvraag/afdrukken/voorbereiding" data-print="voorbereiding"' in done
    assert 'href="/en/aanvraag/afdrukken/voorbereiding" data-reading-print="voorbereiding"' in done
    html = client.get("/aanvraag/afdrukken/voorbereiding").get_data(as_text=True)
    assert '<article class="document document--voorbereiding" lang="nl">' in html
    assert NAME in html and "Burgerservicenummer (BSN)" in html
    english = client.get("/en/aanvraag/afdrukken/voorbereiding").get_data(as_text=True)
    assert '<article class="document document--voorbereiding" lang="en">' in english
    assert "Citizen service number" in english


def test_final_page_gives_dates_for_what_happens_next(client, monkeypatch):
    from datetime import UTC, datetime

    from app.aanvraag import drafts

    monkeypatch.setattr(drafts, "now", lambda: datetime(2026, 11, 28, 10, 0, tzinfo=UTC))
    fill_all(client)
    confirm(client)
    html = client.get("/aanvraag/klaar").get_data(as_text=True)
    assert "28 november 2026" in html  # today
    assert "3 december 2026" in html  # receipt within 5 days
    assert "23 januari 2027" in html  # advice within 8 weeks
    assert "gemeente" in html
    # The 8 weeks run from UWV's receipt, so the date is an estimate, never "uiterlijk".
    assert "Binnen 8 weken nadat UWV je aanvraag heeft ontvangen" in html
    assert "naar schatting rond 23 januari 2027" in html and "uiterlijk" not in html


def test_the_school_type_from_the_self_check_is_filled_in_not_asked_again(client):
    complete_selfcheck(client)  # school_type = pro
    fill_all(client, pages=PAGES[:1])
    html = client.get("/aanvraag/school-en-werk").get_data(as_text=True)
    assert 'value="pro" checked' in html
    assert html.count(" checked") == 1


def test_an_old_taal_link_redirects_to_the_english_url(client):
    fill_all(client)
    confirm(client)
    response = client.get("/aanvraag/document/voorbereiding.pdf?taal=en")
    assert response.status_code in (301, 308)
    assert response.location.endswith("/en/aanvraag/document/voorbereiding.pdf")
    assert client.get(response.location).status_code == 200
    printed = client.get("/aanvraag/afdrukken/brief-gemeente?taal=en")
    assert printed.status_code in (301, 308) and printed.location.endswith("/en/aanvraag/afdrukken/brief-gemeente")
    dutch = client.get("/en/aanvraag/klaar?taal=nl")
    assert dutch.status_code in (301, 308) and dutch.location.endswith("/aanvraag/klaar")
    assert "/en/" not in dutch.location
    # No page of the request links with ?taal= any more.
    assert "taal=" not in client.get("/en/aanvraag/klaar").get_data(as_text=True)


def test_doing_the_self_check_again_never_changes_a_confirmed_document(client):
    from app.selfcheck import session_store

    complete_selfcheck(client)
    fill_all(client)
    confirm(client)
    before = pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data)
    letter_before = pdf_text(client.get("/aanvraag/document/brief-gemeente.pdf").data)
    assert "Ik kan 1 uur achter elkaar werken." in re.sub(r"\s+", " ", before)
    check = client.get("/aanvraag/controleren").get_data(as_text=True)
    assert "data-confirm-again" not in check

    # The self-check done again, with another outcome.
    from tests.aanvraag.helpers import SELFCHECK_ANSWERS

    with client.session_transaction() as session:
        session[session_store.KEY] = {"answers": {**SELFCHECK_ANSWERS, "work_one_hour": "no"}}
    assert pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data) == before
    assert pdf_text(client.get("/aanvraag/document/brief-gemeente.pdf").data) == letter_before
    assert "Bevestig je aanvraag opnieuw" in client.get("/aanvraag/klaar").get_data(as_text=True)
    check = client.get("/aanvraag/controleren").get_data(as_text=True)
    assert "data-confirm-again" in check and "Bevestig je aanvraag opnieuw" in check

    # Confirming again takes the new self-check in.
    confirm(client)
    after = pdf_text(client.get("/aanvraag/document/voorbereiding.pdf").data)
    assert after != before and "Ik kan 1 uur achter elkaar werken." not in re.sub(r"\s+", " ", after)
    assert "data-confirm-again" not in client.get("/aanvraag/controleren").get_data(as_text=True)
