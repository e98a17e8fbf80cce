"""The figures page on a phone (390 px wide, issue 15 point 7): each figure once, far shorter than
the 12,658 px it was with this data; opening a table still works and passes axe."""

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.browser.test_monitoring_axe import figures_server  # noqa: F401 - the module's live server

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_figures_page_is_short_on_a_phone_and_a_table_opens(figures_server, page, prefix):  # noqa: F811
    response = page.goto(figures_server + prefix + "/professionals/cijfers")
    assert response.status == 200
    height = page.evaluate("() => document.documentElement.scrollHeight")
    print(f"figures page at 390 px: {height} px")
    # 12,658 px before (each chart and its table one under the other), with this same data.
    assert height < 9000, f"{height} px long at 390 px wide"
    assert page.locator("details.figure-pair__table table").first.is_hidden()
    page.locator("details.figure-pair__table > summary").first.click()
    assert page.locator("details.figure-pair__table table").first.is_visible()
    assert_no_axe_violations(page)
