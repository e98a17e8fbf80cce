"""Issue 14.7 and 14.8: the API echoes an unknown question id cut short; 405s say what is allowed."""

import pytest


def test_an_unknown_question_id_is_echoed_cut_short(client):
    long_id = "x" * 100_000
    response = client.post("/api/v1/selfcheck/evaluate", json={"answers": {long_id: "yes"}})
    assert response.status_code == 422
    error = response.get_json()["errors"][0]
    assert error["question"] == long_id[:64]
    assert len(response.get_data()) < 1000


@pytest.mark.parametrize(("path", "method", "allowed"), [
    ("/api/v1/selfcheck", "delete", {"GET", "HEAD", "OPTIONS"}),
    ("/api/v1/selfcheck/evaluate", "get", {"POST", "OPTIONS"}),
    ("/api/v1/openapi.json", "put", {"GET", "HEAD", "OPTIONS"}),
    ("/zelftest/uitslag", "delete", {"GET", "HEAD", "OPTIONS"}),
])
def test_a_405_carries_allow(client, path, method, allowed):
    response = getattr(client, method)(path)
    assert response.status_code == 405
    assert {m.strip() for m in response.headers["Allow"].split(",")} == allowed
