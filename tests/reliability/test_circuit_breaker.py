import logging

from app import create_app
from app.storage.breaker import CircuitBreaker, breaker_for
from app.storage.events import record_event


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_breaker_opens_on_failure_and_tries_again_after_the_cooldown(caplog):
    clock = Clock()
    breaker = CircuitBreaker("test", cooldown=30, clock=clock)
    assert breaker.allow()
    with caplog.at_level(logging.WARNING):
        breaker.failure()
    assert "skipping writes for 30 s" in caplog.text
    assert not breaker.allow() and not breaker.allow()
    clock.now += 29
    assert not breaker.allow()
    clock.now += 2
    assert breaker.allow()
    with caplog.at_level(logging.WARNING):
        breaker.success()
    assert "3 writes were skipped" in caplog.text
    assert breaker.allow() and not breaker.is_open


def test_record_event_skips_the_database_while_the_breaker_is_open(caplog):
    app = create_app("testing", DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with app.app_context(), caplog.at_level(logging.WARNING):
        assert record_event("selfcheck_started") is False
        assert breaker_for("usage events").is_open
        caplog.clear()
        assert record_event("selfcheck_started") is False
    # The second event did not try the database (no new "skipped: database unavailable" line).
    assert "database unavailable" not in caplog.text


def test_each_app_has_its_own_breaker():
    down = create_app("testing", DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    other = create_app("testing", DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with down.app_context():
        record_event("selfcheck_started")
        assert breaker_for("usage events").is_open
    with other.app_context():
        assert not breaker_for("usage events").is_open
