"""The real server: gunicorn with gunicorn.conf.py names no software in its `Server` header."""

import urllib.error
import urllib.request

from tests.reliability.servers import Gunicorn

STACK_WORDS = ("gunicorn", "python", "werkzeug", "flask")


def fetch(url: str):
    try:
        return urllib.request.urlopen(url, timeout=10)
    except urllib.error.HTTPError as error:  # 404 and friends still carry headers
        return error


def test_gunicorn_names_no_stack_and_sends_the_security_headers(tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path}/g.sqlite3", "INSTANCE_DIR": str(tmp_path)}
    with Gunicorn(env, workers=1, log_path=tmp_path / "gunicorn.log") as server:
        for path in ("/", "/en/", "/bestaat-niet", "/static/css/site.css", "/.well-known/security.txt"):
            response = fetch(server.url + path)
            headers = {name.lower(): value for name, value in response.headers.items()}
            server_header = headers.get("server", "").lower()
            assert not any(word in server_header for word in STACK_WORDS), f"{path}: Server: {server_header}"
            assert "x-powered-by" not in headers
            assert "default-src 'self'" in headers["content-security-policy"], path
            assert headers["x-content-type-options"] == "nosniff", path
        log = server.log_text()
    # The access log names no client address and no query string.
    assert "127.0.0.1" not in log.replace(f"127.0.0.1:{server.port}", "")
