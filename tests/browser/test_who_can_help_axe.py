"""axe-core on "Wie kan je helpen?" and the accessibility statement, in both languages."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/wie-kan-je-helpen", "/en/wie-kan-je-helpen", "/toegankelijkheid",
                                  "/en/toegankelijkheid"])
def test_no_axe_violations(live_server, page, path):
    response = page.goto(live_server + path)
    assert response.status == 200
    assert_no_axe_violations(page, live_server + path)


def test_the_footer_link_is_a_44px_target(live_server, page):
    page.goto(live_server + "/wie-kan-je-helpen")
    box = page.locator(".site-footer__links a[href='/wie-kan-je-helpen']").bounding_box()
    assert box["height"] >= 44
