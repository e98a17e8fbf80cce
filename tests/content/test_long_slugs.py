"""Issue 14.5: a content slug of 251 or more characters gave a 500 (file name too long)."""

import pytest

PREFIXES = ["/voor-jou/", "/professionals/", "/professionals/informatiebladen/", "/en/voor-jou/",
            "/en/professionals/informatiebladen/"]


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("length", [101, 251, 300, 5000])
def test_a_very_long_slug_is_not_found(client, prefix, length):
    response = client.get(prefix + "a" * length)
    assert response.status_code == 404


def test_a_long_sheet_pdf_name_is_not_found(client):
    assert client.get("/professionals/informatiebladen/" + "a" * 300 + ".pdf").status_code == 404
