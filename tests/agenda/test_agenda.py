""""Zet in je agenda" (issue 16): the iCalendar file parses with the icalendar library and holds one
event per stage with dates counted from the given send date; a bad date gives a clear error in the
person's language with the typed values kept; nothing is stored."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from app.agenda.stages import KEYS, SendDateError, estimated_stages, parse_send_date
from tests.aanvraag.helpers import confirm, fill_all
from tests.support.forms import csrf_token
from tests.support.html import parse, text_of

PAGE = "/aanvraag/agenda"
TODAY = date(2026, 12, 1)


def prefix(lang):
    return "/en" if lang == "en" else ""


def post_date(client, lang, day, month, year, token=True):
    page = client.get(prefix(lang) + PAGE)
    data = {"sent_day": day, "sent_month": month, "sent_year": year}
    if token:
        data["csrf_token"] = csrf_token(page.get_data(as_text=True))
    return client.post(prefix(lang) + PAGE, data=data)


def events(body: bytes) -> list:
    calendar = Calendar.from_ical(body)
    return [component for component in calendar.walk("VEVENT")]


# -- the dates (pure) --

def test_each_stage_has_one_date_counted_from_the_send_date():
    sent = date(2027, 3, 1)
    stages = estimated_stages(sent)
    assert [s.key for s in stages] == list(KEYS)
    days = {s.key: s.day for s in stages}
    assert days["ontvangst"] == sent + timedelta(days=5)
    assert days["advies"] == sent + timedelta(weeks=8)
    assert sent < days["gesprek"] < days["advies"]
    assert days["advies"] < days["besluit"] < days["plek"]
    assert days["bezwaar"] == days["besluit"]  # the 6 weeks count from the gemeente's letter


@pytest.mark.parametrize(("parts", "code"), [
    (("", "3", "2026"), "missing"),
    (("1", " ", "2026"), "missing"),
    (("31", "2", "2026"), "not_a_date"),
    (("1", "13", "2026"), "not_a_date"),
    (("één", "3", "2026"), "not_a_date"),
    (("1", "3", "26"), "not_a_date"),
    (("-1", "3", "2026"), "not_a_date"),
    (("1", "3", "99999"), "not_a_date"),
    (("٣", "3", "2026"), "not_a_date"),  # an Arabic-Indic digit is a digit to Python, not to us
    (("29", "11", "2025"), "too_early"),
    (("2", "1", "2027"), "too_late"),
])
def test_a_bad_send_date_gives_its_reason(parts, code):
    with pytest.raises(SendDateError) as caught:
        parse_send_date(*parts, today=TODAY)
    assert caught.value.code == code


def test_a_good_send_date_is_read_with_spaces_and_leading_zeros():
    assert parse_send_date(" 01 ", "03", "2026", today=TODAY) == date(2026, 3, 1)
    assert parse_send_date("1", "12", "2026", today=TODAY) == TODAY
    assert parse_send_date("1", "1", "2027", today=TODAY) == date(2027, 1, 1)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=8), st.text(max_size=8), st.text(max_size=8))
def test_any_typed_text_is_a_date_or_a_reason_never_a_crash(day, month, year):
    try:
        sent = parse_send_date(day, month, year, today=TODAY)
    except SendDateError as error:
        assert error.code in {"missing", "not_a_date", "too_early", "too_late"}
    else:
        assert TODAY - timedelta(days=366) <= sent <= TODAY + timedelta(days=31)


# -- the web form and the file --

@pytest.mark.parametrize(("lang", "summary", "name"), [
    ("nl", "Brief van UWV: je aanvraag is aangekomen", "na-je-aanvraag.ics"),
    ("en", "Letter from UWV: your request has arrived", "after-your-request.ics"),
])
def test_the_file_parses_and_holds_one_event_per_stage_from_the_send_date(client, lang, summary, name):
    sent = date.today() - timedelta(days=3)
    response = post_date(client, lang, str(sent.day), str(sent.month), str(sent.year))
    assert response.status_code == 200
    assert response.mimetype == "text/calendar"
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}"'
    assert response.headers["Cache-Control"] == "no-store"
    found = events(response.data)
    assert len(found) == len(KEYS) == 6
    expected = [s.day for s in estimated_stages(sent)]
    assert [e.decoded("dtstart") for e in found] == expected
    assert all(e.decoded("dtend") == e.decoded("dtstart") + timedelta(days=1) for e in found)
    assert len({str(e["uid"]) for e in found}) == 6
    assert str(found[0]["summary"]) == summary
    url = f"{prefix(lang)}/voor-jou/na-je-vraag"
    assert all(str(e["url"]).endswith(url) for e in found)
    assert all(len(e.walk("VALARM")) == 1 for e in found)


def test_nothing_is_stored(client):
    response = post_date(client, "nl", "25", "11", "2026")
    assert response.mimetype == "text/calendar"
    with client.session_transaction() as session:
        # The CSRF token is random hex and may hold "25" by chance; everything else must not.
        stored = {key: value for key, value in session.items() if key != "csrf_token"}
        assert "25" not in repr(stored)
        assert not any("agenda" in key or "sent" in key for key in session)


@pytest.mark.parametrize(("lang", "message", "title"), [
    ("nl", "Deze datum bestaat niet.", "Fout:"),
    ("en", "This date does not exist.", "Error:"),
])
def test_a_bad_date_shows_the_form_again_with_the_typed_values_and_a_clear_error(client, lang, message, title):
    response = post_date(client, lang, "31", "2", "twintig")
    assert response.status_code == 200
    root = parse(response.get_data(as_text=True))
    assert text_of(root.find(".//title")).startswith(title)
    assert message in text_of(root.find(".//div[@class='error-summary']"))
    assert root.find(".//input[@name='sent_day']").get("value") == "31"
    assert root.find(".//input[@name='sent_month']").get("value") == "2"
    assert root.find(".//input[@name='sent_year']").get("value") == "twintig"
    assert root.find(".//input[@name='sent_day']").get("aria-invalid") == "true"
    link = root.find(".//div[@class='error-summary']//a").get("href")
    assert root.find(f".//*[@id='{link[1:]}']") is not None


def test_without_a_valid_token_the_form_comes_back_with_the_typed_values(client):
    response = post_date(client, "en", "3", "4", "2026", token=False)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert 'value="3"' in html and 'value="4"' in html and 'value="2026"' in html
    assert "The page was open for a long time" in html


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_klaar_page_has_the_form_and_links_to_what_happens_after_the_request(client, lang):
    fill_all(client, lang)
    confirm(client, lang)
    response = client.get(prefix(lang) + "/aanvraag/klaar")
    assert response.status_code == 200
    root = parse(response.get_data(as_text=True))
    form = root.find(".//form[@data-action='agenda']")
    assert form is not None and form.get("method") == "post"
    assert form.get("action") == prefix(lang) + PAGE
    assert {i.get("name") for i in form.findall(".//input")} >= {"csrf_token", "sent_day", "sent_month", "sent_year"}
    assert root.find(f".//a[@href='{prefix(lang)}/voor-jou/na-je-vraag']") is not None
    # The form on the klaar page works like the one on its own page.
    token = csrf_token(response.get_data(as_text=True))
    answer = client.post(prefix(lang) + PAGE, data={"csrf_token": token, "sent_day": str(date.today().day),
                                                    "sent_month": str(date.today().month),
                                                    "sent_year": str(date.today().year)})
    assert answer.mimetype == "text/calendar" and len(events(answer.data)) == 6
