import logging

import pytest
from sqlalchemy import select

from app import create_app
from app.storage.db import session
from app.storage.events import record_event
from app.storage.models import UsageEvent


@pytest.mark.database
def test_an_event_is_stored_with_only_the_day(app):
    with app.app_context():
        assert record_event("selfcheck_started") is True
        events = session().scalars(select(UsageEvent)).all()
    assert [(e.name, e.value) for e in events] == [("selfcheck_started", "")]
    assert not hasattr(events[0], "ip")


def test_an_event_is_skipped_and_logged_when_the_database_is_down(caplog):
    app = create_app("testing", DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    with app.app_context(), caplog.at_level(logging.WARNING):
        assert record_event("selfcheck_started") is False
    assert "usage event selfcheck_started skipped" in caplog.text


def test_an_in_memory_sqlite_url_is_treated_as_sqlite():
    from app.storage.db import make_engine

    engine = make_engine("sqlite://")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT 1").scalar() == 1
    engine.dispose()
