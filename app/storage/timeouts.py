"""Client-side time limits for PostgreSQL, so a database that hangs cannot hold a worker.

`connect_timeout` only covers opening a connection. A database (or a proxy, or a network path)
that stops answering on a connection that is already open would otherwise keep a query waiting
until gunicorn kills the worker after 30 s, and every worker in turn. Three limits cover it:

- every wait on a connection (query, commit, rollback, the pool's ping) ends after
  QUERY_SECONDS on the client: psycopg's own wait loop with a deadline. This is the one that
  works even when the other side's kernel still acknowledges every packet (a stopped process);
- the server ends a statement itself after STATEMENT_TIMEOUT_MS (`statement_timeout`), a bit
  sooner, so a merely slow query is cancelled cleanly instead of the connection being dropped;
- TCP keepalives and `tcp_user_timeout` notice a peer that vanished from the network.

After a client-side timeout no new connection is tried for HOLD_SECONDS: the database just
failed to answer, and each attempt would wait the whole connect timeout again. Pages that need
the database then give their 503 at once; pages that do not, never wait.
"""

import contextlib
import contextvars
import logging
import time

import psycopg
from psycopg import errors as pg_errors

log = logging.getLogger(__name__)

CONNECT_SECONDS = 2  # libpq and psycopg do not go below 2 s
QUERY_SECONDS = 3.0
STATEMENT_TIMEOUT_MS = 2500
HOLD_SECONDS = 5.0
# Connection parameters libpq understands (milliseconds for tcp_user_timeout, seconds otherwise).
SOCKET_PARAMS = {"keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2, "keepalives_count": 2,
                 "tcp_user_timeout": 5000}

_limit: contextvars.ContextVar[float | None] = contextvars.ContextVar("query_time_limit", default=None)
_unresponsive_until = 0.0


@contextlib.contextmanager
def query_time_limit(seconds: float):
    """A shorter client-side limit for the queries inside (e.g. optional writes: usage counts)."""
    token = _limit.set(seconds)
    try:
        yield
    finally:
        _limit.reset(token)


def current_limit() -> float:
    return _limit.get() or QUERY_SECONDS


class TimeLimitedConnection(psycopg.Connection):
    """A psycopg connection whose every wait for the server ends after current_limit() seconds."""

    def wait(self, gen, interval=0.1, timeout=None):
        limit = current_limit() if timeout is None else min(timeout, current_limit())
        try:
            return super().wait(gen, interval=interval, timeout=limit)
        except pg_errors._WaitTimeout:  # noqa: SLF001 - psycopg's own deadline, converted here
            global _unresponsive_until
            _unresponsive_until = time.monotonic() + HOLD_SECONDS
            # The protocol state is unknown now: drop the connection (SQLAlchemy then sees a
            # closed connection, counts it as a disconnect and throws the pool's others away).
            self.pgconn.finish()
            log.warning("database did not answer within %.1f s; connection dropped", limit)
            raise pg_errors.ConnectionTimeout("the database did not answer in time") from None


def connect(cargs: list, cparams: dict) -> psycopg.Connection:
    """Open a connection with all three limits (SQLAlchemy's do_connect hands us its parameters)."""
    if time.monotonic() < _unresponsive_until:
        raise pg_errors.ConnectionTimeout("the database did not answer a moment ago; not tried again yet")
    params = {**SOCKET_PARAMS, **cparams}
    params.setdefault("connect_timeout", CONNECT_SECONDS)
    params["options"] = f"{params.get('options', '')} -c statement_timeout={STATEMENT_TIMEOUT_MS}".strip()
    return TimeLimitedConnection.connect(*cargs, **params)


def is_timeout(error: BaseException) -> bool:
    """True for a client-side time limit that ran out (a query, or opening a connection)."""
    return isinstance(error, pg_errors.ConnectionTimeout)


def reset() -> None:
    """Forget a recent timeout (tests)."""
    global _unresponsive_until
    _unresponsive_until = 0.0
