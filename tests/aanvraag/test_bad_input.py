"""Every bad-input rule through the pages: error summary, message at the field, "Fout: " title, nothing lost."""

import re

import pytest

from tests.aanvraag.helpers import ABOUT_YOU, HELPER, OWN_WORDS, PAGES, fill_all, lang_prefix, submit
from tests.support.html import parse, text_of

pytestmark = pytest.mark.database

VALID_BSN = "111222333"


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


def summary_links(html: str) -> list[tuple[str, str]]:
    root = parse(html)
    summary = next(el for el in root.iter("div") if el.get("class") == "error-summary")
    assert summary.get("role") == "alert" and summary.get("tabindex") == "-1" and "autofocus" in summary.attrib
    return [(a.get("href"), text_of(a)) for a in summary.iter("a")]


def assert_error_page(response, lang: str, fields: dict[str, str]):
    """fields: {input id: a word of the expected message}."""
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert title_of(html).startswith("Error: " if lang == "en" else "Fout: ")
    links = dict(summary_links(html))
    for field_id, words in fields.items():
        assert f"#{field_id}" in links, f"no summary link to {field_id}: {links}"
        assert words in links[f"#{field_id}"], links[f"#{field_id}"]
        # The same message at the field.
        group = GROUPS.get(field_id, field_id)
        at_field = next((el for el in parse(html).iter() if el.get("id") == f"{group}-error"), None)
        assert at_field is not None and words in text_of(at_field), f"no message at {group}"
    return html


# Inputs that share one message: the date's three boxes and the radio buttons.
GROUPS = {"birth_date-day": "birth_date", "school_type-pro": "school_type", "helper_role-parent": "helper_role"}


def step_one(client, lang="nl", **changes):
    return submit(client, "/aanvraag/over-jou", {**ABOUT_YOU, **changes}, lang)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_required_fields_on_over_jou(client, lang):
    empty = {name: "" for name in ABOUT_YOU}
    html = assert_error_page(submit(client, "/aanvraag/over-jou", empty, lang), lang, {
        "given_names": "first names" if lang == "en" else "voornamen",
        "surname": "surname" if lang == "en" else "achternaam",
        "birth_date-day": "date of birth" if lang == "en" else "geboortedatum",
        "street": "street" if lang == "en" else "straat",
        "postcode": "postcode",
        "city": "town" if lang == "en" else "woonplaats",
        "municipality": "municipality" if lang == "en" else "gemeente",
    })
    # Phone and e-mail are optional: no error for them.
    assert 'id="phone-error"' not in html and 'id="email-error"' not in html


@pytest.mark.parametrize(("field", "typed", "words"), [
    ("postcode", "12345", "4 cijfers en 2 letters"),
    ("phone", "12345", "Nederlands telefoonnummer"),
    ("phone", "+44 20 7946 0958", "Nederlands telefoonnummer"),
    ("email", "sam-at-voorbeeld.nl", "e-mailadres"),
])
def test_bad_postcode_phone_and_email_are_refused_and_kept(client, field, typed, words):
    html = assert_error_page(step_one(client, **{field: typed}), "nl", {field: words})
    assert f'value="{typed}"' in html
    assert f'value="{ABOUT_YOU["given_names"]}"' in html  # the rest is still there


@pytest.mark.parametrize(("day", "month", "year", "words"), [
    ("31", "2", "2007", "bestaat niet"),
    ("15", "", "2007", "helemaal"),
    ("1", "1", "2099", "toekomst"),
    ("a", "b", "c", "bestaat niet"),
])
def test_bad_birth_dates_are_refused_and_kept(client, day, month, year, words):
    html = assert_error_page(step_one(client, **{"birth_date-day": day, "birth_date-month": month,
                                                 "birth_date-year": year}), "nl", {"birth_date-day": words})
    assert f'name="birth_date-day" value="{day}"' in html
    assert f'name="birth_date-year" value="{year}"' in html
    assert 'id="birth_date-error"' in html


def test_a_valid_postcode_is_stored_normalised(client):
    fill_all(client)
    html = client.get("/aanvraag/over-jou").get_data(as_text=True)
    assert 'value="3511 AB"' in html


BSN_FIELDS = [
    ("/aanvraag/over-jou", "given_names"), ("/aanvraag/over-jou", "street"), ("/aanvraag/over-jou", "city"),
    ("/aanvraag/school-en-werk", "school_name"), ("/aanvraag/school-en-werk", "experience-2-tasks"),
    ("/aanvraag/wie-helpt-je", "helper_organisation"), ("/aanvraag/in-je-eigen-woorden", "reason"),
    ("/aanvraag/in-je-eigen-woorden", "support_examples"),
]


@pytest.mark.parametrize(("path", "field"), BSN_FIELDS)
def test_a_bsn_typed_into_any_free_text_field_is_refused_with_the_reason(client, path, field):
    fill_all(client)
    data = dict(next(d for p, d in PAGES if p == path))
    data[field] = f"Mijn nummer is {VALID_BSN}, zie hieronder"
    response = submit(client, path + "?wijzig=1", data)
    html = assert_error_page(response, "nl", {field: "burgerservicenummer (BSN)"})
    assert "Deze website bewaart geen BSN" in html
    # Nothing else is lost, and nothing was saved.
    other = next((k for k, value in data.items() if k != field and value and k != "school_type"), None)
    if other:
        assert str(data[other]).replace("&", "&amp;") in html
    check = client.get("/aanvraag/controleren").get_data(as_text=True)
    assert VALID_BSN not in check


