"""Issue 14.7: feedback is stored only for pages that exist, not for /voor-jou/bestaat-niet."""

import pytest

from tests.monitoring.test_feedback import entries
from tests.support.forms import csrf_token


@pytest.mark.parametrize("page", ["/voor-jou/bestaat-niet", "/professionals/bestaat-niet",
                                  "/professionals/informatiebladen/bestaat-niet", "/voor-jou/" + "a" * 150])
def test_no_feedback_for_a_page_that_does_not_exist(app, client, page):
    html = client.get("/voor-jou").get_data(as_text=True)
    response = client.post("/reactie", data={"pagina": page, "nuttig": "ja", "csrf_token": csrf_token(html)})
    assert response.status_code == 400
    assert entries(app) == []


def test_feedback_for_a_page_that_exists_is_stored(app, client):
    slug = next(path for path in ("/voor-jou/wat-is-beschut-werk",) if client.get(path).status_code == 200)
    html = client.get(slug).get_data(as_text=True)
    response = client.post("/reactie", data={"pagina": slug, "nuttig": "ja", "csrf_token": csrf_token(html)})
    assert response.status_code == 302
    assert [entry.page for entry in entries(app)] == [slug]
