import os
import shutil
import uuid
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config as AlembicConfig
from flask.testing import FlaskClient
from sqlalchemy import create_engine, text

from app import create_app
from tests.support.html import check_page

ROOT = Path(__file__).resolve().parent.parent


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig(str(ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(ROOT / "migrations"))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


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
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url)
    with admin.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    separator = "&" if "?" in server_url else "?"
    url = f"{server_url}{separator}options=-csearch_path%3D{schema}"
    command.upgrade(alembic_config(url), "head")
    yield url
    with admin.begin() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture
def app(database_url):
    application = create_app("testing", DATABASE_URL=database_url)
    application.test_client_class = CheckedClient
    yield application
    application.extensions["database"].kw["bind"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()
