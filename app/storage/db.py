"""One engine per app, one SQLAlchemy session per request."""

from pathlib import Path

from flask import Flask, current_app, g, has_app_context
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker


class Base(DeclarativeBase):
    pass


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        return create_engine(url, connect_args={"timeout": 5})
    # Time limits on connecting and on every query (app/storage/timeouts.py): when the database
    # is down or hangs, pages must not hang on it. pool_timeout: how long a request waits for a
    # free connection of the pool before it gives up.
    engine = create_engine(url, pool_pre_ping=True, pool_timeout=2)
    if engine.dialect.driver == "psycopg":
        from app.storage import timeouts

        @event.listens_for(engine, "do_connect")
        def _connect(_dialect, _record, cargs, cparams):
            return timeouts.connect(cargs, cparams)

        @event.listens_for(engine, "handle_error")
        def _timed_out(context):
            # A query that timed out anywhere (a request page, /health) means the database
            # hangs: the optional usage counts stop trying at once instead of each waiting.
            if timeouts.is_timeout(context.original_exception) and has_app_context():
                from app.storage.breaker import breaker_for

                breaker = breaker_for("usage events")
                if not breaker.is_open:
                    breaker.failure()

    return engine


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    app.extensions["database"] = sessionmaker(bind=engine, expire_on_commit=False)
    app.teardown_appcontext(_close_session)


def session() -> Session:
    if "db_session" not in g:
        g.db_session = current_app.extensions["database"]()
    return g.db_session


def engine() -> Engine:
    return current_app.extensions["database"].kw["bind"]


def database_is_up() -> bool:
    try:
        with engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        return True
    except Exception:  # noqa: BLE001 - any driver error means "down" for the health check
        return False


def _close_session(_exc=None) -> None:
    db_session = g.pop("db_session", None)
    if db_session is not None:
        db_session.close()
