import os
import shutil
from pathlib import Path

import pytest
from alembic import command
from flask.testing import FlaskClient

from app import create_app
from tests.support.database import alembic_config, migrated_schema
from tests.support.html import check_page

__all__ = ["CheckedClient", "alembic_config", "language_of"]


def language_of(path: str) -> str:
    return "en" if path == "/en" or path.startswith("/en/") else "nl"


class CheckedClient(FlaskClient):
    """A test client that checks the structure of every HTML page it receives."""

    def open(self, *args, **kwargs):
        response = super().open(*args, **kwargs)
        if response.mimetype == "text/html" and not 300 <= response.status_code < 400:
            path = response.request.path if response.request else "/"
            script_root = response.request.root_path if response.request else ""
            check_page(response.get_data(as_text=True), language_of(script_root + path))
        return response


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory) -> Path:
    """An SQLite file upgraded once to the newest migration; tests get a copy."""
    path = tmp_path_factory.mktemp("db") / "template.sqlite3"
    command.upgrade(alembic_config(f"sqlite:///{path}"), "head")
    return path


@pytest.fixture
def database_url(tmp_path, migrated_sqlite):
    """A migrated, empty database: SQLite by default, PostgreSQL when TEST_DATABASE_URL is set.

    On PostgreSQL each test gets a schema of its own, dropped afterwards.
    """
    server_url = os.environ.get("TEST_DATABASE_URL")
    if not server_url:
        path = tmp_path / "test.sqlite3"
        shutil.copy(migrated_sqlite, path)
        yield f"sqlite:///{path}"
        return
    with migrated_schema(server_url, "test") as (_admin, _schema, url):
        yield url


@pytest.fixture
def app(database_url):
    application = create_app("testing", DATABASE_URL=database_url)
    application.test_client_class = CheckedClient
    yield application
    application.extensions["database"].kw["bind"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()
