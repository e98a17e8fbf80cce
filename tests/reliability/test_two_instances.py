"""Two gunicorn instances sharing PostgreSQL and Redis: a person may land on either at every step."""

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from tests.reliability.conftest import instance_env
from tests.reliability.servers import Gunicorn
from tests.reliability.visitor import Visitor
from tests.reliability.walks import (
    Walk,
    answer_selfcheck,
    answers_shown,
    fill_request,
    finish_selfcheck,
    other_path,
)


@pytest.fixture
def two_instances(tmp_path, postgres_schema, redis_prefix):
    admin, schema, url = postgres_schema
    env = instance_env(url, redis_prefix, RATELIMIT_API="5 per minute")
    first = Gunicorn(env, workers=1, log_path=tmp_path / "a.log")
    second = Gunicorn(env, workers=1, log_path=tmp_path / "b.log")
    try:
        first.wait_until_up()
        second.wait_until_up()
        yield first, second, admin, schema
    finally:
        first.stop()
        second.stop()


def test_two_instances_share_the_walks_and_the_rate_limit(two_instances):
    first, second, admin, schema = two_instances
    servers = [first.url, second.url]

    # The self-check, alternating at every request: the answers travel in the signed cookie.
    walk = Walk(Visitor(), servers)
    answers = answer_selfcheck(walk)
    assert len(answers) >= 8
    assert answers_shown(walk, answers) == answers
    result = finish_selfcheck(walk)
    assert "<h1" in result.text

    # A second person takes other branches, starting on the other instance.
    other = Walk(Visitor(), [second.url, first.url])
    other_answers = answer_selfcheck(other, other_path)
    assert other_answers != answers
    assert answers_shown(other, other_answers) == other_answers

    # Both instances counted into the one database.
    with admin.connect() as connection:
        events = connection.execute(text(f'SELECT count(*) FROM "{schema}".usage_event')).scalar()
    assert events >= len(answers) + len(other_answers)

    # The request: the draft lives in PostgreSQL, its key in the cookie; the PDF comes from either.
    request = Walk(Visitor(), servers)
    done = fill_request(request, "Alternatiefsma")
    link = next(part.split('"')[1] for part in done.split("href=")[1:] if ".pdf" in part.split('"')[1])
    for server in servers:
        pdf = request.visitor.get(server, link)
        assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
        text_of_pdf = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.body)).pages)
        assert "Alternatiefsma" in text_of_pdf

    # The API limit (5 per minute here) is counted in Redis, across both instances.
    client = Visitor()
    statuses = [client.get(servers[i % 2], "/api/v1/selfcheck").status for i in range(6)]
    assert statuses == [200] * 5 + [429]
    assert client.get(first.url, "/api/v1/selfcheck").status == 429
    limited = client.get(second.url, "/api/v1/selfcheck")
    assert limited.status == 429 and int(limited.headers["retry-after"]) > 0
