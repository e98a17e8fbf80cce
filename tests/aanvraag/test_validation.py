"""The checks for what a person types, as readable cases (pure functions, no Flask)."""

from datetime import date

import pytest

from app.aanvraag import validation as v

TODAY = date(2026, 11, 28)


@pytest.mark.parametrize(("typed", "expected"), [
    ("1234AB", "1234 AB"), ("1234 ab", "1234 AB"), (" 1234  ab ", "1234 AB"), ("3511ab", "3511 AB"),
])
def test_postcode_is_normalised(typed, expected):
    assert v.check_postcode(typed) == expected


@pytest.mark.parametrize("typed", ["1234", "12345AB", "0123 AB", "1234 A", "ABCD 12", "1234 SA", ""])
def test_postcode_that_is_not_dutch_is_refused(typed):
    with pytest.raises(v.Invalid) as error:
        v.check_postcode(typed)
    assert error.value.code == "postcode"


@pytest.mark.parametrize("typed", [
    "0612345678", "06 12345678", "06-12345678", "030 123 45 67", "(030) 1234567", "+31 6 12345678",
    "+31 (0)6 12345678", "0031612345678", "+31201234567",
])
def test_dutch_phone_numbers_are_accepted(typed):
    assert v.check_phone(typed) == typed.strip()


@pytest.mark.parametrize("typed", [
    "12345", "061234567", "06123456789", "+44 20 7946 0958", "0044 20 7946 0958", "06 1234 567a", "bel me",
    "+31 06 12345678", "0012345678",
])
def test_other_phone_numbers_are_refused(typed):
    with pytest.raises(v.Invalid) as error:
        v.check_phone(typed)
    assert error.value.code == "phone"


@pytest.mark.parametrize("typed", ["naam@voorbeeld.nl", "a.b+c@sub.example.org", " sam@x.nl "])
def test_email_is_accepted(typed):
    assert v.check_email(typed) == typed.strip()


@pytest.mark.parametrize("typed", ["naam", "naam@", "@voorbeeld.nl", "naam@voorbeeld", "na am@x.nl", "a@b@c.nl"])
def test_email_is_refused(typed):
    with pytest.raises(v.Invalid) as error:
        v.check_email(typed)
    assert error.value.code == "email"


def test_a_real_date_in_the_past_is_accepted():
    assert v.check_birth_date("15", "3", "2007", TODAY) == date(2007, 3, 15)
    assert v.check_birth_date("29", "2", "2004", TODAY) == date(2004, 2, 29)
    assert v.check_birth_date("28", "11", "2026", TODAY) == TODAY


@pytest.mark.parametrize(("day", "month", "year", "code"), [
    ("", "", "", "date_missing"),
    ("15", "", "2007", "date_incomplete"),
    ("31", "2", "2007", "date_invalid"),
    ("29", "2", "2005", "date_invalid"),
    ("15", "13", "2007", "date_invalid"),
    ("15", "3", "07", "date_invalid"),
    ("vijf", "3", "2007", "date_invalid"),
    ("1", "1", "1850", "date_invalid"),
    ("29", "11", "2026", "date_future"),
    ("1", "1", "2030", "date_future"),
])
def test_a_date_that_is_not_real_or_in_the_future_is_refused(day, month, year, code):
    with pytest.raises(v.Invalid) as error:
        v.check_birth_date(day, month, year, TODAY)
    assert error.value.code == code


@pytest.mark.parametrize("text", [
    "111222333", "Mijn BSN is 111222333.", "bsn: 1112.22.333", "123456782", "1234 56 782", "nummer 123-456-782",
    "Laan 1 111222333", "06 12345678 111222333",
])
def test_a_bsn_in_free_text_is_found(text):
    assert v.contains_bsn(text)


@pytest.mark.parametrize("text", [
    "123456789",  # 9 digits, but fails the 11-proof
    "06 12345678", "+31 6 12345678", "0612345678", "1234 AB", "2019 tot 2024", "12345678", "1234567890",
    "Ik werkte 3 maanden, 4 uur per dag.", "",
])
def test_other_numbers_are_not_taken_for_a_bsn(text):
    assert not v.contains_bsn(text)


def test_length_counts_a_line_break_as_one_character():
    text = v.normalise_text("a\r\n" * 1000)
    assert len(text) == 1999
    assert v.check_length("x" * 2000) == "x" * 2000
    with pytest.raises(v.Invalid) as error:
        v.check_length("x" * 2001)
    assert error.value.details == {"limit": 2000, "length": 2001, "over": 1}
