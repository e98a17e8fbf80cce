"""Issue 14.6: no client addresses in the logs, and one line per Redis outage, not two tracebacks
per limited request."""

import logging
import socket

from app.logging_filters import redact
from tests.reliability.servers import Gunicorn
from tests.security.test_ratelimits import limited_app


def limiter_records(caplog):
    return [r for r in caplog.records if r.name == "flask-limiter"]


def test_the_limit_message_names_no_client(database_url, caplog):
    client = limited_app(database_url).test_client()
    with caplog.at_level(logging.INFO, logger="flask-limiter"):
        for _ in range(5):
            client.get("/api/v1/probe", environ_base={"REMOTE_ADDR": "192.0.2.55"})
    messages = [r.getMessage() for r in limiter_records(caplog)]
    assert any("exceeded" in m for m in messages)
    assert not any("192.0.2.55" in m for m in messages)


def test_redis_down_logs_once_and_back_once(database_url, caplog):
    app = limited_app(database_url, RATELIMIT_STORAGE_URI="redis://127.0.0.1:1/0", RATELIMIT_API="1000 per minute")
    client = app.test_client()
    with caplog.at_level(logging.INFO, logger="flask-limiter"):
        for _ in range(30):
            assert client.get("/api/v1/probe").status_code == 200
    records = limiter_records(caplog)
    assert len(records) == 1, [r.getMessage() for r in records]
    assert "unreachable" in records[0].getMessage() and records[0].exc_info is None

    caplog.clear()
    healthy = limited_app(database_url, RATELIMIT_API="1000 per minute")  # memory storage: it works
    healthy.extensions["ratelimit_outage"].down = True  # as if Redis had been away
    with caplog.at_level(logging.INFO, logger="flask-limiter"):
        healthy.test_client().get("/")  # a page without limits says nothing about the storage
        assert not limiter_records(caplog)
        for _ in range(3):
            healthy.test_client().get("/api/v1/probe")
    assert [r.getMessage() for r in limiter_records(caplog)] == ["rate-limit storage is back: limits apply again"]


def test_redact_keeps_times_and_drops_addresses_and_queries():
    assert redact("at 20:45:10 from 10.1.2.3 and ::1 and 2001:db8::7") == \
        "at 20:45:10 from [address] and [address] and [address]"
    assert redact("GET /zelftest?naam=Sam HTTP/1.1") == "GET /zelftest?[query] HTTP/1.1"


def test_gunicorn_logs_an_invalid_request_without_address_or_query(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/g.sqlite3", "INSTANCE_DIR": str(tmp_path)}
    with Gunicorn(env, workers=1, log_path=tmp_path / "gunicorn.log") as server:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(b"GET /zelftest?naam=Samira%20Verhoeven HTTP/1.1\x01\r\nHost: x\r\n\r\n")
            sock.recv(4096)
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
            sock.sendall(b"GET /?bsn=123 HTTP/1.1 extra\r\nHost: x\r\n\r\n")
            sock.recv(4096)
        log = server.log_text()
    assert "Invalid request" in log
    assert "127.0.0.1" not in log.replace(f"127.0.0.1:{server.port}", "")
    assert "Samira" not in log and "bsn" not in log
