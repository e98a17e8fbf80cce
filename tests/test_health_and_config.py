import subprocess
import sys
from pathlib import Path

import pytest

from app import create_app

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.database
def test_health_says_the_database_answers(client):
    response = client.get("/health")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok", "database": "up"}


def test_health_says_when_the_database_is_down(tmp_path):
    app = create_app("testing", DATABASE_URL="postgresql+psycopg://nobody@127.0.0.1:1/none")
    response = app.test_client().get("/health")
    assert response.status_code == 503
    assert response.get_json()["database"] == "down"


def _start_production(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "import wsgi"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "APP_ENV": "production", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _start_production({})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "SECRET_KEY" in lines[0]


def test_production_refuses_a_short_secret_key():
    result = _start_production({"SECRET_KEY": "short"})
    assert result.returncode == 1
    assert "SECRET_KEY" in result.stderr


def test_production_starts_with_a_real_secret_key(tmp_path):
    result = _start_production({"SECRET_KEY": "x" * 40, "DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite3"})
    assert result.returncode == 0, result.stderr


def test_production_cookies_are_secure(monkeypatch):
    monkeypatch.setenv("SECRET_KEY", "y" * 40)
    app = create_app("production")
    assert app.config["SESSION_COOKIE_SECURE"] is True
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True
    assert app.config["SESSION_COOKIE_SAMESITE"] == "Lax"
