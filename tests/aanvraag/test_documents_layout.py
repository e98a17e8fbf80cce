"""The letter to the gemeente and the preparation document as a person holds them (request.md):
the text read page by page from the PDF, for ordinary answers and for the longest the form allows,
in the document language and the English reading copy."""

import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from app.aanvraag import documents
from app.aanvraag.selfcheck_link import snapshot_of
from app.aanvraag.validation import MAX_FREE_TEXT
from tests.aanvraag.helpers import ABOUT_YOU, HELPER, NAME, SCHOOL, SELFCHECK_ANSWERS, SURNAME, confirmed_draft

DAY = date(2026, 12, 1)
FULL_NAME = f"{NAME} {SURNAME}"


def sentences(text: str, length: int) -> str:
    """Ordinary first-person text of about `length` characters, cut at a word."""
    words = (text + " ") * (length // len(text) + 1)
    return words[:length].rsplit(" ", 1)[0]


ORDINARY = {
    **ABOUT_YOU, "postcode": "3511 AB", **SCHOOL, **HELPER,
    "reason": sentences("Op stage ging het goed als iemand naast me stond. Alleen raak ik snel de weg kwijt.", 600),
    "support_examples": sentences("Iemand legt elke taak stap voor stap uit. Ik werk het best in een rustige ruimte.",
                                  600),
}
LONGEST = {
    **ORDINARY,
    "school_name": sentences("Praktijkschool De Bolder, afdeling Wonen en Werken", 200),
    "school_years": sentences("van augustus 2019 tot en met juli 2025", 100),
    "reason": sentences(ORDINARY["reason"], MAX_FREE_TEXT),
    "support_examples": sentences(ORDINARY["support_examples"], MAX_FREE_TEXT),
    **{f"experience-{n}-{part}": sentences(text, limit) for n in range(3) for part, text, limit in (
        ("place", "Bakkerij Brood en Zo, winkel aan de Amsterdamsestraatweg in Utrecht", 200),
        ("tasks", "Broodjes inpakken, de vitrine vullen en de winkel schoonmaken.", 500),
        ("period", "van maart 2023 tot en met juni 2024, twee dagen per week", 100),
    )},
}
INPUTS = {"ordinary": ORDINARY, "longest": LONGEST}


def draft_of(fields, answers=SELFCHECK_ANSWERS):
    return confirmed_draft(fields, snapshot_of(answers) if answers else None, DAY)


def pages_of(app, kind, fields, lang="nl", answers=SELFCHECK_ANSWERS):
    with app.app_context():
        data = documents.pdf(kind, draft_of(fields, answers), lang)
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(data)).pages]


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_letter_fits_one_a4_for_ordinary_answers_and_two_for_the_longest(app, lang):
    assert len(pages_of(app, "brief-gemeente", ORDINARY, lang)) == 1
    assert len(pages_of(app, "brief-gemeente", LONGEST, lang)) <= 2


@pytest.mark.parametrize("size", ["ordinary", "longest"])
def test_the_letter_has_the_parts_of_a_dutch_letter_in_order(app, size):
    text = " ".join(pages_of(app, "brief-gemeente", INPUTS[size]))
    parts = [
        FULL_NAME, "Lindelaan 12", "3511 AB Utrecht", "Burgerservicenummer (BSN): ....",  # sender
        "Aan het college van burgemeester en wethouders van de gemeente Utrecht",  # addressee
        "Utrecht, 1 december 2026",  # place and date
        "Betreft: verzoek om beschut werk",
        "Geachte heer, mevrouw,",
        "Ik vraag u om mij beschut werk aan te bieden",  # body, first person
        "Op stage ging het goed als iemand naast me stond.",  # the person's own words
        "Met vriendelijke groet,",
    ]
    positions = [text.find(part) for part in parts]
    assert -1 not in positions, [p for p, at in zip(parts, positions, strict=True) if at == -1]
    assert positions == sorted(positions)
    assert text.rstrip().endswith(FULL_NAME)  # the name under the line to sign


def test_the_letter_html_has_a_signature_line_between_closing_and_name(app):
    with app.app_context():
        html = documents.standalone_html("brief-gemeente", draft_of(ORDINARY), "nl")
    order = re.findall(r'data-part="([a-z-]+)"', html)
    assert order == ["sender", "addressee", "place-date", "subject", "salutation", "body", "closing", "signature",
                     "name"]


