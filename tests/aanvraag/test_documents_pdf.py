"""The two documents as PDF/UA: tagged, language, title shown, values extractable, BSN box, no BSN."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from app.aanvraag import documents
from app.aanvraag.draft import Draft, SelfcheckSnapshot
from app.aanvraag.fields import SLUGS
from app.aanvraag.selfcheck_link import snapshot_of
from tests.aanvraag.helpers import (
    ABOUT_YOU,
    HELPER,
    NAME,
    OWN_WORDS,
    PAGES,
    SELFCHECK_ANSWERS,
    SURNAME,
    complete_selfcheck,
    confirm,
    confirmed_draft,
    fill_all,
    flat,
    pdf_text,
    submit,
)

pytestmark = pytest.mark.database

KINDS = ["voorbereiding", "brief-gemeente"]
TITLES = {
    ("voorbereiding", "nl"): "Voorbereiding aanvraag advies beschut werk",
    ("brief-gemeente", "nl"): "Brief aan de gemeente: verzoek om beschut werk",
    ("voorbereiding", "en"): "Preparing your request for an advice on sheltered work (advies beschut werk)",
    ("brief-gemeente", "en"): "Letter to the municipality: request for sheltered work (beschut werk)",
}


@pytest.fixture
def finished(client):
    complete_selfcheck(client)
    fill_all(client)
    confirm(client)
    return client


def get_pdf(client, kind, lang="nl"):
    # The document's language is the URL's: the English reading copy lives under /en/.
    prefix = "/en" if lang == "en" else ""
    response = client.get(f"{prefix}/aanvraag/document/{kind}.pdf")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    return response.data


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("kind", KINDS)
def test_document_is_tagged_pdf_ua_with_language_and_title(finished, kind, lang):
    reader = PdfReader(io.BytesIO(get_pdf(finished, kind, lang)))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == lang
    assert "/StructTreeRoot" in root
    assert bool(root["/MarkInfo"]["/Marked"])
    assert bool(root["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == TITLES[(kind, lang)]
    assert b"pdfuaid" in root["/Metadata"].get_data()


@pytest.mark.parametrize("kind", ["voorbereiding"])
def test_entered_values_are_extractable_and_paired_with_their_labels(finished, kind):
    text = pdf_text(get_pdf(finished, kind))
    lines = text.splitlines()
    assert f"Voornamen {NAME}" in lines
    assert f"Achternaam {SURNAME}" in lines
    assert "Postcode 3511 AB" in lines
    assert "Geboortedatum 15 maart 2007" in lines
    assert "Joost Mentorman" in text
    assert flat("Op stage ging het goed als iemand naast me stond.") in flat(text)


def test_the_letter_carries_the_entered_values_as_a_letter_does(finished):
    # A letter, not a form (request.md): the details as lines of the sender block and sentences.
    text = pdf_text(get_pdf(finished, "brief-gemeente"))
    lines = text.splitlines()
    assert f"{NAME} {SURNAME}" in lines and "Lindelaan 12" in lines and "3511 AB Utrecht" in lines
    assert "Geboortedatum: 15 maart 2007" in lines
    assert "Joost Mentorman" in text
    assert flat("Op stage ging het goed als iemand naast me stond.") in flat(text)


def test_the_letter_has_a_bsn_line_to_fill_in_by_pen_and_no_bsn(finished):
    text = pdf_text(get_pdf(finished, "brief-gemeente"))
    assert re.search(r"Burgerservicenummer \(BSN\): \.{10,}", text)
    assert not re.search(r"(?<!\d)\d{9}(?!\d)", re.sub(r"[ .-]", "", text))
    assert "Met vriendelijke groet," in text


@pytest.mark.parametrize("kind", ["voorbereiding"])
def test_bsn_box_to_fill_in_by_hand_and_no_bsn_anywhere(finished, kind):
    data = get_pdf(finished, kind)
    text = pdf_text(data)
    assert "Burgerservicenummer (BSN)" in text
    assert "met een pen" in text
    assert not re.search(r"(?<!\d)\d{9}(?!\d)", re.sub(r"[ .-]", "", text))
    assert "Datum" in text and "Handtekening" in text


def test_voorbereiding_has_the_checklist_the_steps_and_the_self_check_sentences(finished):
    text = re.sub(r"\s+", " ", pdf_text(get_pdf(finished, "voorbereiding")))
    for words in ["Schoolrapporten", "Stageverslagen", "toelaatbaarheidsverklaring (TLV)",
                  "ontwikkelingsperspectief (OPP)",
                  "jobcoach", "Wmo", "DigiD", "Advies indicatie beschut werk", "Postbus 2441", "Binnen 5 dagen",
                  "Binnen 8 weken", "beslist de gemeente", "verzekeringsarts", "huisarts",
                  "Ik kan 1 uur achter elkaar werken.", "Uitkomst van de zelftest"]:
        assert words in text, words


def test_reading_order_follows_the_html(finished):
    text = pdf_text(get_pdf(finished, "voorbereiding"))
    order = ["Voorbereiding aanvraag", "Over jou", "Burgerservicenummer", "School en werk", "Wie helpt je?",
             "Je antwoorden uit de zelftest", "In je eigen woorden", "Dit vraagt UWV ook", "Stuur dit mee",
             "Zo vraag je het advies aan", "Datum en handtekening"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_structure_tree_has_headings_lists_and_the_document_language(app):
    draft = confirmed_draft({"given_names": NAME, "surname": SURNAME})
    with app.app_context():  # no request: a document is made from the draft alone
        data = documents.pdf("voorbereiding", draft, "nl")
    reader = PdfReader(io.BytesIO(data))
    tags = set()

    def walk(node, depth=0):
        node = node.get_object()
        if "/S" in node:
            tags.add(str(node["/S"]))
        kids = node.get("/K")
        if kids is None or depth > 40:
            return
        for kid in kids if isinstance(kids, list) else [kids]:
            kid = kid.get_object() if hasattr(kid, "get_object") else kid
            if isinstance(kid, dict):
                walk(kid, depth + 1)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert {"/H1", "/H2", "/L", "/LI", "/P"} <= tags
    text = pdf_text(data)
    assert text.count("Niet ingevuld") >= 10  # every empty field says so


def test_the_typed_bsn_never_reaches_a_document(client):
    fill_all(client, pages=PAGES[:3])
    refused = submit(client, "/aanvraag/in-je-eigen-woorden", {"reason": "BSN 111222333"})
    assert refused.status_code == 200
    submit(client, "/aanvraag/in-je-eigen-woorden", {"reason": "Zonder nummer"})
    confirm(client)
    assert b"111222333" not in get_pdf(client, "voorbereiding")
    assert "111222333" not in pdf_text(get_pdf(client, "voorbereiding"))


def test_unknown_document_is_not_found(finished):
    assert finished.get("/aanvraag/document/iets-anders.pdf").status_code == 404
    assert finished.get("/aanvraag/afdrukken/iets-anders").status_code == 404


def test_a_document_is_made_from_the_confirmed_draft_alone_without_a_request(app):
    from flask import has_request_context

    fields = {**ABOUT_YOU, "postcode": "3511 AB", **HELPER, **OWN_WORDS}
    with app.app_context():
        assert not has_request_context()
        draft = confirmed_draft(fields, snapshot_of(SELFCHECK_ANSWERS), date(2026, 11, 28))
        text = re.sub(r"\s+", " ", pdf_text(documents.pdf("voorbereiding", draft, "nl")))
        letter = re.sub(r"\s+", " ", pdf_text(documents.pdf("brief-gemeente", draft, "en")))
    assert f"Voornamen {NAME}" in text and "Postcode 3511 AB" in text
    assert "Gemaakt op 28 november 2026." in text
    assert "Ik kan 1 uur achter elkaar werken." in text and "Uitkomst van de zelftest" in text
    assert "Joost Mentorman" in letter and "reading copy" in letter


def test_a_draft_that_is_not_confirmed_gives_no_document(app):
    with app.app_context(), pytest.raises(documents.NotConfirmed):
        documents.pdf("voorbereiding", Draft(fields={"given_names": NAME}, done=list(SLUGS)), "nl")


def test_the_snapshot_keeps_answers_outcome_and_rules_version():
    snapshot = snapshot_of(SELFCHECK_ANSWERS)
    assert isinstance(snapshot, SelfcheckSnapshot)
    assert snapshot.outcome == "beschut_werk_likely"
    assert snapshot.answers["needs_supervision"] == "yes"
    from app.selfcheck import rules

    assert snapshot.rules_version == rules.RULES_VERSION
    stored = confirmed_draft({}, snapshot).to_stored()
    again = Draft.from_stored(stored)
    assert again.confirmed and again.selfcheck == snapshot and again.confirmed_on == date(2026, 12, 1)