def test_the_bsn_message_is_in_english_on_english_pages(client):
    response = submit(client, "/aanvraag/over-jou", {**ABOUT_YOU, "street": f"Laan 1 {VALID_BSN}"}, "en")
    assert_error_page(response, "en", {"street": "citizen service number"})


def test_helper_consent_without_a_helper_is_refused(client):
    fill_all(client, pages=PAGES[:2])
    response = submit(client, "/aanvraag/wie-helpt-je", {"helper_consent": "y", "helper_phone": "0612345678"})
    html = assert_error_page(response, "nl", {"helper_consent": "naam van je helper"})
    assert 'name="helper_consent" value="y" checked' in html
    assert 'value="0612345678"' in html


def test_helper_phone_and_email_are_checked(client):
    fill_all(client, pages=PAGES[:2])
    response = submit(client, "/aanvraag/wie-helpt-je",
                      {**HELPER, "helper_phone": "123", "helper_email": "geen-adres"})
    assert_error_page(response, "nl", {"helper_phone": "telefoonnummer", "helper_email": "e-mailadres"})


def test_unknown_choice_values_are_refused(client):
    fill_all(client, pages=PAGES[:1])
    response = submit(client, "/aanvraag/school-en-werk", {"school_type": "universiteit"})
    assert_error_page(response, "nl", {"school_type-pro": "soorten school"})
    fill_all(client, pages=PAGES[:2])
    response = submit(client, "/aanvraag/wie-helpt-je", {"helper_role": "baas"})
    assert_error_page(response, "nl", {"helper_role-parent": "helper"})


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_2000_characters_is_the_limit_and_the_text_over_it_is_kept(client, lang):
    fill_all(client, lang, pages=PAGES[:3])
    long_text = "a" * 2001
    response = submit(client, "/aanvraag/in-je-eigen-woorden", {**OWN_WORDS, "support_examples": long_text}, lang)
    html = assert_error_page(response, lang, {"support_examples": "2001"})
    assert long_text in html
    assert OWN_WORDS["reason"] in html
    # A counter that works without JavaScript: the limit in the hint and the count under the field.
    assert ("up to 2000 characters" if lang == "en" else "maximaal 2000 tekens") in html
    assert ("2001 of 2000" if lang == "en" else "2001 van de 2000") in html


def test_line_breaks_count_as_one_character(client):
    fill_all(client, pages=PAGES[:3])
    text = "ab\r\n" * 666 + "ab"  # 2000 characters when a line break is one
    response = submit(client, "/aanvraag/in-je-eigen-woorden", {"reason": text})
    assert response.status_code == 303


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_expired_csrf_token_keeps_what_was_typed(client, lang):
    prefix = lang_prefix(lang)
    client.get(prefix + "/aanvraag/over-jou")
    response = client.post(prefix + "/aanvraag/over-jou", data={**ABOUT_YOU, "csrf_token": "verlopen"})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert title_of(html).startswith("Error: " if lang == "en" else "Fout: ")
    assert ("not been saved yet" if lang == "en" else "nog niet bewaard") in html
    assert ("press the button again" if lang == "en" else "druk nog een keer op de knop") in html
    for name in ("given_names", "surname", "street", "city", "phone", "email"):
        assert f'value="{ABOUT_YOU[name]}"' in html
    # A fresh token on the page: pressing the button again works.
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    again = client.post(prefix + "/aanvraag/over-jou", data={**ABOUT_YOU, "csrf_token": token})
    assert again.status_code == 303


def test_a_missing_csrf_token_on_the_long_text_page_keeps_2000_characters(client):
    fill_all(client, pages=PAGES[:3])
    text = "b" * 2000
    response = client.post("/aanvraag/in-je-eigen-woorden", data={"reason": text, "support_examples": text})
    assert response.status_code == 400
    assert response.get_data(as_text=True).count(text) == 2


def test_confirm_without_a_valid_token_shows_check_answers_again(client):
    fill_all(client)
    response = client.post("/aanvraag/controleren", data={"csrf_token": "x"})
    assert response.status_code == 400
    assert title_of(response.get_data(as_text=True)).startswith("Fout: ")
    assert client.get("/aanvraag/klaar").status_code == 303


def test_no_input_gives_a_server_error(client):
    fill_all(client, pages=PAGES[:1])
    for data in [{"birth_date-day": "9" * 400}, {"experience-7-place": "x"}, {"school_type": ["pro", "vso"]},
                 {"given_names": "\x00\x1f"}, {"postcode": "１２３４ＡＢ"}, {"phone": "+" * 50}]:
        response = submit(client, "/aanvraag/school-en-werk", data)
        assert response.status_code in (200, 303)
        response = step_one(client, **{k: v for k, v in data.items() if k in ABOUT_YOU or k.startswith("birth")})
        assert response.status_code in (200, 303)


def test_short_fields_have_a_length_limit_and_keep_the_text(client):
    long_name = "Anna" * 60  # 240 characters; the limit is 200
    html = assert_error_page(step_one(client, given_names=long_name), "nl", {"given_names": "maximaal 200 tekens"})
    assert f'value="{long_name}"' in html