@pytest.mark.parametrize("size", ["ordinary", "longest"])
def test_the_dutch_letter_is_in_the_first_person_without_second_person_forms(app, size):
    text = " ".join(pages_of(app, "brief-gemeente", INPUTS[size]))
    found = re.findall(r"\b(je|jij|jou|jouw|jullie)\b", text, re.IGNORECASE)
    assert not found, found
    assert "Ik vraag u" in text and "Ik heb de zelftest" in text
    assert "Beschut werk past misschien bij je" not in text  # the result's own words speak to the reader


def test_the_english_reading_copy_of_the_letter_speaks_as_the_person(app):
    text = " ".join(pages_of(app, "brief-gemeente", ORDINARY, "en"))
    assert not re.findall(r"\byour\b", text, re.IGNORECASE)
    assert "I ask you to offer me sheltered work" in text and "reading copy" in text


def test_the_letter_leaves_out_what_was_not_filled_in(app):
    bare = {key: ABOUT_YOU[key] for key in ("given_names", "surname", "street", "postcode", "city", "municipality")}
    text = " ".join(pages_of(app, "brief-gemeente", bare, answers=None))
    assert "Niet ingevuld" not in text and "Not filled in" not in text
    for absent in ("Mijn school", "Werk of stage", "zelftest", "Ik vraag dit omdat", "helpt mij"):
        assert absent not in text, absent
    assert "Met vriendelijke groet," in text


def test_the_letter_names_the_helper_only_with_consent(app):
    with_consent = " ".join(pages_of(app, "brief-gemeente", ORDINARY))
    without = " ".join(pages_of(app, "brief-gemeente", {**ORDINARY, "helper_consent": ""}))
    assert "Joost Mentorman, mentor, De Bolder helpt mij" in with_consent and "030 1234567" in with_consent
    assert "Joost Mentorman" not in without


def test_a_positive_advice_is_named_in_the_letter(app):
    answers = {"role": "self", "age": "16_or_older", "situation": "school", "school_type": "pro",
               "previous_advice": "positive"}
    with app.app_context():
        if snapshot_of(answers) is None:
            pytest.fail("the has_positive_advice walk is no longer complete: update this test")
    text = " ".join(pages_of(app, "brief-gemeente", ORDINARY, answers=answers))
    assert "Ik heb al een positief advies beschut werk van UWV." in text
    assert "Wilt u UWV vragen" not in text


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", ["ordinary", "longest"])
def test_every_page_of_the_preparation_document_has_name_date_and_page_number(app, lang, size):
    pages = pages_of(app, "voorbereiding", INPUTS[size], lang)
    made = "1 december 2026" if lang == "nl" else "December 1, 2026"
    for number, text in enumerate(pages, start=1):
        label = f"pagina {number} van {len(pages)}" if lang == "nl" else f"page {number} of {len(pages)}"
        assert FULL_NAME in text, f"page {number}: no name"
        assert made in text, f"page {number}: no date"
        assert label in text, f"page {number}: no {label!r}"
        words = len(text.split())
        assert words >= 30, f"page {number} holds only {words} words"
    last = pages[-1]
    assert ("Wat gebeurt er daarna?" if lang == "nl" else "What happens next?") in last  # not the signature alone


def test_the_preparation_document_page_counts(app):
    # The figures in the report: 4 pages for ordinary answers, at most 6 for the longest.
    assert len(pages_of(app, "voorbereiding", ORDINARY)) <= 4
    assert len(pages_of(app, "voorbereiding", LONGEST)) <= 6


def test_the_attachment_checklist_is_the_one_uwv_gives(app):
    text = " ".join(pages_of(app, "voorbereiding", ORDINARY))
    for item in ["huisarts of je specialist", "orthopedagoog", "psycholoog", "Medische indicaties", "Stageverslagen",
                 "Schoolrapporten", "advies van je school", "re-integratietraject", "jobcoach of een andere begeleider",
                 "cv", "Wmo-indicatie", "woonbegeleiding", "toelaatbaarheidsverklaring (TLV)",
                 "Zet je naam en je BSN op elk papier"]:
        assert item in text, item


@pytest.mark.parametrize("kind", ["voorbereiding"])
def test_the_timeline_counts_from_uwvs_receipt_and_gives_the_date_as_an_estimate(app, kind):
    text = " ".join(pages_of(app, kind, ORDINARY))
    assert "Binnen 8 weken nadat UWV je aanvraag heeft ontvangen" in text
    assert "naar schatting rond 26 januari 2027" in text and "uiterlijk" not in text
