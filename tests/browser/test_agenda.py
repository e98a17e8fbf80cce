""""Zet in je agenda" in a real browser (issue 16): axe on the form and on its error state, in both
languages; the button downloads a calendar file that the icalendar library reads."""

from datetime import date

import pytest
from icalendar import Calendar

from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_form_and_its_error_state_pass_axe_and_a_good_date_downloads_the_file(live_server, browser, lang):
    context = browser.new_context(viewport={"width": 390, "height": 844}, accept_downloads=True)
    page = context.new_page()
    try:
        page.goto(live_server + ("/en" if lang == "en" else "") + "/aanvraag/agenda")
        assert_no_axe_violations(page, f"agenda ({lang})")
        page.fill("#verstuurd-sent_day", "31")
        page.fill("#verstuurd-sent_month", "2")
        page.fill("#verstuurd-sent_year", "2026")
        with page.expect_navigation():
            page.click('[data-action="agenda-download"]')
        assert page.locator(".error-summary").is_visible()
        assert page.input_value("#verstuurd-sent_day") == "31"
        assert_no_axe_violations(page, f"agenda with an error ({lang})")
        today = date.today()
        page.fill("#verstuurd-sent_day", str(today.day))
        page.fill("#verstuurd-sent_month", str(today.month))
        page.fill("#verstuurd-sent_year", str(today.year))
        with page.expect_download() as info:
            page.click('[data-action="agenda-download"]')
        body = open(info.value.path(), "rb").read()  # noqa: SIM115 - a file playwright removes itself
        assert len(Calendar.from_ical(body).walk("VEVENT")) == 6
    finally:
        context.close()
