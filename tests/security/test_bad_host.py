"""Issue 14.5: a Host header the URL map refuses ("a..b", a label over 63 characters) gets our
400 page with every security header, through real gunicorn, and no traceback in the log."""

import re
import socket

import pytest

from tests.reliability.servers import Gunicorn

BAD_HOSTS = ["a..b", "a" * 64 + ".example", ".example"]


def raw_get(port: int, host: str, path: str = "/") -> tuple[str, dict, str]:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head, _, body = data.decode("utf-8", "replace").partition("\r\n\r\n")
    status, *lines = head.split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
    return status, headers, body


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("badhost")
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/g.sqlite3", "INSTANCE_DIR": str(tmp_path)}
    with Gunicorn(env, workers=1, log_path=tmp_path / "gunicorn.log") as running:
        yield running


@pytest.mark.parametrize("host", BAD_HOSTS)
@pytest.mark.parametrize("path", ["/", "/en/voor-jou", "/zelftest"])
def test_a_bad_host_gets_our_400_page(server, host, path):
    status, headers, body = raw_get(server.port, host, path)
    assert status.split()[1] == "400", status
    assert "default-src 'self'" in headers["content-security-policy"]
    assert headers["x-content-type-options"] == "nosniff"
    assert "<h1" in body and re.search(r"/static/css/site\.[0-9a-f]{12}\.css", body)


def test_a_bad_host_leaves_no_traceback(server):
    before = server.log_text().count("\n")
    raw_get(server.port, "a..b")
    log = server.log_text()
    assert "Traceback" not in log
    assert log.count("\n") - before <= 3
