"""PostgreSQL stops (or hangs): the information pages and the self-check keep working, the
anonymous counts are skipped and logged, and /health says the database is down."""

import json
import re

from sqlalchemy import text

from tests.reliability.visitor import Visitor
from tests.reliability.walks import Walk, answer_selfcheck, answers_shown, finish_selfcheck

INFORMATION_PAGES = ["/", "/en/", "/voor-jou", "/en/voor-jou", "/professionals", "/en/professionals",
                     "/toegankelijkheid", "/privacy", "/zelftest"]


def count_events(admin, schema) -> int:
    with admin.connect() as connection:
        return connection.execute(text(f'SELECT count(*) FROM "{schema}".usage_event')).scalar()


def health(server) -> tuple[int, dict]:
    response = Visitor().get(server.url, "/health")
    return response.status, json.loads(response.body)


def test_the_site_works_while_the_database_is_down(behind_proxy):
    server, proxy, admin, schema = behind_proxy
    assert health(server) == (200, {"status": "ok", "database": "up"})
    walk = Walk(Visitor(), [server.url])
    answer_selfcheck(walk)
    counted = count_events(admin, schema)
    assert counted > 0

    proxy.down()
    assert health(server) == (503, {"status": "degraded", "database": "down"})
    for path in INFORMATION_PAGES:
        response = Visitor().get(server.url, path)
        assert response.status == 200, f"{path}: {response.status}"
    overviews = Visitor().get(server.url, "/voor-jou").text + Visitor().get(server.url, "/professionals").text
    links = set(re.findall(r'href="(/(?:en/)?(?:voor-jou|professionals)/[^"#?]+)"', overviews))
    assert links, "no information subpages found"
    # The figures are counts from the database: without it they say so (503), never a 500.
    figures = {path for path in links if path.rstrip("/").endswith("/cijfers")}
    for path in sorted(links - figures):
        response = Visitor().get(server.url, path)
        assert response.status == 200, f"{path}: {response.status}"
    for path in figures:
        assert Visitor().get(server.url, path).status == 503

    walk = Walk(Visitor(), [server.url])
    answers = answer_selfcheck(walk)
    assert answers_shown(walk, answers) == answers
    assert finish_selfcheck(walk).status == 200
    log = server.log_text()
    assert "skipped" in log and "database unavailable" in log

    proxy.up()
    assert health(server) == (200, {"status": "ok", "database": "up"})
    assert count_events(admin, schema) == counted  # nothing was written while it was down


def test_a_hanging_database_is_not_waited_for_on_every_page(behind_proxy):
    """The circuit breaker: after one failed write, usage events skip the database for a while.

    Without it every answer would open a new connection attempt and wait for the 2 s connect
    timeout; the proxy counts the attempts.
    """
    server, proxy, _admin, _schema = behind_proxy
    proxy.hang()
    before = proxy.accepted
    walk = Walk(Visitor(), [server.url])
    answers = answer_selfcheck(walk)
    assert answers_shown(walk, answers) == answers
    attempts = proxy.accepted - before
    assert len(answers) >= 8
    assert 1 <= attempts <= 2, f"{attempts} connection attempts for {len(answers)} answers"
    assert "skipping writes" in server.log_text()
