"""PostgreSQL hangs on connections that are already open (its proxy stopped with SIGSTOP).

Without client-side time limits a query on an open connection waits until gunicorn kills the
worker (30 s), and every worker in turn. With them: pages that need no database answer within
2 s, pages that need it give their honest 503 within 5 s, and the site is itself again once the
database answers.
"""

import re
import time

import pytest

from tests.reliability.conftest import POSTGRES, instance_env
from tests.reliability.proxy import ProxyProcess
from tests.reliability.servers import Gunicorn
from tests.reliability.visitor import Visitor, main_form
from tests.reliability.walks import Walk, answer_selfcheck

INFORMATION_PAGES = ["/", "/en/", "/voor-jou", "/professionals",
                     "/toegankelijkheid", "/privacy", "/zelftest"]
NO_DATABASE_SECONDS = 2.0
DATABASE_SECONDS = 5.0


class TimedVisitor(Visitor):
    """A visitor that remembers how long each answer took."""

    def __init__(self):
        super().__init__()
        self.timings: list[tuple[str, str, int, float]] = []

    def request(self, base_url, method, path, data=None, timeout=30):
        start = time.monotonic()
        response = super().request(base_url, method, path, data, timeout)
        self.timings.append((method, path, response.status, time.monotonic() - start))
        return response


@pytest.fixture
def frozen_database(tmp_path, postgres_schema, redis_prefix):
    _admin, schema, _url = postgres_schema
    proxy = ProxyProcess()
    url = POSTGRES.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}") + f"?options=-csearch_path%3D{schema}"
    # One worker: a request stuck on the database would hold up every request after it.
    server = Gunicorn(instance_env(url, redis_prefix), workers=1, log_path=tmp_path / "gunicorn.log")
    try:
        server.wait_until_up()
        yield server, proxy
    finally:
        server.stop()
        proxy.stop()


def start_request(server, visitor: Visitor) -> tuple[str, dict]:
    """Save the first request page, so the worker holds open database connections; the form."""
    page = visitor.get(server.url, "/aanvraag/over-jou")
    form = main_form(page.text, "/aanvraag/over-jou", "/aanvraag/over-jou")
    data = form.plausible_data()
    assert visitor.post(server.url, form.action, data).status == 303
    return form.action, data


def test_a_stopped_database_costs_seconds_not_the_site(frozen_database):
    server, proxy = frozen_database
    person = TimedVisitor()
    assert person.get(server.url, "/health").status == 200
    action, data = start_request(server, person)
    answer_selfcheck(Walk(Visitor(), [server.url]))  # usage counts: a pooled connection in use

    proxy.freeze()
    person.timings.clear()
    assert person.get(server.url, "/health").status == 503
    assert person.get(server.url, "/professionals/cijfers").status == 503
    saved = person.post(server.url, action, data)
    assert saved.status == 503
    assert re.search(r"<h1|class=\"error", saved.text)
    for _method, path, _status, seconds in person.timings:
        assert seconds <= DATABASE_SECONDS, f"{path} took {seconds:.1f} s while the database hangs"
    needing = person.timings[:]

    person.timings.clear()
    for path in INFORMATION_PAGES:
        assert person.get(server.url, path).status == 200, path
    walker = TimedVisitor()
    answer_selfcheck(Walk(walker, [server.url]))
    for _method, path, _status, seconds in person.timings + walker.timings:
        assert seconds <= NO_DATABASE_SECONDS, f"{path} took {seconds:.1f} s while the database hangs"

    print("\nwhile the database hangs:", ", ".join(f"{m} {p} {s} {t:.2f} s" for m, p, s, t in needing),
          f"; slowest of {len(person.timings + walker.timings)} pages without the database:",
          f"{max(t for *_x, t in person.timings + walker.timings):.2f} s")
    proxy.thaw()
    deadline = time.monotonic() + 15
    while person.get(server.url, "/health").status != 200:
        assert time.monotonic() < deadline, "the site did not notice the database was back"
        time.sleep(0.5)
    assert person.post(server.url, action, data).status == 303
    assert "database did not answer" in server.log_text()
